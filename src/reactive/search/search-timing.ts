/**
 * Where one search's round trip went, told by the worker with its answer, so the page can say
 * whether a slow keystroke waited for the worker's thread, for requests ahead of it in the
 * worker, for the search itself, or for the answer to come back (copying it and the page's own
 * thread being busy). Times are on the clock both threads share: `performance.timeOrigin +
 * performance.now()`, in milliseconds, since each thread's `performance.now()` starts anew.
 */
export interface SearchTiming {
  /** When the page posted the search. */
  sentAt: number
  /** When the worker's thread got to the message (it may have been busy, or not running). */
  receivedAt: number
  /** When the worker started on it (after the requests ahead of it). */
  startedAt: number
  /** When the answer was ready and about to be posted back. */
  repliedAt: number
}

/** Now, on the clock the page and the worker share. */
export const sharedNow = (): number => performance.timeOrigin + performance.now()
