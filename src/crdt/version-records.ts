import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MAX_STORED_SNAPSHOT_BYTES } from '../domain/checkpoint'
import { subtractRanges, type DeleteRanges } from './delete-ranges'

/**
 * A compact version record (issue 15; layout in docs/version-records.md). A version used to
 * store a whole Yjs snapshot (every deleted range and the state vector), so a lab's versions
 * grew with the square of its age. Now a version stores only what differs from an earlier
 * version, its base, named by id:
 * - the state-vector entries that differ (clock 0: a client the base had and this one lacks);
 * - the deleted ranges added since the base, and those the base has that this one lacks (a
 *   base taken concurrently on another device can know deletions this version never saw).
 * A keyframe is the same record with no base: everything differs from nothing.
 */
export interface SnapshotState {
  /** Sorted, merged deleted ranges per client. */
  ds: DeleteRanges
  sv: Map<number, number>
}

export interface VersionRecord {
  /** The version this one is stored relative to; null for a keyframe. */
  base: string | null
  /** Steps from the nearest keyframe: bounds the chain that opening this version walks. */
  depth: number
  sv: Map<number, number>
  added: DeleteRanges
  removed: DeleteRanges
}

/** The first varuint of every record; a later layout gets a new number. */
export const VERSION_RECORD_LAYOUT = 1
/** Longest chain a record may claim: a peer cannot make opening a version walk for ever. */
export const MAX_VERSION_DEPTH = 256
const MAX_BASE_ID_LENGTH = 100

export const emptySnapshotState = (): SnapshotState => ({ ds: new Map(), sv: new Map() })

/** The record storing `next` relative to `base` (a keyframe when there is no base). */
export const diffSnapshotState = (next: SnapshotState, base: { id: string; depth: number; state: SnapshotState } | null): VersionRecord => {
  const from = base?.state ?? emptySnapshotState()
  const sv = new Map<number, number>()
  next.sv.forEach((clock, client) => {
    if (from.sv.get(client) !== clock) sv.set(client, clock)
  })
  from.sv.forEach((_clock, client) => {
    if (!next.sv.has(client)) sv.set(client, 0)
  })
  return {
    base: base?.id ?? null,
    depth: base ? base.depth + 1 : 0,
    sv,
    added: subtractRanges(next.ds, from.ds),
    removed: subtractRanges(from.ds, next.ds)
  }
}

/** Two clients' worth of sorted, merged ranges joined in one pass (sorted and merged again). */
const mergeSorted = (a: readonly { clock: number; len: number }[], b: readonly { clock: number; len: number }[]): { clock: number; len: number }[] => {
  const out: { clock: number; len: number }[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]!.clock <= b[j]!.clock) ? a[i++]! : b[j++]!
    const last = out[out.length - 1]
    if (last && next.clock <= last.clock + last.len) last.len = Math.max(last.len, next.clock + next.len - last.clock)
    else out.push({ clock: next.clock, len: next.len })
  }
  return out
}

/**
 * The state a record describes, given its base's. A fresh state that shares the base's lists
 * for every client the record does not touch (lists are never changed once built), so applying
 * a day's record costs that day's changes, not the whole history.
 */
export const applyVersionRecord = (base: SnapshotState, record: VersionRecord): SnapshotState => {
  const sv = new Map(base.sv)
  record.sv.forEach((clock, client) => {
    if (clock === 0) sv.delete(client)
    else sv.set(client, clock)
  })
  const ds: DeleteRanges = new Map(base.ds)
  record.removed.forEach((holes, client) => {
    const list = ds.get(client)
    if (!list) return
    const kept = subtractRanges(new Map([[client, list]]), new Map([[client, holes]])).get(client)
    if (kept) ds.set(client, kept)
    else ds.delete(client)
  })
  record.added.forEach((list, client) => ds.set(client, mergeSorted(ds.get(client) ?? [], list)))
  return { ds, sv }
}

const writeRanges = (encoder: encoding.Encoder, ranges: DeleteRanges): void => {
  encoding.writeVarUint(encoder, ranges.size)
  ranges.forEach((list, client) => {
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, list.length)
    // Clocks as gaps from the previous range's end: sorted ranges make these small numbers.
    let end = 0
    for (const range of list) {
      encoding.writeVarUint(encoder, range.clock - end)
      encoding.writeVarUint(encoder, range.len)
      end = range.clock + range.len
    }
  })
}

export const encodeVersionRecord = (record: VersionRecord): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, VERSION_RECORD_LAYOUT)
  encoding.writeVarString(encoder, record.base ?? '')
  encoding.writeVarUint(encoder, record.depth)
  encoding.writeVarUint(encoder, record.sv.size)
  record.sv.forEach((clock, client) => {
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, clock)
  })
  writeRanges(encoder, record.added)
  writeRanges(encoder, record.removed)
  return encoding.toUint8Array(encoder)
}

/** Every count is checked against the bytes left (each entry takes at least one byte). */
const readCount = (decoder: decoding.Decoder): number => {
  const count = decoding.readVarUint(decoder)
  if (count > decoder.arr.length - decoder.pos) throw new Error('count beyond the record')
  return count
}

const readRanges = (decoder: decoding.Decoder): DeleteRanges => {
  const ranges: DeleteRanges = new Map()
  const clients = readCount(decoder)
  for (let c = 0; c < clients; c++) {
    const client = decoding.readVarUint(decoder)
    const count = readCount(decoder)
    const list: { clock: number; len: number }[] = []
    let end = 0
    for (let i = 0; i < count; i++) {
      const clock = end + decoding.readVarUint(decoder)
      const len = decoding.readVarUint(decoder)
      if (len === 0 || !Number.isSafeInteger(clock + len)) throw new Error('bad range')
      list.push({ clock, len })
      end = clock + len
    }
    if (ranges.has(client)) throw new Error('client listed twice')
    ranges.set(client, list)
  }
  return ranges
}

/** A record from the doc (so from any peer): null unless it decodes whole, within bounds. */
export const decodeVersionRecord = (bytes: unknown): VersionRecord | null => {
  if (!(bytes instanceof Uint8Array) || bytes.length > MAX_STORED_SNAPSHOT_BYTES) return null
  try {
    const decoder = decoding.createDecoder(bytes)
    if (decoding.readVarUint(decoder) !== VERSION_RECORD_LAYOUT) return null
    const base = decoding.readVarString(decoder)
    const depth = decoding.readVarUint(decoder)
    if (base.length > MAX_BASE_ID_LENGTH || depth > MAX_VERSION_DEPTH || (base === '') !== (depth === 0)) return null
    const sv = new Map<number, number>()
    const entries = readCount(decoder)
    for (let i = 0; i < entries; i++) sv.set(decoding.readVarUint(decoder), decoding.readVarUint(decoder))
    const added = readRanges(decoder)
    const removed = readRanges(decoder)
    if (decoding.hasContent(decoder)) return null
    return { base: base === '' ? null : base, depth, sv, added, removed }
  } catch {
    return null
  }
}
