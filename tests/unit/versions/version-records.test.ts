import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { artifactBody, createArtifact } from '../../../src/crdt/artifacts'
import { migrateWorkspace } from '../../../src/crdt/migrations'
import { mutate } from '../../../src/crdt/mutate'
import { ROOT } from '../../../src/crdt/keys'
import { checkSchemaCompatibility, ReadOnlyWorkspaceError } from '../../../src/crdt/schema-version'
import { KEYFRAME_EVERY, VERSION_FIELD } from '../../../src/crdt/version-chain'
import { decodeVersionRecord, encodeVersionRecord } from '../../../src/crdt/version-records'
import { createVersion, docAtVersion, readVersions, versionSnapshot, versionsMap } from '../../../src/crdt/versions'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import type { ArtifactId, WorkspaceId } from '../../../src/domain/ids'
import { decodeWorkspaceFile } from '../../../src/storage/workspace-file'
import { observeVersions } from '../../fixtures/release-workspace/observe'
import { oldMayWrite, oldReadVersions, oldRequiredSchemaVersion, oldVersionSnapshot, OLD_SCHEMA_VERSION } from '../../fixtures/release-workspace/old-reader'
import { asha, copyOf, exchange, newWorkspace } from '../fixtures/workspace'

const FIXTURE = 'tests/fixtures/release-workspace/'

/** The workspace file the release before compact versions made, opened as the app opens one. */
const openReleaseFixture = (): Y.Doc => {
  const decoded = decodeWorkspaceFile(new Uint8Array(readFileSync(`${FIXTURE}release-2026-12.mutual`)))
  if (!decoded.ok) throw new Error(decoded.message)
  const doc = makeWorkspaceDoc(decoded.header.workspaceId)
  Y.applyUpdate(doc, decoded.update)
  return doc
}
const expected = JSON.parse(readFileSync(`${FIXTURE}expected.json`, 'utf8')) as ReturnType<typeof observeVersions>

const paragraph = (text: string): Y.XmlElement => {
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  return p
}

/** Types a paragraph and deletes the start of the first: each version has inserts and deletions. */
const edit = (doc: Y.Doc, id: ArtifactId, text: string): void =>
  mutate(doc, () => {
    const body = artifactBody(doc, id)
    body?.insert(body.length, [paragraph(text)])
    const first = body?.get(0)
    if (first instanceof Y.XmlElement && (first.get(0) as Y.XmlText).length > 2) (first.get(0) as Y.XmlText).delete(0, 1)
  })

const recordOf = (doc: Y.Doc, id: string) => decodeVersionRecord(versionsMap(doc).get(id)?.get(VERSION_FIELD.record))

/** A workspace with `count` versions, each after an edit; with the snapshot each was taken at. */
const withVersions = (count: number) => {
  const doc = newWorkspace()
  const report = createArtifact(doc, { kind: 'report', title: 'Report' }, asha, 10)
  const taken: { id: string; snapshot: Y.Snapshot }[] = []
  for (let i = 0; i < count; i++) {
    edit(doc, report, `Paragraph ${i} of the report.`)
    const snapshot = Y.snapshot(doc)
    taken.push({ id: createVersion(doc, { name: `Version ${i}`, kind: 'named' }, asha, 100 + i), snapshot })
  }
  return { doc, report, taken }
}

