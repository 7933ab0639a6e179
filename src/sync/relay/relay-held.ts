import * as Y from 'yjs'
import type { StateSummary } from '../state-summary'
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
 * Adds one update the relay holds, counting each writer's clock only as far as it runs on
 * without a hole. An update can have holes (a snapshot from a device holding changes Yjs kept
 * pending, or merged updates): its structs are read, not just its first and last clocks.
 */
export const addHeldUpdate = (held: StateSummary, update: Uint8Array, deleted: number): StateSummary => {
  const byClient = new Map<number, { clock: number; length: number }[]>()
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Skip) continue
    const list = byClient.get(struct.id.client) ?? []
    list.push({ clock: struct.id.clock, length: struct.length })
    byClient.set(struct.id.client, list)
  }
  const sv = new Map(held.sv)
  for (const [client, structs] of byClient) {
    let known = sv.get(client) ?? 0
    for (const { clock, length } of structs.sort((a, b) => a.clock - b.clock)) {
      if (clock > known) break
      known = Math.max(known, clock + length)
    }
    if (known > (sv.get(client) ?? 0)) sv.set(client, known)
  }
  return { sv, deleted: held.deleted + deleted }
}

/** The relay holds at least both. */
export const mergeHeld = (a: StateSummary, b: StateSummary): StateSummary => {
  const sv = new Map(a.sv)
  for (const [client, clock] of b.sv) if (clock > (sv.get(client) ?? 0)) sv.set(client, clock)
  return { sv, deleted: Math.max(a.deleted, b.deleted) }
}

/** The state vector to diff against when uploading what the relay lacks. */
export const encodeHeldVector = (held: StateSummary): Uint8Array => Y.encodeStateVector(held.sv)
