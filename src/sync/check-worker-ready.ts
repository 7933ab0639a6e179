/**
 * What apply-update.worker.ts posts first, once its script has loaded: the page can then tell
 * a worker that ran from one whose script never loaded. (A file of its own so the worker need
 * not import the module that starts it.)
 */
export const WORKER_READY = 'mutual-check-update-ready'
