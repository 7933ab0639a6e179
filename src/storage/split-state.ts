import { splitIntoCausalChunks } from '../crdt/causal-chunks'
import type { SplitStateReply } from './split-state.worker'

/**
 * A workspace's whole state as chunks to store one row each, so that opening it applies them
 * in separate tasks (sliced-apply.ts) rather than in one long one.
 *
 * In a browser the split runs in a worker (split-state.worker.ts). Whatever goes wrong there
 * (no worker, its script not loaded, too slow) gives the state back whole: stored as one row,
 * it opens as before, in one task. In Node (unit tests) it runs in place.
 */

/** Decoding and ordering take about 150 ms a MB on a modest laptop; this leaves a wide margin. */
const timeLimitFor = (bytes: number): number => 10_000 + Math.ceil(bytes / (1024 * 1024)) * 2_000

const isChunks = (value: unknown): value is Uint8Array[] =>
  Array.isArray(value) && value.length > 0 && value.every((chunk) => chunk instanceof Uint8Array)

const splitInWorker = (state: Uint8Array): Promise<Uint8Array[]> =>
  new Promise((resolve) => {
    let worker: Worker
    try {
      worker = new Worker(new URL('./split-state.worker.ts', import.meta.url), { type: 'module', name: 'mutual-split-state' })
    } catch {
      resolve([state])
      return
    }
    let settled = false
    const finish = (chunks: Uint8Array[]): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      worker.terminate()
      resolve(chunks)
    }
    const timer = setTimeout(() => finish([state]), timeLimitFor(state.length))
    worker.onmessage = (event: MessageEvent<SplitStateReply>) => {
      const reply = event.data as Partial<{ ok: boolean; chunks: unknown }> | null
      finish(reply?.ok === true && isChunks(reply.chunks) ? reply.chunks : [state])
    }
    worker.onerror = (event) => {
      event.preventDefault()
      finish([state])
    }
    // A copy goes to the worker: the page keeps `state` to fall back on.
    worker.postMessage(state)
  })

export const splitStateForStorage = (state: Uint8Array): Promise<Uint8Array[]> => {
  if (typeof Worker !== 'function') return Promise.resolve(splitIntoCausalChunks(state))
  return splitInWorker(state)
}
