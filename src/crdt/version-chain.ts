import * as Y from 'yjs'
import { deleteSetFromRanges, lastWrittenValueOf } from './adapters/yjs-internals'
import { addDeletions, normaliseRanges } from './delete-ranges'
import { applyVersionRecord, decodeVersionRecord, diffSnapshotState, emptySnapshotState, MAX_VERSION_DEPTH, type SnapshotState, type VersionRecord } from './version-records'
import { MAX_STORED_SNAPSHOT_BYTES } from '../domain/checkpoint'
import { ROOT } from './keys'

/**
 * Opening a version walks back from its record to the nearest keyframe (or a full snapshot
 * written by an older release, which counts as one) and applies the differences forwards.
 *
 * A new version is stored relative to the newest version this device can read, and is a
 * keyframe once that chain would reach KEYFRAME_EVERY steps, so opening any version decodes
 * at most that many small records. Writing one decodes only its base's chain, never every
 * version. Two devices writing versions at once each name the base they saw by id, so both
 * records stay correct whichever arrives first.
 *
 * A base that was removed: Mutual has no way to remove a version, but a peer can (a wipe,
 * crdt/checkpoints.ts). Removing a map entry in a `gc: false` document keeps its content, so
 * the dependant reads its removed base from there and opens exactly as before, on every device,
 * with nothing rewritten (rewriting would only add bytes: nothing written is ever discarded).
 */
export const KEYFRAME_EVERY = 32

/** Fields of a version's map inside `versions`. */
export const VERSION_FIELD = {
  /** Written by releases before issue 15: a whole encoded Y.Snapshot. */
  snapshot: 'snapshot',
  /** A compact record (version-records.ts). */
  record: 'record'
} as const

/** A version's stored bytes: a whole snapshot (older releases) or a compact record. */
type Stored = { kind: 'snapshot' | 'record'; bytes: Uint8Array }

const storedIn = (map: unknown, removed: boolean): Stored | null => {
  if (!(map instanceof Y.Map)) return null
  const read = (key: string): unknown => (removed ? lastWrittenValueOf(map, key) : map.get(key))
  const legacy = read(VERSION_FIELD.snapshot)
  if (legacy instanceof Uint8Array) return { kind: 'snapshot', bytes: legacy }
  const record = read(VERSION_FIELD.record)
  return record instanceof Uint8Array ? { kind: 'record', bytes: record } : null
}

/** A version's stored form; a removed one only when it is read as another's base. */
const storedVersion = (doc: Y.Doc, id: string, asBase: boolean): Stored | null => {
  const versions = doc.getMap(ROOT.versions)
  const live = versions.get(id)
  if (live !== undefined || !asBase) return storedIn(live, false)
  return storedIn(lastWrittenValueOf(versions, id), true)
}

/** A Yjs snapshot as plain ranges. */
export const snapshotStateOf = (snapshot: Y.Snapshot): SnapshotState => {
  const ds: Map<number, { clock: number; len: number }[]> = new Map()
  addDeletions(ds, snapshot.ds)
  return { ds: normaliseRanges(ds), sv: new Map(snapshot.sv) }
}

/**
 * Resolved versions kept per doc, so a history page that opens each version in turn (newest
 * first) applies each record once. Bounded by entries and by ranges held.
 */
const MAX_CACHED = KEYFRAME_EVERY * 2
const MAX_CACHED_RANGES = 400_000
interface Resolved {
  /** The stored bytes it was resolved from: a record a peer overwrote is resolved again. */
  bytes: Uint8Array
  state: SnapshotState
  depth: number
  ranges: number
}
const caches = new WeakMap<Y.Doc, Map<string, Resolved>>()

const cacheOf = (doc: Y.Doc): Map<string, Resolved> => {
  let cache = caches.get(doc)
  if (!cache) caches.set(doc, (cache = new Map()))
  return cache
}

const remember = (doc: Y.Doc, id: string, resolved: Resolved): void => {
  const cache = cacheOf(doc)
  cache.delete(id)
  cache.set(id, resolved)
  let ranges = 0
  cache.forEach((r) => (ranges += r.ranges))
  for (const [oldest, r] of cache) {
    if (cache.size <= MAX_CACHED && ranges <= MAX_CACHED_RANGES) break
    cache.delete(oldest)
    ranges -= r.ranges
  }
}

const countRanges = (state: SnapshotState): number => {
  let n = 0
  state.ds.forEach((list) => (n += list.length))
  return n
}

const decodeLegacy = (bytes: Uint8Array): SnapshotState | null => {
  try {
    return snapshotStateOf(Y.decodeSnapshot(bytes))
  } catch {
    return null
  }
}

/**
 * The state of the workspace at a version, or null when it cannot be read (missing, damaged,
 * a chain that loops or is too long, or a base that has not arrived from its device yet).
 * Not cached when null, so a version whose base arrives later opens then.
 */
export const resolveVersion = (doc: Y.Doc, versionId: string): { state: SnapshotState; depth: number } | null => {
  const cache = cacheOf(doc)
  const chain: { id: string; bytes: Uint8Array; record: VersionRecord }[] = []
  const seen = new Set<string>()
  let start: Resolved | null = null
  let id = versionId
  while (!start) {
    if (seen.has(id) || chain.length > MAX_VERSION_DEPTH) return null
    seen.add(id)
    const stored = storedVersion(doc, id, chain.length > 0)
    if (!stored) return null
    const cached = cache.get(id)
    if (cached?.bytes === stored.bytes) {
      start = cached
      break
    }
    if (stored.kind === 'snapshot') {
      const state = stored.bytes.length <= MAX_STORED_SNAPSHOT_BYTES ? decodeLegacy(stored.bytes) : null
      if (!state) return null
      start = { bytes: stored.bytes, state, depth: 0, ranges: countRanges(state) }
      remember(doc, id, start)
      break
    }
    const record = decodeVersionRecord(stored.bytes)
    if (!record) return null
    chain.push({ id, bytes: stored.bytes, record })
    if (record.base === null) {
      start = { bytes: stored.bytes, state: emptySnapshotState(), depth: -1, ranges: 0 }
      break
    }
    id = record.base
  }
  let current = start
  for (let i = chain.length - 1; i >= 0; i--) {
    const { id: stepId, bytes, record } = chain[i]!
    const state = applyVersionRecord(current.state, record)
    current = { bytes, state, depth: record.depth, ranges: countRanges(state) }
    remember(doc, stepId, current)
  }
  return { state: current.state, depth: Math.max(0, current.depth) }
}

export const snapshotOfState = (state: SnapshotState): Y.Snapshot => Y.createSnapshot(deleteSetFromRanges(state.ds), new Map(state.sv))

/**
 * The record for a new version at `snapshot`, relative to `baseId` (the newest version this
 * device reads) when it can be read and the chain is short enough, else a keyframe.
 */
export const makeVersionRecord = (doc: Y.Doc, snapshot: Y.Snapshot, baseId: string | null): { record: VersionRecord; state: SnapshotState } => {
  const state = snapshotStateOf(snapshot)
  const base = baseId ? resolveVersion(doc, baseId) : null
  const record =
    !base || base.depth + 1 >= KEYFRAME_EVERY ? diffSnapshotState(state, null) : diffSnapshotState(state, { id: baseId as string, depth: base.depth, state: base.state })
  return { record, state }
}

/** Lets a freshly written version be the next one's base without being decoded again. */
export const rememberWritten = (doc: Y.Doc, id: string, bytes: Uint8Array, state: SnapshotState, depth: number): void =>
  remember(doc, id, { bytes, state, depth, ranges: countRanges(state) })
