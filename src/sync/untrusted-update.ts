/**
 * Checks an update from outside (a changes file) off the main thread with a time limit, so a
 * crafted update can neither freeze the page nor reach the workspace half-applied. What comes
 * back was re-encoded by Yjs from a scratch document, so it is structurally sound.
 */
export type CheckedUpdate = { ok: true; update: Uint8Array } | { ok: false; problem: 'unreadable' | 'too-slow' }

/** Generous for real files (a large workspace applies in about a second), tight for loops. */
export const timeLimitFor = (bytes: number): number => 5_000 + Math.ceil(bytes / (1024 * 1024)) * 1_000

export const checkUpdateOffThread = (update: Uint8Array, timeLimitMs = timeLimitFor(update.length)): Promise<CheckedUpdate> =>
  new Promise((resolve) => {
    const worker = new Worker(new URL('./apply-update.worker.ts', import.meta.url), { type: 'module', name: 'mutual-check-update' })
    let settled = false
    const finish = (result: CheckedUpdate): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      worker.terminate()
      resolve(result)
    }
    const timer = setTimeout(() => finish({ ok: false, problem: 'too-slow' }), timeLimitMs)
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const reply = event.data as { ok?: unknown; update?: unknown } | null
      if (reply && reply.ok === true && reply.update instanceof Uint8Array) finish({ ok: true, update: reply.update })
      else finish({ ok: false, problem: 'unreadable' })
    }
    worker.onerror = (event) => {
      event.preventDefault()
      finish({ ok: false, problem: 'unreadable' })
    }
    worker.postMessage(update)
  })
