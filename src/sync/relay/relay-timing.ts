import { DEFAULT_BACKOFF, type BackoffTiming } from './relay-backoff'
import { MIN_LOG_BYTES } from './relay-compaction'
import { PART_BYTES } from './relay-envelope'

/** The relay transport's timings and sizes; tests shorten them, the app uses the defaults. */
export interface RelayTiming {
  /** This device's changes are gathered this long, then merged into one entry. */
  batchMs: number
  /** How often what the relay lacks (brought by peers, or lost) is uploaded. */
  reconcileMs: number
  /** An APPEND not acknowledged within this long: reconnect and upload again. */
  ackTimeoutMs: number
  /**
   * An attempt whose socket has not opened, or whose HELLO has not been answered with WELCOME,
   * within this long is given up (a proxy that accepted the upgrade and never answered would
   * otherwise hold it "connecting" for ever, and a browser lets only one socket per host be
   * connecting at a time, so it would hold back another relay behind the same host too).
   */
  openTimeoutMs: number
  /** How soon to look again when this device's summary is not counted yet. */
  summaryRetryMs: number
  /** Saving the cursor: at most this often. */
  persistMs: number
  backoff: BackoffTiming
  compactDelayMs: readonly [number, number]
  compactMinBytes: number
  partBytes: number
  /**
   * A notice that this device refused a signed entry waits a random time in this range, and is
   * not sent if another device's notice for that entry came meanwhile (relay-refusal-notices.ts).
   */
  refusalNoticeDelayMs: readonly [number, number]
}

export const DEFAULT_RELAY_TIMING: RelayTiming = {
  batchMs: 150,
  reconcileMs: 30_000,
  ackTimeoutMs: 60_000,
  openTimeoutMs: 20_000,
  summaryRetryMs: 1000,
  persistMs: 2000,
  backoff: DEFAULT_BACKOFF,
  compactDelayMs: [5_000, 30_000],
  compactMinBytes: MIN_LOG_BYTES,
  partBytes: PART_BYTES,
  refusalNoticeDelayMs: [2_000, 10_000]
}
