/**
 * Resolves in a new task, so that work split into steps lets the page paint and respond
 * between them, and lets the page's other work (its own start-up, reading the device's
 * registry) take turns with it. A message to ourselves: unlike `setTimeout(0)` it is not held
 * back to 4 ms once nested, and unlike `scheduler.yield()` it does not jump ahead of the
 * tasks already waiting, which would hold the app's start-up back until the steps are done.
 */
export const nextTask = (): Promise<void> => {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0))
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}
