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
import { localHistoryBytes } from '../../../src/storage/local-history'
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
