import * as Y from 'yjs'
import type { StateSummary } from '../state-summary'
import { clockRangesOf, type ClockRange } from '../update-clock-ranges'
export { EMPTY_SUMMARY } from '../state-summary'

/**
 * What the relay is known to hold, as a state summary this device can compare with its own
 * (state-summary.ts `covers`). It only grows from facts: entries applied from the relay, and
 * this device's messages the relay acknowledged.
 *
 * A writer's clock moves on only when the update starts where the known range ends: if the
 * relay lost an entry, what comes after it does not count as held, so the next upload
 * includes the lost part. Deletions do not move state vectors, so they are counted apart:
 * the deletions each message carried into this document (never more than this document has).
 */
export const copySummary = (summary: StateSummary): StateSummary => ({ sv: new Map(summary.sv), deleted: summary.deleted })

/**
 * Adds what one update the relay holds carries (its clock ranges, update-clock-ranges.ts),
 * counting each writer's clock only as far as it runs on without a hole.
 */
export const addHeldRanges = (held: StateSummary, ranges: readonly ClockRange[], deleted: number): StateSummary => {
  const sv = new Map(held.sv)
  for (const [client, from, to] of [...ranges].sort((a, b) => a[1] - b[1])) {
    const known = sv.get(client) ?? 0
    if (from <= known && to > known) sv.set(client, to)
  }
  return { sv, deleted: held.deleted + deleted }
}

/** The same for an update this device has in hand (its own, just sent), decoded here. */
export const addHeldUpdate = (held: StateSummary, update: Uint8Array, deleted: number): StateSummary =>
  addHeldRanges(held, clockRangesOf(update), deleted)

/** The relay holds at least both. */
export const mergeHeld = (a: StateSummary, b: StateSummary): StateSummary => {
  const sv = new Map(a.sv)
  for (const [client, clock] of b.sv) if (clock > (sv.get(client) ?? 0)) sv.set(client, clock)
  return { sv, deleted: Math.max(a.deleted, b.deleted) }
}

/** The state vector to diff against when uploading what the relay lacks. */
export const encodeHeldVector = (held: StateSummary): Uint8Array => Y.encodeStateVector(held.sv)
