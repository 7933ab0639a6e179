import * as Y from 'yjs'

/**
 * Whether applying `update` would change `doc`: it has inserts the doc lacks, or deletes
 * something the doc still shows. Used to say "nothing new in this file" honestly, and to
 * avoid saving a "before import" version for an import that changes nothing.
 */
export const updateAddsSomething = (doc: Y.Doc, update: Uint8Array): boolean => {
  const local = Y.decodeStateVector(Y.encodeStateVector(doc))
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update))) {
    if (clock > (local.get(client) ?? 0)) return true
  }
  const { ds } = Y.decodeUpdate(update)
  if (ds.clients.size === 0) return false
  const deleted = Y.createDeleteSetFromStructStore(doc.store)
  for (const [client, ranges] of ds.clients) {
    const have = deleted.clients.get(client) ?? []
    for (const range of ranges) {
      if (range.len > 0 && !covered(have, range.clock, range.clock + range.len)) return true
    }
  }
  return false
}

/** Is [from, to) inside the union of sorted, non-overlapping ranges? */
const covered = (ranges: readonly { clock: number; len: number }[], from: number, to: number): boolean => {
  let lo = 0
  let hi = ranges.length - 1
  let start = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const r = ranges[mid] as { clock: number; len: number }
    if (r.clock <= from) {
      start = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  if (start < 0) return false
  let reached = from
  for (let i = start; i < ranges.length && reached < to; i++) {
    const r = ranges[i] as { clock: number; len: number }
    if (r.clock > reached) return false
    reached = Math.max(reached, r.clock + r.len)
  }
  return reached >= to
}
