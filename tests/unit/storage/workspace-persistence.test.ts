import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { initialiseWorkspace, readWorkspaceMeta, renameWorkspace } from '../../../src/crdt/workspace-meta'
import { ReadOnlyDocumentError } from '../../../src/crdt/read-only'
import { openWorkspacePersistence } from '../../../src/storage/workspace-persistence'
import { workspaceDbName } from '../../../src/storage/workspace-db-name'
import { captureUnhandledRejections } from '../capture-unhandled'
import { addRawRow, readRawRows } from '../fixtures/indexeddb'
import { deleteDatabase, openDatabase } from '../../../src/storage/idb-request'
import { asha, labDetails } from '../fixtures/workspace'

const actor = asha
const details = labDetails
const readRows = (name: string): Promise<unknown[]> => readRawRows(name)

/** Opens, optionally edits, and closes a workspace the way the app does. */
const session = async (id: ReturnType<typeof makeWorkspaceId>, edit?: (doc: Y.Doc) => void) => {
  const doc = makeWorkspaceDoc(id)
  const persistence = openWorkspacePersistence(doc, id, { compactAboveRows: 5 })
  const status = await persistence.settled
  edit?.(doc)
  return { doc, persistence, status }
}

describe('workspace persistence', () => {
  it('stores a workspace and reads it back after closing', async () => {
    const id = makeWorkspaceId()
    const first = await session(id, (doc) => initialiseWorkspace(doc, details, actor, 1000))
    expect(first.status.status).toBe('ready')
    await first.persistence.destroy()

    const second = await session(id)
    expect(second.status.status).toBe('ready')
    expect(readWorkspaceMeta(second.doc)).toMatchObject({ name: 'Community wealth lab', startDate: '2026-04-01' })
    expect(Y.encodeStateVector(second.doc)).toEqual(Y.encodeStateVector(first.doc))
    await second.persistence.destroy()
  })

  it('folds the record y-indexeddb adds on every open, so rarely edited docs do not grow', async () => {
    const id = makeWorkspaceId()
    const first = await session(id, (doc) => initialiseWorkspace(doc, details, actor, 1000))
    await first.persistence.destroy()
    for (let i = 0; i < 8; i++) {
      const s = await session(id)
      await s.persistence.destroy()
    }
    expect((await readRows(workspaceDbName(id))).length).toBeGreaterThan(5)
    const s = await session(id)
    await s.persistence.compact()
    expect(await readRows(workspaceDbName(id))).toHaveLength(1)
    expect(readWorkspaceMeta(s.doc).name).toBe('Community wealth lab')
    await s.persistence.destroy()

    const reopened = await session(id)
    expect(readWorkspaceMeta(reopened.doc).name).toBe('Community wealth lab')
    await reopened.persistence.destroy()
  })

  it('opens a workspace with a damaged record read-only, with everything readable and nothing on disk changed', async () => {
    const id = makeWorkspaceId()
    const first = await session(id, (doc) => initialiseWorkspace(doc, details, actor, 1000))
    await first.persistence.destroy()
    await addRawRow(workspaceDbName(id), new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x01, 0x02]))
    // An edit stored after the damaged record must still be readable.
    const later = makeWorkspaceDoc(id)
    Y.applyUpdate(later, Y.encodeStateAsUpdate(first.doc))
    const before = Y.encodeStateVector(later)
    renameWorkspace(later, 'Renamed after the damage')
    await addRawRow(workspaceDbName(id), Y.encodeStateAsUpdate(later, before))
    const rowsBefore = await readRows(workspaceDbName(id))

    let opened: Awaited<ReturnType<typeof session>> | undefined
    const rejections = await captureUnhandledRejections(async () => {
      opened = await session(id)
    })
    // The persistence reads and applies the stored rows itself (a slice at a time), and meets
    // the damaged record there: nothing is left unhandled.
    expect(rejections).toHaveLength(0)
    if (!opened) throw new Error('not opened')
    expect(opened.status).toMatchObject({ status: 'damaged', unreadableRows: 1 })
    expect(readWorkspaceMeta(opened.doc).name).toBe('Renamed after the damage')
    expect(() => renameWorkspace(opened?.doc as Y.Doc, 'Should not be saved')).toThrow(ReadOnlyDocumentError)
    await opened.persistence.destroy()

    const rowsAfter = await readRows(workspaceDbName(id))
    // y-indexeddb writes the (empty) pre-load state when it opens; every earlier row is untouched.
    expect(rowsAfter.slice(0, rowsBefore.length)).toEqual(rowsBefore)
    expect(rowsAfter.length).toBeLessThanOrEqual(rowsBefore.length + 1)
  })

  it('reports a storage that cannot be opened instead of throwing', async () => {
    const id = makeWorkspaceId()
    const saved = globalThis.indexedDB
    // Some private-browsing modes have no IndexedDB at all.
    ;(globalThis as { indexedDB?: IDBFactory }).indexedDB = undefined
    try {
      const s = await session(id)
      expect(s.status.status).toBe('unavailable')
      await s.persistence.destroy()
    } finally {
      globalThis.indexedDB = saved
    }
  })

  it('lets go when another tab deletes or repairs the workspace, and says which', async () => {
    const id = makeWorkspaceId()
    const repaired = await session(id, (doc) => initialiseWorkspace(doc, details, actor, 1000))
    const upgrade = await openDatabase({ name: workspaceDbName(id), version: 2, upgrade: () => {} })
    upgrade.close()
    expect(repaired.persistence.status).toMatchObject({
      status: 'unavailable',
      problem: { message: expect.stringContaining('repaired in another tab') }
    })
    await repaired.persistence.destroy()

    const deleted = await session(id)
    expect(deleted.status.status).toBe('ready')
    await deleteDatabase(workspaceDbName(id))
    expect(deleted.persistence.status).toMatchObject({
      status: 'unavailable',
      problem: { message: expect.stringContaining('deleted in another tab') }
    })
    await deleted.persistence.destroy()
  })
})
