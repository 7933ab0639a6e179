import * as Y from 'yjs'
import { checkUpdateOffThread } from '../untrusted-update'

/**
 * Checks a Yjs update that came out of a sealed entry before it reaches the document. A
 * member's device sealed it, but that device may be buggy or compromised: the update is
 * bounded in size, decoded whole without touching anything (as message-guard.ts does for
 * peers), and a large one is applied to a scratch document in a worker with a time limit
 * (untrusted-update.ts), so a crafted update cannot freeze the page. Returns the update to
 * apply, or null.
 */
export type UpdateCheck = (update: Uint8Array, whole: boolean) => Promise<Uint8Array | null>

/** No single update from the relay may be larger (a reassembled message or a compacted state). */
export const MAX_UPDATE_BYTES = 96 * 1024 * 1024
/** Above this a worker checks the update where one exists (browsers); below, decoding is quick. */
const WORKER_FROM_BYTES = 256 * 1024

export const decodesWhole = (update: Uint8Array): boolean => {
  if (update.length === 0 || update.length > MAX_UPDATE_BYTES) return false
  try {
    Y.decodeUpdate(update)
    return true
  } catch {
    return false
  }
}

/**
 * `whole`: the update is a compacted state, complete on its own, so the worker's re-encoding
 * from a scratch document keeps all of it. An incremental update may depend on structs the
 * scratch document lacks (Yjs would hold them back), so it is only decoded.
 */
export const checkRelayUpdate: UpdateCheck = async (update, whole) => {
  if (!decodesWhole(update)) return null
  if (!whole || update.length < WORKER_FROM_BYTES || typeof Worker === 'undefined') return update
  const checked = await checkUpdateOffThread(update)
  return checked.ok ? checked.update : null
}
