import { clockRangesOf, type ClockRange } from '../update-clock-ranges'
import { decodeUpdateOffThread, readyCheckWorker, workersAvailable, type DecodedUpdate } from '../untrusted-update'

/**
 * Checks a Yjs update that came out of a sealed entry before it reaches the document. A
 * member's device sealed it, but that device may be buggy or compromised: the update is
 * bounded in size and decoded whole without touching anything (as message-guard.ts does for
 * peers). A large one (a catch-up, a compacted state) is decoded in a worker with a time limit
 * (untrusted-update.ts), so a crafted or simply large update neither freezes the page nor is
 * decoded twice on it: the page decodes it once, when Yjs applies it. The check also returns
 * the clock ranges the update carries (what the relay holds, relay-held.ts), read in the same
 * decode. Null: refuse the update.
 */
export type UpdateCheck = (update: Uint8Array) => Promise<ClockRange[] | null>
export type OffThreadDecode = (update: Uint8Array) => Promise<DecodedUpdate>

/** No single update from the relay may be larger (a reassembled message or a compacted state). */
export const MAX_UPDATE_BYTES = 96 * 1024 * 1024
/** Above this a worker decodes the update where one exists (browsers); below, decoding is quick. */
export const DECODE_OFF_THREAD_FROM_BYTES = 256 * 1024

const decodeHere = (update: Uint8Array): ClockRange[] | null => {
  try {
    return clockRangesOf(update)
  } catch {
    return null
  }
}

export const makeRelayUpdateCheck =
  (offThread: OffThreadDecode | null): UpdateCheck =>
  async (update) => {
    if (update.length === 0 || update.length > MAX_UPDATE_BYTES) return null
    if (!offThread || update.length < DECODE_OFF_THREAD_FROM_BYTES) return decodeHere(update)
    const decoded = await offThread(update)
    if (decoded.ok) return decoded.ranges
    // A checker that never started says nothing about the update: refusing it would lose the
    // entry for good (the cursor moves past it), so it is decoded here, within the size bound.
    return decoded.problem === 'could-not-check' ? decodeHere(update) : null
  }

export const checkRelayUpdate: UpdateCheck = (update) => makeRelayUpdateCheck(workersAvailable() ? decodeUpdateOffThread : null)(update)

/** Starts the worker checkRelayUpdate will decode the next large update in (see readyCheckWorker). */
export const readyRelayUpdateCheck = (): void => readyCheckWorker()
