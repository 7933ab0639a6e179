import { DEFAULT_BACKOFF, type BackoffTiming } from './relay-backoff'
import { MIN_LOG_BYTES } from './relay-compaction'
import { PART_BYTES } from './relay-envelope'

/** The relay transport's timings and sizes; tests shorten them, the app uses the defaults. */
export interface RelayTiming {
  /** This device's changes are gathered this long, then merged into one entry. */
  batchMs: number
  /** How often what the relay lacks (brought by peers, or lost) is uploaded. */
  reconcileMs: number
  /** How soon to look again when this device's summary is not counted yet. */
  summaryRetryMs: number
  /** Saving the cursor: at most this often. */
  persistMs: number
  backoff: BackoffTiming
  compactDelayMs: readonly [number, number]
  compactMinBytes: number
  partBytes: number
}

export const DEFAULT_RELAY_TIMING: RelayTiming = {
  batchMs: 150,
  reconcileMs: 30_000,
  summaryRetryMs: 1000,
  persistMs: 2000,
  backoff: DEFAULT_BACKOFF,
  compactDelayMs: [5_000, 30_000],
  compactMinBytes: MIN_LOG_BYTES,
  partBytes: PART_BYTES
}
