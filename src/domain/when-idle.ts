/**
 * Runs `task` when the browser is next idle (and within `timeoutMs` at the latest), for work
 * that must happen but not while the person is waiting: compaction, summaries, bookkeeping.
 * Returns a function that cancels it if it has not run yet. Without requestIdleCallback (Node,
 * older Safari) it falls back to a timer.
 */
export const whenIdle = (task: () => void, timeoutMs: number): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => task(), { timeout: timeoutMs })
    return () => cancelIdleCallback(handle)
  }
  const timer = setTimeout(task, 0)
  return () => clearTimeout(timer)
}