describe('compact version records', () => {
  it('opens every version exactly at the state it was taken, through chains and keyframes', () => {
    const { doc, taken } = withVersions(KEYFRAME_EVERY + 5)
    const fresh = copyOf(doc)
    for (const { id, snapshot } of taken) {
      expect(Y.equalSnapshots(versionSnapshot(fresh, id) as Y.Snapshot, snapshot)).toBe(true)
    }
    const depths = taken.map(({ id }) => recordOf(doc, id)?.depth)
    expect(depths.slice(0, 3)).toEqual([0, 1, 2])
    expect(Math.max(...(depths as number[]))).toBe(KEYFRAME_EVERY - 1)
    expect(depths[KEYFRAME_EVERY]).toBe(0)
  })

  it('stores a version as the difference from the one before, not the whole history', () => {
    const { doc, report, taken } = withVersions(2)
    // A long history first: hundreds of separate deletions, which a whole snapshot lists.
    for (let i = 0; i < 300; i++) {
      mutate(doc, () => {
        const line = new Y.XmlText(`Line ${i}`)
        const body = artifactBody(doc, report)
        body?.insert(body.length, [new Y.XmlElement('paragraph')])
        ;(body?.get(body.length - 1) as Y.XmlElement).insert(0, [line])
        line.delete(1, 1)
      })
    }
    for (let i = 0; i < 3; i++) {
      edit(doc, report, `Late line ${i}`)
      const snapshot = Y.snapshot(doc)
      taken.push({ id: createVersion(doc, { name: `Late ${i}`, kind: 'named' }, asha, 1000 + i), snapshot })
    }
    const last = taken[taken.length - 1]!
    const stored = versionsMap(doc).get(last.id)?.get(VERSION_FIELD.record) as Uint8Array
    expect(recordOf(doc, last.id)?.base).toBe(taken[taken.length - 2]?.id)
    expect(stored.byteLength).toBeLessThan(Y.encodeSnapshot(last.snapshot).byteLength / 10)
  })

  it('keeps versions taken at once on two devices correct on both, whichever arrives first', () => {
    const { doc: a, report, taken } = withVersions(3)
    const b = copyOf(a)
    const versionOf = (doc: Y.Doc, name: string, at: number) => {
      const snapshot = Y.snapshot(doc)
      return { id: createVersion(doc, { name, kind: 'named' }, asha, at), snapshot }
    }
    edit(a, report, 'Ann typed this on her laptop.')
    const fromA = versionOf(a, 'Ann', 500)
    edit(b, report, 'Ben typed this on the train.')
    const fromB = versionOf(b, 'Ben', 501)
    // Both name the same base, each relative to the state it saw.
    expect(recordOf(a, fromA.id)?.base).toBe(taken[2]?.id)
    expect(recordOf(b, fromB.id)?.base).toBe(taken[2]?.id)
    exchange(a, b)
    edit(a, report, 'After both.')
    const after = versionOf(a, 'After', 600)
    exchange(a, b)
    for (const doc of [a, b]) {
      for (const { id, snapshot } of [...taken, fromA, fromB, after]) {
        expect(Y.equalSnapshots(versionSnapshot(doc, id) as Y.Snapshot, snapshot)).toBe(true)
      }
    }
  })

  it('still opens a version whose base a peer removed (deleted content is kept)', () => {
    const { doc, taken } = withVersions(4)
    const peer = copyOf(doc)
    peer.transact(() => {
      versionsMap(peer).delete(taken[1]!.id)
      versionsMap(peer).delete(taken[0]!.id)
    })
    const joined = makeWorkspaceDoc(doc.guid as WorkspaceId)
    Y.applyUpdate(joined, Y.encodeStateAsUpdate(peer))
    expect(readVersions(joined).map((v) => v.id)).toEqual([taken[3]!.id, taken[2]!.id])
    for (const { id, snapshot } of taken.slice(2)) expect(Y.equalSnapshots(versionSnapshot(joined, id) as Y.Snapshot, snapshot)).toBe(true)
    // A removed version is not itself opened: it is gone from the list, as before.
    expect(versionSnapshot(joined, taken[0]!.id)).toBeNull()
  })

  it('refuses damaged records, loops and chains that never end, without hanging', () => {
    const { doc, taken } = withVersions(2)
    const [first, second] = [taken[0]!, taken[1]!]
    const looped = encodeVersionRecord({ base: second.id, depth: 1, sv: new Map(), added: new Map(), removed: new Map() })
    const loopedBack = encodeVersionRecord({ base: first.id, depth: 1, sv: new Map(), added: new Map(), removed: new Map() })
    doc.transact(() => {
      versionsMap(doc).get(first.id)?.set(VERSION_FIELD.record, looped)
      versionsMap(doc).get(second.id)?.set(VERSION_FIELD.record, loopedBack)
    })
    expect(versionSnapshot(doc, first.id)).toBeNull()
    expect(docAtVersion(doc, second.id)).toBeNull()
    for (const junk of [Uint8Array.of(1, 0, 0, 200, 200, 200, 200), Uint8Array.of(9), new Uint8Array(0), Uint8Array.of(1, 0, 0, 0, 0, 0, 7)]) {
      expect(decodeVersionRecord(junk)).toBeNull()
    }
    // A record claiming a deeper chain than allowed is refused before anything is walked.
    expect(decodeVersionRecord(encodeVersionRecord({ base: 'x', depth: 100_000, sv: new Map(), added: new Map(), removed: new Map() }))).toBeNull()
  })
})

describe('a workspace file from the release before compact versions', () => {
  it('migrates, and every old version still opens, compares and restores exactly as before', () => {
    const doc = openReleaseFixture()
    expect(checkSchemaCompatibility(doc)).toEqual({ status: 'needs-migration', from: 1 })
    expect(migrateWorkspace(doc)).toEqual({ status: 'migrated', from: 1, to: 2 })
    expect(observeVersions(doc)).toEqual(expected)
  })

  it('keeps the old versions exact after new compact versions are stored on top of them', () => {
    const doc = openReleaseFixture()
    migrateWorkspace(doc)
    for (let i = 0; i < 3; i++) createVersion(doc, { name: `New ${i}`, kind: 'named' }, asha, Date.UTC(2026, 11, 10 + i))
    const newest = readVersions(doc)[0]!
    expect(recordOf(doc, newest.id)?.depth).toBe(3)
    const observed = observeVersions(doc)
    const oldIds = new Set(expected.versions.map((v) => v.id))
    expect(observed.versions.filter((v) => oldIds.has(v.id))).toEqual(expected.versions)
    expect(observed.opened.filter((o) => oldIds.has((o as { id: string }).id))).toEqual(expected.opened)
  })

  it('an older app meeting the new format says so, opens it read-only, and its reading breaks nothing', () => {
    const doc = openReleaseFixture()
    migrateWorkspace(doc)
    createVersion(doc, { name: 'Compact', kind: 'named' }, asha, Date.UTC(2026, 11, 12))
    // The old release's own write gate and message.
    expect(oldRequiredSchemaVersion(doc)).toBe(2)
    expect(oldMayWrite(doc)).toBe(false)
    expect(new ReadOnlyWorkspaceError(oldRequiredSchemaVersion(doc)).message).toContain('newer version of Mutual (format 2)')
    expect(OLD_SCHEMA_VERSION).toBeLessThan(2)
    // It lists the versions it can read, opens them as before, and skips the one it cannot.
    const before = Y.encodeStateAsUpdate(doc)
    expect(oldReadVersions(doc)).toEqual(expected.versions)
    for (const version of expected.versions) {
      expect(Y.equalSnapshots(oldVersionSnapshot(doc, version.id) as Y.Snapshot, versionSnapshot(doc, version.id) as Y.Snapshot)).toBe(true)
    }
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('an untouched file from the old release is still writable by the old release', () => {
    const doc = openReleaseFixture()
    expect(oldMayWrite(doc)).toBe(true)
    expect(doc.getMap(ROOT.formats).size).toBe(0)
  })
})
