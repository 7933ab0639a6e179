/**
 * Each device's own history (app/local-history.ts over storage/local-history.ts, in
 * fake-indexeddb): a member's script wipes every artifact and version; the other device flags it,
 * names who did it, and restores everything in one step, for the wiper too.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startLocalHistory, type LocalHistory } from '../../../src/app/local-history'
import { attachAuthorship } from '../../../src/crdt/authorship'
import { createArtifact, readArtifactSummaries } from '../../../src/crdt/artifacts'
import { recordMember } from '../../../src/crdt/members'
import { createVersion, readVersions, versionsMap } from '../../../src/crdt/versions'
import { artifactsMap } from '../../../src/crdt/workspace-doc'
import type { WorkspaceId } from '../../../src/domain/ids'
import { localHistoryBytes, openLocalHistory } from '../../../src/storage/local-history'
import { versionSnapshotBytes } from '../../../src/crdt/checkpoints'
import { checkpointBytes } from '../../../src/domain/checkpoint'
import { asha, ben, copyOf, newWorkspace } from '../fixtures/workspace'

const started: LocalHistory[] = []
afterEach(() => {
  for (const h of started.splice(0)) h.destroy()
})

/** Idle time comes at once in these tests (a macrotask later, like a real idle callback). */
const soon = (task: () => void): (() => void) => {
  const timer = setTimeout(task, 0)
  return () => clearTimeout(timer)
}

const start = (doc: Y.Doc): LocalHistory => {
  const history = startLocalHistory({ doc, id: doc.guid as WorkspaceId, storage: 'indexeddb', actor: () => ben, later: soon })
  started.push(history)
  return history
}

const liveTitles = (doc: Y.Doc): string[] => readArtifactSummaries(doc).filter((a) => a.deletedAt === null).map((a) => a.title).sort()

/** Sends everything `from` has that `to` lacks, as sync would. */
const send = (from: Y.Doc, to: Y.Doc): void => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'peer')

const lab = () => {
  const doc = newWorkspace()
  attachAuthorship(doc, 'asha-id')
  recordMember(doc, 'asha-id', { ...asha, colour: 'green' }, 1)
  for (const title of ['Site visit', 'Interview notes', 'Interim report', 'Partner map']) createArtifact(doc, { kind: 'note', title }, asha, 2)
  createVersion(doc, { name: 'Before review', kind: 'named' }, asha, 3)
  createVersion(doc, { name: 'After review', kind: 'named' }, asha, 4)
  return doc
}

describe("each device's local history", () => {
  it('flags a wipe by a member, names them, and restores everything in one step, for the wiper too', async () => {
    const wiper = lab()
    const mine = copyOf(wiper)
    const history = start(mine)
    await expect.poll(async () => (await history.checkpoints()).map((c) => c.reason).sort()).toEqual(['open', 'version', 'version'])

    // The wiper's script, running as the member it is: every artifact and every version.
    wiper.transact(() => {
      for (const id of [...artifactsMap(wiper).keys()]) artifactsMap(wiper).delete(id)
      for (const id of [...versionsMap(wiper).keys()]) versionsMap(wiper).delete(id)
    })
    send(wiper, mine)
    expect(liveTitles(mine)).toEqual([])
    // Its device records whose deletions they were a moment later (Yjs does so after a timeout).
    await new Promise((resolve) => setTimeout(resolve, 0))
    send(wiper, mine)

    await expect.poll(() => history.flagged(), { timeout: 10_000 }).not.toBeNull()
    expect(history.flagged()?.burst).toMatchObject({ by: 'Asha Patel (Oldham Council)', artifactsRemoved: 4, versionsRemoved: 2 })
    // The shared versions are gone, this device's copies of them are not.
    expect((await history.checkpoints()).filter((c) => c.reason === 'version').map((c) => c.label).sort()).toEqual(['After review', 'Before review'])

    const result = await history.restore(history.flagged()!.checkpointId)
    expect(result).toMatchObject({ ok: true, artifacts: 4, versions: 2 })
    expect(history.flagged()).toBeNull()
    expect(liveTitles(mine)).toEqual(['Interim report', 'Interview notes', 'Partner map', 'Site visit'])
    send(mine, wiper)
    expect(liveTitles(wiper)).toEqual(['Interim report', 'Interview notes', 'Partner map', 'Site visit'])
    expect(readVersions(wiper).map((v) => v.name)).toEqual(expect.arrayContaining(['Before review', 'After review']))
  })

  it('does not flag tidying up a couple of items', async () => {
    const doc = lab()
    const history = start(doc)
    await expect.poll(async () => (await history.checkpoints()).length).toBeGreaterThan(0)
    const [first] = [...artifactsMap(doc).keys()]
    doc.transact(() => artifactsMap(doc).delete(first!))
    await expect.poll(async () => (await history.checkpoints()).some((c) => c.reason === 'before-deletions'), { timeout: 10_000 }).toBe(true)
    expect(history.flagged()).toBeNull()
  })

  it('keeps its checkpoints across sessions, and counts their bytes for this device', async () => {
    const doc = lab()
    const first = start(doc)
    await expect.poll(async () => (await first.checkpoints()).length).toBe(3)
    first.destroy()
    const second = start(doc)
    await expect.poll(async () => (await second.checkpoints()).filter((c) => c.reason === 'open').length).toBe(2)
    // Versions already copied are not copied again.
    expect((await second.checkpoints()).filter((c) => c.reason === 'version')).toHaveLength(2)
    expect(await localHistoryBytes([doc.guid as WorkspaceId])).toBeGreaterThan(0)
  })
})

