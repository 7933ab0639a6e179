import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { initialiseWorkspace, readWorkspaceMeta, renameWorkspace } from '../../../src/crdt/workspace-meta'
import { startEarlyRead, takeEarlyRead } from '../../../src/storage/early-read'
import { openDatabase, transactionDone } from '../../../src/storage/idb-request'
import { openWorkspacePersistence } from '../../../src/storage/workspace-persistence'
import { UPDATES_STORE, workspaceDbName } from '../../../src/storage/workspace-db-name'
import { captureUnhandledRejections } from '../capture-unhandled'
import { addRawRow } from '../fixtures/indexeddb'
import { asha, labDetails } from '../fixtures/workspace'

/** A workspace stored the way the app stores it, closed again. */
const storedWorkspace = async () => {
  const id = makeWorkspaceId()
  const doc = makeWorkspaceDoc(id)
  const persistence = openWorkspacePersistence(doc, id)
  await persistence.settled
  initialiseWorkspace(doc, labDetails, asha, 1000)
  await persistence.compact()
  await persistence.destroy()
  return { id, doc }
}

const openAgain = async (id: ReturnType<typeof makeWorkspaceId>) => {
  const doc = makeWorkspaceDoc(id)
  const persistence = openWorkspacePersistence(doc, id)
  const status = await persistence.settled
  return { doc, persistence, status }
}

const clearRows = async (dbName: string): Promise<void> => {
  const db = await openDatabase({ name: dbName, upgrade: () => {} })
  const tx = db.transaction(UPDATES_STORE, 'readwrite')
  tx.objectStore(UPDATES_STORE).clear()
  await transactionDone(tx)
  db.close()
}

describe('reading a workspace before the app has loaded', () => {
  it('loads the rows read early and those stored since, as one load from disk', async () => {
    const { id, doc: original } = await storedWorkspace()
    await startEarlyRead(`#/w/${id}/a/${'a'.repeat(32)}`)
    // The disk changes under the early read: its rows are gone, and a later row holds only a
    // rename. Both must be in the loaded workspace: the early rows were applied, and
    // y-indexeddb read on from the key after them.
    const later = makeWorkspaceDoc(id)
    Y.applyUpdate(later, Y.encodeStateAsUpdate(original))
    const before = Y.encodeStateVector(later)
    renameWorkspace(later, 'Renamed on another device')
    await clearRows(workspaceDbName(id))
    await addRawRow(workspaceDbName(id), Y.encodeStateAsUpdate(later, before))

    const opened = await openAgain(id)
    expect(opened.status.status).toBe('ready')
    expect(readWorkspaceMeta(opened.doc)).toMatchObject({ name: 'Renamed on another device', startDate: '2026-04-01' })
    // Edits after the load are stored as before.
    renameWorkspace(opened.doc, 'Renamed here')
    await opened.persistence.compact()
    await opened.persistence.destroy()
    const reopened = await openAgain(id)
    expect(readWorkspaceMeta(reopened.doc).name).toBe('Renamed here')
    await reopened.persistence.destroy()
  })

  it('hands each read out once, and only for the workspace it read', async () => {
    const { id } = await storedWorkspace()
    await startEarlyRead(`#/w/${id}`)
    expect(takeEarlyRead(workspaceDbName(makeWorkspaceId()))).toBeNull()
    await startEarlyRead(`#/w/${id}`)
    expect(await takeEarlyRead(workspaceDbName(id))).toMatchObject({ rows: [expect.any(Uint8Array)] })
    expect(takeEarlyRead(workspaceDbName(id))).toBeNull()
    await startEarlyRead('#/')
    expect(takeEarlyRead(workspaceDbName(id))).toBeNull()
  })

  it('creates no database for a workspace that is not on this device', async () => {
    const id = makeWorkspaceId()
    await startEarlyRead(`#/w/${id}`)
    expect(await takeEarlyRead(workspaceDbName(id))).toBeNull()
    expect((await indexedDB.databases()).map((db) => db.name)).not.toContain(workspaceDbName(id))
  })

  it('opens read-only with what can be read when a row read early is damaged, changing nothing on disk', async () => {
    const { id } = await storedWorkspace()
    await addRawRow(workspaceDbName(id), new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x01, 0x02]))
    await startEarlyRead(`#/w/${id}`)
    let opened: Awaited<ReturnType<typeof openAgain>> | undefined
    await captureUnhandledRejections(async () => {
      opened = await openAgain(id)
    })
    if (!opened) throw new Error('not opened')
    expect(opened.status).toMatchObject({ status: 'damaged', unreadableRows: 1 })
    expect(readWorkspaceMeta(opened.doc).name).toBe('Community wealth lab')
    await opened.persistence.destroy()
  })
})
