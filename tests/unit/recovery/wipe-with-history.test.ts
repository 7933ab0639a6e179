/**
 * The review's "wipe, with history" attack: a member deletes every artifact and every version.
 * Merging a backup back in cannot undo it (a merge is a union of changes, and the deletions are
 * changes too), so the answers are the local checkpoints every device keeps, and opening the
 * backup as a separate workspace.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createArtifact, readArtifactSummaries, moveArtifactToBin } from '../../../src/crdt/artifacts'
import { mergeUpdate } from '../../../src/crdt/merge-update'
import { createVersion, readVersions, versionsMap } from '../../../src/crdt/versions'
import { artifactsMap, makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { initialiseWorkspace } from '../../../src/crdt/workspace-meta'
import { captureCheckpoint, restoreDeletedSince } from '../../../src/crdt/checkpoints'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { artifactBody } from '../../../src/crdt/artifacts'
import { copyOf, exchange } from '../fixtures/workspace'

const actor = { name: 'Ann', organisation: 'Oldham Council' }

const labWithWork = () => {
  const doc = makeWorkspaceDoc(makeWorkspaceId())
  initialiseWorkspace(doc, { name: 'Lab', description: '', leadCouncil: 'Oldham Council', partnerCouncils: [], startDate: '' }, actor, 1)
  for (const title of ['Site visit', 'Interview notes', 'Interim report']) {
    const id = createArtifact(doc, { kind: 'note', title }, actor, 2)
    doc.transact(() => {
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText(`${title}: what residents told us`)])
      artifactBody(doc, id)?.insert(0, [p])
    })
  }
  createVersion(doc, { name: 'Before review', kind: 'named' }, actor, 3)
  createVersion(doc, { name: 'After review', kind: 'named' }, actor, 4)
  return doc
}

/** What the wiper's script does: it is a member, so every device accepts the deletions. */
const wipe = (doc: Y.Doc): void =>
  doc.transact(() => {
    for (const id of [...artifactsMap(doc).keys()]) artifactsMap(doc).delete(id)
    for (const id of [...versionsMap(doc).keys()]) versionsMap(doc).delete(id)
  })

const liveTitles = (doc: Y.Doc): string[] =>
  readArtifactSummaries(doc)
    .filter((a) => a.deletedAt === null)
    .map((a) => a.title)
    .sort()

describe('the wipe-with-history attack', () => {
  it('merging a backup back in after a wipe leaves the deletions in place (why merge is not the answer)', () => {
    const doc = labWithWork()
    const backup = Y.encodeStateAsUpdate(doc)
    wipe(doc)
    mergeUpdate(doc, backup)
    expect(liveTitles(doc)).toEqual([])
    expect(readVersions(doc)).toEqual([])
  })

  it('a checkpoint taken before the wipe brings back every artifact, its text and every version, for the wiper too', () => {
    const doc = labWithWork()
    const wiper = copyOf(doc)
    const checkpoint = captureCheckpoint(doc)
    wipe(wiper)
    exchange(wiper, doc)
    expect(liveTitles(doc)).toEqual([])

    const restored = restoreDeletedSince(doc, checkpoint.snapshot, actor, 5)
    expect(restored).toEqual({ ok: true, artifacts: 3, versions: 2, unbinned: 0, texts: 0 })
    expect(liveTitles(doc)).toEqual(['Interim report', 'Interview notes', 'Site visit'])
    expect(artifactBody(doc, readArtifactSummaries(doc).find((a) => a.title === 'Site visit')!.id)?.toString()).toContain('what residents told us')
    expect(readVersions(doc).map((v) => v.name)).toEqual(expect.arrayContaining(['Before review', 'After review']))

    // The restore is an ordinary change: the wiper's device gets everything back from it.
    exchange(doc, wiper)
    expect(liveTitles(wiper)).toEqual(['Interim report', 'Interview notes', 'Site visit'])
    expect(readVersions(wiper).map((v) => v.name)).toEqual(expect.arrayContaining(['Before review', 'After review']))
  })

  it('restoring keeps work done since: new artifacts stay, and items moved to the bin come out of it', () => {
    const doc = labWithWork()
    const checkpoint = captureCheckpoint(doc)
    const [first] = readArtifactSummaries(doc)
    moveArtifactToBin(doc, first!.id, actor, 6)
    createArtifact(doc, { kind: 'note', title: 'Written after the checkpoint' }, actor, 7)
    const result = restoreDeletedSince(doc, checkpoint.snapshot, actor, 8)
    expect(result).toMatchObject({ ok: true, unbinned: 1, artifacts: 0 })
    expect(liveTitles(doc)).toEqual(['Interim report', 'Interview notes', 'Site visit', 'Written after the checkpoint'])
  })
})