describe('copies of versions on a device that has held a lab for long', () => {
  const withVersions = (count: number): Y.Doc => {
    const doc = lab()
    for (let day = 0; day < count; day += 1) {
      createArtifact(doc, { kind: 'note', title: `Visit ${day}` }, asha, 10 + day * 2)
      createVersion(doc, { name: `Day ${day}`, kind: 'named' }, asha, 11 + day * 2)
    }
    return doc
  }

  it('does not copy again a version whose copy retention dropped', async () => {
    const doc = lab()
    const first = start(doc)
    await expect.poll(async () => (await first.checkpoints()).filter((c) => c.reason === 'version')).toHaveLength(2)
    first.destroy()
    // Retention drops the older copy (as it does past its byte cap in a lab of years).
    const store = await openLocalHistory(doc.guid as WorkspaceId)
    const older = (await store.list()).filter((c) => c.reason === 'version').sort((a, b) => a.at - b.at)[0]!
    await store.prune(Date.now(), 0)
    store.close()
    // A version older than both arrives: copies are made newest first, so once its copy is made,
    // the dropped one would have been copied again before it.
    createVersion(doc, { name: 'From long ago', kind: 'named' }, asha, 1)
    const second = start(doc)
    await expect.poll(async () => (await second.checkpoints()).map((c) => c.label)).toContain('From long ago')
    expect((await second.checkpoints()).map((c) => c.label)).not.toContain(older.label)
  })

  it('takes one checkpoint as the workspace opens, even with a change made as it opens', async () => {
    const doc = lab()
    const clock = Date.now()
    const history = startLocalHistory({ doc, id: doc.guid as WorkspaceId, storage: 'indexeddb', actor: () => ben, later: soon, now: () => clock })
    started.push(history)
    // This member's own record is written on every open: the opening's checkpoint is on its way.
    createArtifact(doc, { kind: 'note', title: 'Arrived as it opened' }, asha, 5)
    await expect.poll(async () => (await history.checkpoints()).filter((c) => c.reason === 'open')).toHaveLength(1)
    await expect.poll(async () => (await history.checkpoints()).filter((c) => c.reason === 'version')).toHaveLength(2)
    expect((await history.checkpoints()).filter((c) => c.reason === 'activity')).toHaveLength(0)
  })

  it('copies each version once when an activity checkpoint comes as the workspace opens', async () => {
    const doc = lab()
    let clock = Date.now()
    const history = startLocalHistory({ doc, id: doc.guid as WorkspaceId, storage: 'indexeddb', actor: () => ben, later: soon, now: () => clock })
    started.push(history)
    // Ten minutes on before the opening's copying has begun (a device asleep as it opened): the
    // activity checkpoint's copying runs beside the opening's.
    clock += 11 * 60 * 1000
    createArtifact(doc, { kind: 'note', title: 'Arrived later' }, asha, 6)
    const copies = async () => (await history.checkpoints()).filter((c) => c.reason === 'version').map((c) => c.label).sort()
    await expect.poll(async () => (await history.checkpoints()).filter((c) => c.reason === 'activity')).toHaveLength(1)
    await expect.poll(copies).toEqual(['After review', 'Before review'])
    // Both passes over the versions have had every idle moment they asked for.
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 5))
    expect(await copies()).toEqual(['After review', 'Before review'])
    // Stored once each, not only listed once: a second copy would count against the byte cap.
    const store = await openLocalHistory(doc.guid as WorkspaceId)
    expect((await store.list()).filter((c) => c.versionId !== null)).toHaveLength(2)
    store.close()
  })

  it('copies the newest versions first and stops at the byte cap, marking older ones as seen', async () => {
    const doc = withVersions(6)
    // What retention counts for one copy (its snapshot and label, and a record's overhead).
    const oneCopy = checkpointBytes({ snapshot: versionSnapshotBytes(doc, readVersions(doc).at(-1)!.id)!, label: 'Day 5' })
    const history = startLocalHistory({ doc, id: doc.guid as WorkspaceId, storage: 'indexeddb', actor: () => ben, later: soon, capBytes: oneCopy * 4 })
    started.push(history)
    await expect.poll(async () => (await openLocalHistory(doc.guid as WorkspaceId).then(async (s) => { const seen = await s.copiedVersions(); s.close(); return seen.size }))).toBe(8)
    const copies = (await history.checkpoints()).filter((c) => c.reason === 'version').map((c) => c.label)
    expect(copies.length).toBeLessThan(8)
    expect(copies).toContain('Day 5')
    expect(copies).not.toContain('Before review')
  })
})
