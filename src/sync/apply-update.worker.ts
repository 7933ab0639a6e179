/**
 * Runs untrusted Yjs updates (from files) away from the page: decoded and applied to a scratch
 * document here, then re-encoded by Yjs itself and sent back. A crafted update that makes Yjs
 * loop or crawl only ties up this worker, which the page terminates after its time limit.
 */
import * as Y from 'yjs'
import { WORKER_READY } from './check-worker-ready'

export type WorkerReply = { ok: true; update: Uint8Array } | { ok: false; message: string }

// Said first, so the page can tell a worker that ran from one whose script never loaded.
postMessage({ ready: WORKER_READY })

self.onmessage = (event: MessageEvent<unknown>) => {
  let reply: WorkerReply
  try {
    const update = event.data
    if (!(update instanceof Uint8Array) || update.length === 0) throw new Error('Expected the bytes of an update')
    const scratch = new Y.Doc({ gc: false })
    Y.applyUpdate(scratch, update)
    reply = { ok: true, update: Y.encodeStateAsUpdate(scratch) }
    scratch.destroy()
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  if (reply.ok) postMessage(reply, { transfer: [reply.update.buffer] })
  else postMessage(reply)
}
