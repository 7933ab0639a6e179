/**
 * Splits a workspace's whole state into chunks that apply one by one (crdt/causal-chunks.ts),
 * away from the page: decoding a two-year lab to order its clients takes a second or more.
 * It is given the page's own state, never untrusted input; the page still bounds its time.
 */
import { splitIntoCausalChunks } from '../crdt/causal-chunks'

export type SplitStateReply = { ok: true; chunks: Uint8Array[] } | { ok: false }

self.onmessage = (event: MessageEvent<unknown>) => {
  const state = event.data
  let reply: SplitStateReply
  try {
    if (!(state instanceof Uint8Array)) throw new Error('Expected the bytes of a state')
    reply = { ok: true, chunks: splitIntoCausalChunks(state) }
  } catch {
    reply = { ok: false }
  }
  const transfer = reply.ok ? reply.chunks.map((chunk) => chunk.buffer as ArrayBuffer) : []
  // Chunks may share a buffer only when the state came back whole (one chunk).
  self.postMessage(reply, { transfer: [...new Set(transfer)] })
}
