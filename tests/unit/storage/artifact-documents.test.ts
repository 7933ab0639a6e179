import { beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeArtifactId, makeWorkspaceId, type ArtifactId, type WorkspaceId } from '../../../src/domain/ids'
import { createWorkspace } from '../../../src/storage/workspace-library'
import { deleteWorkspaceFromDevice } from '../../../src/storage/delete-workspace'
import { makeArtifactDocuments, type ArtifactDocuments } from '../../../src/storage/artifact-documents'
import { documentDbName, isArtifactDbOf, workspaceDbName } from '../../../src/storage/workspace-db-name'
import type { Registry } from '../../../src/storage/registry'
import { readRawRows, useFreshRegistry } from '../fixtures/indexeddb'
import { asha, labDetails } from '../fixtures/workspace'

/** What an artifact document holds in these tests: a line of text, as a body would. */
const write = (doc: Y.Doc, text: string): void => doc.getText('body').insert(doc.getText('body').length, text)
const read = (doc: Y.Doc): string => doc.getText('body').toString()

const databaseNames = async (): Promise<string[]> => (await indexedDB.databases()).map((d) => d.name ?? '')

/** Holds a document until it has loaded, as a holder must before reading it. */
const holdLoaded = async (documents: ArtifactDocuments, id: ArtifactId) => {
  const held = documents.hold(id)
  expect((await held.persistence.settled).status).toBe('ready')
  return held
}

describe('artifact documents (docs/artifact-documents.md, step 1: storage)', () => {
  let workspaceId: WorkspaceId
  beforeEach(() => {
    workspaceId = makeWorkspaceId()
  })

  it('stores each artifact’s document in a database of its own, apart from the workspace’s, and reads it back', async () => {
    const note = makeArtifactId()
    const report = makeArtifactId()
    const first = makeArtifactDocuments(workspaceId)
    write((await holdLoaded(first, note)).doc, 'Site visit to the food hub')
    write((await holdLoaded(first, report)).doc, 'Interim findings')
    await first.destroy()

    expect(documentDbName(workspaceId, note)).not.toBe(documentDbName(workspaceId, report))
    expect(documentDbName(workspaceId, '')).toBe(workspaceDbName(workspaceId))
    expect(isArtifactDbOf(workspaceId, documentDbName(workspaceId, note))).toBe(true)
    expect(isArtifactDbOf(workspaceId, workspaceDbName(workspaceId))).toBe(false)
    expect(await readRawRows(workspaceDbName(workspaceId))).toEqual([])

    const second = makeArtifactDocuments(workspaceId)
    expect(read((await holdLoaded(second, note)).doc)).toBe('Site visit to the food hub')
    expect(read((await holdLoaded(second, report)).doc)).toBe('Interim findings')
    await second.destroy()
  })

  it('gives every holder the same document, and closes it only once the last has let go', async () => {
    const note = makeArtifactId()
    const documents = makeArtifactDocuments(workspaceId, { lingerMs: 0 })
    const editor = await holdLoaded(documents, note)
    const exporter = documents.hold(note)
    expect(exporter.doc).toBe(editor.doc)
    write(editor.doc, 'Typed in the editor')
    exporter.release()
    exporter.release() // a second release by the same holder changes nothing
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(documents.loaded()).toEqual([note])
    expect(read(editor.doc)).toBe('Typed in the editor')

    editor.release()
    await expect.poll(() => documents.loaded()).toEqual([])
    const again = await holdLoaded(documents, note)
    expect(again.doc).not.toBe(editor.doc)
    expect(read(again.doc)).toBe('Typed in the editor')
    await documents.destroy()
  })

  it('keeps a document nobody holds loaded for a while, so going back to it does not load it again', async () => {
    const note = makeArtifactId()
    const documents = makeArtifactDocuments(workspaceId, { lingerMs: 60_000 })
    const first = await holdLoaded(documents, note)
    first.release()
    const back = documents.hold(note)
    expect(back.doc).toBe(first.doc)
    await documents.destroy()
  })

  it('keeps at most maxLingering documents loaded that nobody holds: the longest unheld closes first', async () => {
    const ids = [makeArtifactId(), makeArtifactId(), makeArtifactId()]
    const documents = makeArtifactDocuments(workspaceId, { lingerMs: 60_000, maxLingering: 1 })
    const held = await Promise.all(ids.map((id) => holdLoaded(documents, id)))
    const kept = await holdLoaded(documents, makeArtifactId())
    for (const h of held) {
      h.release()
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    expect(documents.loaded().sort()).toEqual([ids[2], kept.id].sort())
    await documents.destroy()
    expect(documents.loaded()).toEqual([])
    expect(() => documents.hold(ids[0] as ArtifactId)).toThrow(/closed/)
  })
})

describe('deleting a workspace with artifact documents', () => {
  const fresh = useFreshRegistry()

  it('deletes every artifact document’s database with the workspace’s, and leaves other workspaces’ alone', async () => {
    const registry: Registry = fresh.registry
    const keep = await createWorkspace(registry, { ...labDetails, name: 'Keep' }, asha)
    const remove = await createWorkspace(registry, { ...labDetails, name: 'Remove' }, asha)
    const [kept, removed] = [makeArtifactDocuments(keep.id), makeArtifactDocuments(remove.id)]
    const keptNote = makeArtifactId()
    write((await holdLoaded(kept, keptNote)).doc, 'Stays')
    for (const id of [makeArtifactId(), makeArtifactId()]) write((await holdLoaded(removed, id)).doc, 'Goes')
    await Promise.all([kept.destroy(), removed.destroy()])
    expect((await databaseNames()).filter((name) => isArtifactDbOf(remove.id, name))).toHaveLength(2)

    await deleteWorkspaceFromDevice(registry, remove.id)
    const names = await databaseNames()
    expect(names.filter((name) => isArtifactDbOf(remove.id, name) || name === workspaceDbName(remove.id))).toEqual([])
    expect(names).toContain(documentDbName(keep.id, keptNote))
    expect(names).toContain(workspaceDbName(keep.id))
  })
})
