/**
 * Runs `fn` while collecting unhandled promise rejections instead of letting the runner
 * report them. For upstream code that leaves a known failure unhandled (y-indexeddb does not
 * return its load promise), so a test can assert on it rather than ignore it.
 */
export const captureUnhandledRejections = async (fn: () => Promise<void>): Promise<unknown[]> => {
  const captured: unknown[] = []
  const previous = process.listeners('unhandledRejection')
  process.removeAllListeners('unhandledRejection')
  const capture = (reason: unknown): void => {
    captured.push(reason)
  }
  process.on('unhandledRejection', capture)
  try {
    await fn()
    // Unhandled rejections are reported after the microtask queue drains.
    await new Promise((resolve) => setTimeout(resolve, 20))
  } finally {
    process.off('unhandledRejection', capture)
    for (const listener of previous) process.on('unhandledRejection', listener)
  }
  return captured
}
