import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeArtifactId, type ArtifactId } from '../../../src/domain/ids'
import { ARTIFACT } from '../../../src/crdt/keys'
import { artifactsMap } from '../../../src/crdt/workspace-doc'
import {
  artifactBody,
  createArtifact,
  moveArtifactToBin,
  readArtifactSummaries,
  renameArtifact,
  restoreArtifact
} from '../../../src/crdt/artifacts'
import { markReadOnly, ReadOnlyDocumentError } from '../../../src/crdt/read-only'
import { asha, ben, copyOf, newWorkspace } from '../fixtures/workspace'


describe('artifacts', () => {
  it('creates an artifact with its summary fields and an empty rich-text body', () => {
    const doc = newWorkspace()
    const id = createArtifact(doc, { kind: 'note', title: 'Site visit', tags: ['visit', 'housing'] }, asha, 2000)
    expect(id).toMatch(/^[0-9a-f]{32}$/)
    expect(readArtifactSummaries(doc)).toEqual([
      {
        id,
        kind: 'note',
        title: 'Site visit',
        createdBy: asha,
        createdAt: 2000,
        updatedBy: asha,
        updatedAt: 2000,
        tags: ['housing', 'visit'],
        deletedAt: null
      }
    ])
    const body = artifactBody(doc, id)
    expect(body).toBeInstanceOf(Y.XmlFragment)
    expect(body?.length).toBe(0)
  })

  it('renames, recording who changed it and when', () => {
    const doc = newWorkspace()
    const id = createArtifact(doc, { kind: 'report', title: 'Draft' }, asha, 2000)
    expect(renameArtifact(doc, id, 'Final report', ben, 3000)).toBe(true)
    expect(readArtifactSummaries(doc)[0]).toMatchObject({
      title: 'Final report',
      createdBy: asha,
      createdAt: 2000,
      updatedBy: ben,
      updatedAt: 3000
    })
  })

  it('answers false and changes nothing for an id it does not hold', () => {
    const doc = newWorkspace()
    createArtifact(doc, { kind: 'note', title: 'Kept' }, asha, 2000)
    const before = Y.encodeStateVector(doc)
    const unknown = makeArtifactId()
    expect(renameArtifact(doc, unknown, 'x', ben, 3000)).toBe(false)
    expect(moveArtifactToBin(doc, unknown, ben, 3000)).toBe(false)
    expect(restoreArtifact(doc, unknown)).toBe(false)
    expect(artifactBody(doc, unknown)).toBeNull()
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('moves to the bin and restores with the body kept whole', () => {
    const doc = newWorkspace()
    const id = createArtifact(doc, { kind: 'note', title: 'Workshop notes' }, asha, 2000)
    const body = artifactBody(doc, id)
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('Residents asked for evening sessions.')])
    doc.transact(() => body?.insert(0, [paragraph]))

    expect(moveArtifactToBin(doc, id, ben, 3000)).toBe(true)
    expect(readArtifactSummaries(doc)[0]).toMatchObject({ deletedAt: 3000, updatedBy: ben })
    expect(artifactBody(doc, id)?.toString()).toContain('Residents asked for evening sessions.')

    expect(restoreArtifact(doc, id)).toBe(true)
    expect(readArtifactSummaries(doc)[0]).toMatchObject({ deletedAt: null })
    expect(artifactBody(doc, id)?.toString()).toContain('Residents asked for evening sessions.')
  })

  it('restoring from the bin leaves who last edited the item, and when', () => {
    const doc = newWorkspace()
    const id = createArtifact(doc, { kind: 'note', title: 'Workshop notes' }, asha, 2000)
    renameArtifact(doc, id, 'Workshop notes, June', ben, 2500)
    moveArtifactToBin(doc, id, ben, 3000)
    // Whoever restores it has not edited it: Ben is still its last editor.
    expect(restoreArtifact(doc, id)).toBe(true)
    expect(readArtifactSummaries(doc)[0]).toMatchObject({ deletedAt: null, updatedBy: ben, updatedAt: 3000 })
  })

  it('lists newest edits first', () => {
    const doc = newWorkspace()
    const older = createArtifact(doc, { kind: 'note', title: 'Older' }, asha, 2000)
    const newer = createArtifact(doc, { kind: 'board', title: 'Newer' }, asha, 5000)
    expect(readArtifactSummaries(doc).map((a) => a.id)).toEqual([newer, older])
    renameArtifact(doc, older, 'Older, edited last', ben, 9000)
    expect(readArtifactSummaries(doc).map((a) => a.id)).toEqual([older, newer])
  })

  it('leaves malformed records from a peer out of the list instead of failing', () => {
    const doc = newWorkspace()
    const good = createArtifact(doc, { kind: 'partner-map', title: 'Partners' }, asha, 2000)
    doc.transact(() => {
      const artifacts = artifactsMap(doc) as unknown as Y.Map<unknown>
      const unknownKind = new Y.Map<unknown>()
      unknownKind.set(ARTIFACT.kind, 'spaceship')
      unknownKind.set(ARTIFACT.title, 'From a future version')
      artifacts.set(makeArtifactId(), unknownKind)
      const missingFields = new Y.Map<unknown>()
      missingFields.set(ARTIFACT.kind, 'note')
      artifacts.set(makeArtifactId(), missingFields)
      artifacts.set(makeArtifactId(), 'not a map at all')
      const badId = new Y.Map<unknown>()
      badId.set(ARTIFACT.kind, 'note')
      artifacts.set('not-a-hex-id', badId)
    })
    expect(readArtifactSummaries(doc).map((a) => a.id)).toEqual([good])
  })

  it('keeps both renames and bins from two devices consistent after they sync', () => {
    const a = newWorkspace()
    const id = createArtifact(a, { kind: 'note', title: 'Shared' }, asha, 2000)
    const b = copyOf(a)
    renameArtifact(a, id, 'Renamed on A', asha, 3000)
    moveArtifactToBin(b, id as ArtifactId, ben, 3001)
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
    expect(readArtifactSummaries(a)).toEqual(readArtifactSummaries(b))
    expect(readArtifactSummaries(a)[0]).toMatchObject({ title: 'Renamed on A', deletedAt: 3001 })
  })

  it('refuses every change to a document opened read-only, leaving it as it was', () => {
    const doc = newWorkspace()
    const id = createArtifact(doc, { kind: 'note', title: 'Kept' }, asha, 2000)
    markReadOnly(doc, 'Damaged storage')
    const before = Y.encodeStateAsUpdate(doc)
    expect(() => createArtifact(doc, { kind: 'note', title: 'New' }, asha, 3000)).toThrow(ReadOnlyDocumentError)
    expect(() => renameArtifact(doc, id, 'x', asha, 3000)).toThrow(ReadOnlyDocumentError)
    expect(() => moveArtifactToBin(doc, id, asha, 3000)).toThrow(ReadOnlyDocumentError)
    expect(() => restoreArtifact(doc, id)).toThrow(ReadOnlyDocumentError)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })
})
