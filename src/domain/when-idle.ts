import { afterViewOpens, viewOpening } from './view-opening'

/**
 * Runs `task` when the browser is next idle (and within `timeoutMs` at the latest), for work
 * that must happen but not while the person is waiting: compaction, summaries, bookkeeping.
 * It never runs while a view is opening (view-opening.ts): an idle moment in an opening is
 * only the page waiting for its code, and the task then waits for the opening to end and
 * for the next idle moment after it. Returns a function that cancels it if it has not run yet.
 * Without requestIdleCallback (Node, older Safari) it falls back to a timer.
 */
export const whenIdle = (task: () => void, timeoutMs: number): (() => void) => {
  let cancel: () => void = () => undefined
  const fire = (): void => {
    if (viewOpening()) cancel = afterViewOpens(request)
    else task()
  }
  const request = (): void => {
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(fire, { timeout: timeoutMs })
      cancel = () => cancelIdleCallback(handle)
    } else {
      const timer = setTimeout(fire, 0)
      cancel = () => clearTimeout(timer)
    }
  }
  request()
  return () => cancel()
}
