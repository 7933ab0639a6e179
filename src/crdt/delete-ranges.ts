import * as Y from 'yjs'
import { deleteSetFromRanges } from './adapters/yjs-internals'

/**
 * Deleted clock ranges per Yjs client, the content of a Yjs delete set as plain data. Used to
 * rebuild the workspace as it was before a run of deletions: the current delete set minus the
 * ranges those deletions added.
 */
export type DeleteRanges = Map<number, { clock: number; len: number }[]>

/** Adds a transaction's deletions to `into` (unsorted; `normaliseRanges` sorts and merges). */
export const addDeletions = (into: DeleteRanges, deleteSet: Y.Transaction['deleteSet']): void => {
  deleteSet.clients.forEach((items, client) => {
    const list = into.get(client) ?? []
    for (const item of items) list.push({ clock: item.clock, len: item.len })
    into.set(client, list)
  })
}

/** Sorted, non-overlapping ranges per client: the shape Yjs's own lookups rely on. */
export const normaliseRanges = (ranges: DeleteRanges): DeleteRanges => {
  const out: DeleteRanges = new Map()
  ranges.forEach((list, client) => {
    const sorted = [...list].filter((r) => r.len > 0).sort((a, b) => a.clock - b.clock)
    const merged: { clock: number; len: number }[] = []
    for (const r of sorted) {
      const last = merged[merged.length - 1]
      if (last && r.clock <= last.clock + last.len) last.len = Math.max(last.len, r.clock + r.len - last.clock)
      else merged.push({ clock: r.clock, len: r.len })
    }
    if (merged.length > 0) out.set(client, merged)
  })
  return out
}

/** `from` without `remove`, range by range; both sorted and merged (one pass over each). */
export const subtractRanges = (from: DeleteRanges, remove: DeleteRanges): DeleteRanges => {
  const out: DeleteRanges = new Map()
  from.forEach((list, client) => {
    const holes = remove.get(client) ?? []
    const kept: { clock: number; len: number }[] = []
    let h = 0
    for (const range of list) {
      let start = range.clock
      const end = range.clock + range.len
      // Holes wholly before this range cannot touch any later one either.
      while (h < holes.length && holes[h]!.clock + holes[h]!.len <= start) h += 1
      for (let i = h; i < holes.length && holes[i]!.clock < end; i += 1) {
        const hole = holes[i]!
        if (hole.clock > start) kept.push({ clock: start, len: hole.clock - start })
        start = Math.max(start, hole.clock + hole.len)
      }
      if (start < end) kept.push({ clock: start, len: end - start })
    }
    if (kept.length > 0) out.set(client, kept)
  })
  return out
}

/**
 * An encoded snapshot of the workspace as it was at `stateVector`, with `undone` deletions not
 * (yet) made: "just before this run of deletions". Deleted content is still in the doc
 * (`gc: false`), so the snapshot can rebuild it.
 */
export const snapshotBeforeDeletions = (doc: Y.Doc, stateVector: Map<number, number>, undone: DeleteRanges): Uint8Array => {
  // Yjs builds the current delete set sorted and merged already.
  const current: DeleteRanges = new Map()
  addDeletions(current, Y.snapshot(doc).ds)
  const kept = subtractRanges(current, normaliseRanges(undone))
  return Y.encodeSnapshot(Y.createSnapshot(deleteSetFromRanges(kept), new Map(stateVector)))
}
