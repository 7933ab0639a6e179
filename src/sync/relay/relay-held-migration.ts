import type { StoredRelayCursor } from '../../domain/relay-state'
import { readStoredSummary, type StateSummary } from '../state-summary'
import { copySummary, EMPTY_SUMMARY } from './relay-held'

/**
 * What the relay is known to hold when a connection starts (docs/trust.md, "Relay entries" 5,
 * migration). A cursor kept before signed sync counted unsigned entries, which devices with
 * signed sync drop: with signing on, that count is forgotten, once, so the upload after
 * CAUGHT_UP re-sends this device's whole state signed (and compaction soon replaces the
 * unsigned log with a signed snapshot). The cursor saved from then on says `heldSigned`, so it
 * never happens again for this workspace and relay on this device. `after` is kept: nothing is
 * fetched again.
 */
export const heldAtStart = (cursor: StoredRelayCursor | null, signing: boolean): { held: StateSummary; heldAt: number | null } => {
  const stored = readStoredSummary(cursor?.held)
  if (!stored || (signing && cursor?.heldSigned !== true)) return { held: copySummary(EMPTY_SUMMARY), heldAt: null }
  return { held: stored, heldAt: cursor?.heldAt ?? null }
}

/** The marker saved with a cursor counted under signed sync (absent without it). */
export const heldSignedMark = (signing: boolean): { heldSigned?: true } => (signing ? { heldSigned: true } : {})
