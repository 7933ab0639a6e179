/**
 * Names of the performance measures search leaves on the page's timeline, read by the search
 * benchmark to tell where each keystroke's time goes.
 */
export const SEARCH_MEASURES = {
  /** From the key's event time to the task after the frame that painted its results. */
  keystroke: 'mutual:search:keystroke',
  /** From the key's event time to its answer reaching the page (before anything is drawn). */
  answered: 'mutual:search:answered',
  /** From a keystroke's answer reaching the page to the task after the frame that painted it. */
  drawn: 'mutual:search:drawn',
  /** From a search being posted to the worker until its answer came back. */
  roundTrip: 'mutual:search:round-trip',
  /** The worker's own time answering one search (a share of the round trip). */
  worker: 'mutual:search:worker',
  /** From posting a search until the worker's thread got to it (busy, or not yet running). */
  toWorker: 'mutual:search:to-worker',
  /** From the worker getting a search until it started on it (requests ahead of it). */
  queued: 'mutual:search:queued',
  /** From the worker posting an answer until the page got it (copying, the page busy). */
  back: 'mutual:search:back',
  /** The worker's time taking in changed items, during which searches wait. */
  index: 'mutual:search:index',
  /** The worker's time keeping the index on the device, during which searches wait. */
  keep: 'mutual:search:keep'
} as const
