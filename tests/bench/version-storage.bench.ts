/**
 * Issue 15's storage benchmark, in Node: what a lab's version records cost, at the age
 * MUTUAL_BENCH_LAB_MONTHS gives (6, 12 or 24; default 6).
 * - stored bytes: the workspace's whole encoded state (what IndexedDB holds once compacted,
 *   and what a workspace file or backup carries);
 * - bytes a joining device receives: the update a device with nothing is sent (the same
 *   full-state update, over WebRTC or the relay);
 * - the ratio of each to the same content encoded without version records (the same seed with
 *   the daily versions left out), beside the target ≤ 1.3×;
 * - what the records would have taken in the format before issue 15 (a whole snapshot each);
 * - decoding the whole state (a gc: false doc applying it), with and without the records;
 * - opening every version newest first (as the history page does) and storing one more.
 * MUTUAL_BENCH_RUNS decodes (default 3).
 */
import { cpus, loadavg } from 'node:os'
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { KEYFRAME_EVERY, VERSION_FIELD } from '../../src/crdt/version-chain'
import { decodeVersionRecord } from '../../src/crdt/version-records'
import { createVersion, readVersions, versionSnapshot, versionsMap } from '../../src/crdt/versions'
import { againstTarget, reportFigures, summarise } from './support/report'
import { benchSeed } from './seed/random'
import { benchLabMonths, benchLabOptions, makeBenchWorkspace } from './seed/workspace'

const RUNS = Number(process.env.MUTUAL_BENCH_RUNS ?? 3)
const TARGET_RATIO = 1.3
const round = (value: number, places = 2): number => Math.round(value * 10 ** places) / 10 ** places
const mb = (bytes: number): number => round(bytes / 1e6, 2)

/** JSON with object keys sorted: two docs list a map's keys in the order they received them. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v
  )

const timeDecode = (update: Uint8Array): number[] => {
  const samples: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now()
    const doc = new Y.Doc({ gc: false })
    Y.applyUpdate(doc, update)
    samples.push(performance.now() - started)
    doc.destroy()
  }
  return samples
}

it('issue 15: stored and joining bytes of version records against the same content without them; decode time', () => {
  const seed = benchSeed()
  const months = benchLabMonths(6)
  const options = benchLabOptions(months)
  const loadStart = round(loadavg()[0] ?? 0)
  const lab = makeBenchWorkspace({ seed, ...options })
  const bare = makeBenchWorkspace({ seed, ...options, versions: false })
  // The comparison is only fair if the content is the same.
  expect(canonical(bare.doc.getMap('artifacts').toJSON())).toBe(canonical(lab.doc.getMap('artifacts').toJSON()))

  const stored = Y.encodeStateAsUpdate(lab.doc)
  const joining = Y.encodeStateAsUpdate(lab.doc, Y.encodeStateVector(new Y.Doc()))
  const without = Y.encodeStateAsUpdate(bare.doc)

  // The records themselves, and what the same versions took before issue 15.
  let recordBytes = 0
  let keyframes = 0
  let maxDepth = 0
  versionsMap(lab.doc).forEach((version) => {
    const bytes = version.get(VERSION_FIELD.record)
    const record = decodeVersionRecord(bytes)
    if (!(bytes instanceof Uint8Array) || !record) throw new Error('A bench version is not a compact record')
    recordBytes += bytes.byteLength
    if (record.base === null) keyframes += 1
    maxDepth = Math.max(maxDepth, record.depth)
  })
  const versions = readVersions(lab.doc)
  // Opening every version, newest first, as the history page lists them, on a fresh copy.
  const fresh = new Y.Doc({ gc: false })
  Y.applyUpdate(fresh, stored)
  const openStarted = performance.now()
  const snapshots = versions.map((version) => versionSnapshot(fresh, version.id))
  const openAllMs = performance.now() - openStarted
  let fullSnapshotBytes = 0
  for (const snapshot of snapshots) {
    if (!snapshot) throw new Error('A version did not open')
    fullSnapshotBytes += Y.encodeSnapshot(snapshot).byteLength
  }
  const createStarted = performance.now()
  createVersion(fresh, { name: 'Bench version', kind: 'named' }, { name: 'Bench Runner', organisation: 'Oldham Council' }, Date.UTC(2028, 0, 1))
  const createOnFreshMs = performance.now() - createStarted
  fresh.destroy()

  const decode = summarise(timeDecode(stored))
  const decodeWithout = summarise(timeDecode(without))
  const storedRatio = round(stored.byteLength / without.byteLength)
  const joiningRatio = round(joining.byteLength / without.byteLength)
  reportFigures(`version-storage-${months}m`, {
    issue: 15,
    seed,
    months,
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', loadAverage: { start: loadStart, end: round(loadavg()[0] ?? 0) } },
    lab: { notes: lab.notes.length, reports: lab.reports.length, partners: lab.partnerMap.partners, sessions: lab.schedule.sessions, versions: versions.length },
    bytes: {
      what: 'Y.encodeStateAsUpdate of the workspace: stored = what IndexedDB holds compacted (and a file or backup carries); joining = the update a device with nothing is sent',
      storedMB: mb(stored.byteLength),
      joiningMB: mb(joining.byteLength),
      withoutVersionRecordsMB: mb(without.byteLength),
      versionRecordsMB: mb(recordBytes),
      keyframes,
      keyframeEvery: KEYFRAME_EVERY,
      longestChain: maxDepth,
      beforeIssue15: {
        what: 'the same versions as whole snapshots (the format before issue 15), and the stored state that would give',
        recordsMB: mb(fullSnapshotBytes),
        storedMB: mb(stored.byteLength - recordBytes + fullSnapshotBytes),
        ratio: round((stored.byteLength - recordBytes + fullSnapshotBytes) / without.byteLength)
      }
    },
    decodeWholeState: { what: 'a gc: false Y.Doc applying the whole stored state, in Node', ...decode, samplesMs: undefined },
    decodeWithoutVersionRecords: { ...decodeWithout, samplesMs: undefined },
    openEveryVersionMs: { what: `versionSnapshot of all ${versions.length} versions newest first, on a freshly loaded copy`, total: round(openAllMs, 1), each: round(openAllMs / versions.length, 2) },
    createVersionOnFreshCopyMs: { what: 'createVersion on that copy: resolves only the newest version\'s chain, then writes', ms: round(createOnFreshMs, 1) },
    targets: {
      storedRatio: againstTarget(storedRatio, TARGET_RATIO, '× the same content without version records'),
      joiningRatio: againstTarget(joiningRatio, TARGET_RATIO, '× the same content without version records')
    }
  })
  lab.doc.destroy()
  bare.doc.destroy()
})
