/**
 * Checks an update from outside (a changes file) off the main thread with a time limit, so a
 * crafted update can neither freeze the page nor reach the workspace half-applied. What comes
 * back was re-encoded by Yjs from a scratch document, so it is structurally sound.
 */
import { WORKER_READY } from './check-worker-ready'

export type CheckedUpdate = { ok: true; update: Uint8Array } | { ok: false; problem: CheckProblem }

/**
 * `unreadable`: the file's update is not one Yjs can read. `too-slow`: it took too long.
 * `could-not-check`: the checker itself never started (its script could not be fetched, say
 * offline before the app was saved for offline use), which says nothing about the file.
 */
export type CheckProblem = 'unreadable' | 'too-slow' | 'could-not-check'

/** Generous for real files (a large workspace applies in about a second), tight for loops. */
export const timeLimitFor = (bytes: number): number => 5_000 + Math.ceil(bytes / (1024 * 1024)) * 1_000

export const checkUpdateOffThread = (update: Uint8Array, timeLimitMs = timeLimitFor(update.length)): Promise<CheckedUpdate> =>
  new Promise((resolve) => {
    let worker: Worker
    try {
      worker = new Worker(new URL('./apply-update.worker.ts', import.meta.url), { type: 'module', name: 'mutual-check-update' })
    } catch {
      resolve({ ok: false, problem: 'could-not-check' })
      return
    }
    let settled = false
    // An error before the worker said it was ready means its script never ran.
    let started = false
    const finish = (result: CheckedUpdate): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      worker.terminate()
      resolve(result)
    }
    const timer = setTimeout(() => finish({ ok: false, problem: started ? 'too-slow' : 'could-not-check' }), timeLimitMs)
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const reply = event.data as { ok?: unknown; update?: unknown; ready?: unknown } | null
      if (!started && reply?.ready === WORKER_READY) {
        started = true
        return
      }
      if (reply && reply.ok === true && reply.update instanceof Uint8Array) finish({ ok: true, update: reply.update })
      else finish({ ok: false, problem: 'unreadable' })
    }
    worker.onerror = (event) => {
      event.preventDefault()
      finish({ ok: false, problem: started ? 'unreadable' : 'could-not-check' })
    }
    worker.postMessage(update)
  })
