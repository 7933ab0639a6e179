import { beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../src/domain/ids'
import { makeWorkspaceDoc, metaMap } from '../../../src/crdt/workspace-doc'
import { META } from '../../../src/crdt/keys'
import { initialiseWorkspace, readWorkspaceMeta, updateWorkspaceDetails } from '../../../src/crdt/workspace-meta'
import { createArtifact, readArtifactSummaries } from '../../../src/crdt/artifacts'
import { ReadOnlyWorkspaceError } from '../../../src/crdt/schema-version'
import { REGISTRY_DB_NAME, makeMemoryRegistry, type Registry } from '../../../src/storage/registry'
import { addRawRow, readRawRows, useFreshRegistry } from '../fixtures/indexeddb'
import { asha, ben, labDetails } from '../fixtures/workspace'
import { workspaceDbName } from '../../../src/storage/workspace-db-name'
import { openWorkspaceSession } from '../../../src/storage/workspace-session'
import { decodeWorkspaceFile, encodeWorkspaceFile } from '../../../src/storage/workspace-file'
import { createWorkspace, importWorkspaceFile, renameWorkspaceOnDevice } from '../../../src/storage/workspace-library'
import { deleteWorkspaceFromDevice } from '../../../src/storage/delete-workspace'
import { captureUnhandledRejections } from '../capture-unhandled'
import { readAuthorship } from '../../../src/crdt/authorship'

const details = labDetails
const rawRows = readRawRows

const databaseNames = async (): Promise<string[]> => (await indexedDB.databases()).map((d) => d.name ?? '')

/** A workspace file as another device would export it. */
const fileFrom = (doc: Y.Doc, secret = makeWorkspaceSecret()) => {
  const decoded = decodeWorkspaceFile(
    encodeWorkspaceFile(
      { format: 1, workspaceId: doc.guid as never, secret, name: readWorkspaceMeta(doc).name, exportedAt: 5000 },
      doc
    )
  )
  if (!decoded.ok) throw new Error(decoded.message)
  return decoded
}

describe('workspace library', () => {
  const fresh = useFreshRegistry()
  let registry: Registry
  beforeEach(() => {
    registry = fresh.registry
  })

  it('creates a workspace in its own database and lists it, then reopens it with every detail', async () => {
    const entry = await createWorkspace(registry, details, asha, 1000)
    expect(await databaseNames()).toContain(workspaceDbName(entry.id))
    expect((await registry.list()).entries).toEqual([entry])
    expect(entry).toMatchObject({ name: details.name, createdAt: 1000, lastEditedAt: 1000 })

    const session = await openWorkspaceSession(registry, entry)
    expect(session.persistence.status).toEqual({ status: 'ready' })
    expect(session.compatibility()).toEqual({ status: 'current' })
    expect(readWorkspaceMeta(session.doc)).toMatchObject({ ...details, createdAt: 1000, createdBy: asha })
    await session.destroy()
  })

  it('records who created and who renamed a workspace, so its history names them', async () => {
    const creator = 'c'.repeat(32)
    const renamer = 'd'.repeat(32)
    const entry = await createWorkspace(registry, details, asha, 1000, creator)
    await renameWorkspaceOnDevice(registry, entry, 'Food justice lab', renamer)
    const session = await openWorkspaceSession(registry, entry)
    const authorship = readAuthorship(session.doc)
    // Every client that wrote to the doc belongs to one of the two.
    const writers = [...Y.decodeStateVector(Y.encodeStateVector(session.doc)).keys()]
    expect(writers).toHaveLength(2)
    expect(writers.map((client) => authorship.getUserByClientId(client)).sort()).toEqual([creator, renamer])
    await session.destroy()
  })

  it('gives every workspace its own id and secret', async () => {
    const a = await createWorkspace(registry, details, asha)
    const b = await createWorkspace(registry, details, asha)
    expect(a.id).not.toBe(b.id)
    expect(a.secret).not.toBe(b.secret)
  })

  it('renames in the document and in the list', async () => {
    const entry = await createWorkspace(registry, details, asha, 1000)
    const renamed = await renameWorkspaceOnDevice(registry, entry, 'Food justice lab')
    expect(renamed.name).toBe('Food justice lab')
    expect((await registry.get(entry.id))?.name).toBe('Food justice lab')
    const session = await openWorkspaceSession(registry, entry)
    expect(readWorkspaceMeta(session.doc)).toMatchObject({ ...details, name: 'Food justice lab' })
    await session.destroy()
  })

  it('imports a workspace that is not on this device as a new one, keeping its id and secret', async () => {
    const elsewhere = makeWorkspaceDoc(makeWorkspaceId())
    initialiseWorkspace(elsewhere, details, ben, 1000)
    const noteId = createArtifact(elsewhere, { kind: 'note', title: 'Visit to the market' }, ben, 2000)
    const file = fileFrom(elsewhere)

    const result = await importWorkspaceFile(registry, file, null, 9000)
    expect(result.mergedIntoExisting).toBe(false)
    expect(result.entry).toMatchObject({ id: elsewhere.guid, secret: file.header.secret, name: details.name })
    expect((await registry.list()).entries).toEqual([result.entry])

    const session = await openWorkspaceSession(registry, result.entry)
    expect(readWorkspaceMeta(session.doc)).toEqual(readWorkspaceMeta(elsewhere))
    expect(readArtifactSummaries(session.doc).map((a) => a.id)).toEqual([noteId])
    await session.destroy()
  })

  it('merges a file of a workspace already here, keeping the changes made on both sides', async () => {
    const entry = await createWorkspace(registry, details, asha, 1000)
    const here = await openWorkspaceSession(registry, entry)
    const colleague = makeWorkspaceDoc(entry.id)
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(here.doc))
    updateWorkspaceDetails(here.doc, { description: 'Edited here' })
    await here.destroy()
    updateWorkspaceDetails(colleague, { startDate: '2026-10-01' })
    createArtifact(colleague, { kind: 'report', title: 'Interim report' }, ben, 3000)

    const result = await importWorkspaceFile(registry, fileFrom(colleague, entry.secret), null)
    expect(result.mergedIntoExisting).toBe(true)
    expect(result.entry.id).toBe(entry.id)
    expect((await registry.list()).entries).toHaveLength(1)

    const after = await openWorkspaceSession(registry, entry)
    expect(readWorkspaceMeta(after.doc)).toMatchObject({ description: 'Edited here', startDate: '2026-10-01' })
    expect(readArtifactSummaries(after.doc).map((a) => a.title)).toEqual(['Interim report'])
    await after.destroy()
  })

  it('refuses to merge into a workspace written by a newer version, leaving it as it was', async () => {
    const entry = await createWorkspace(registry, details, asha, 1000)
    const newer = makeWorkspaceDoc(entry.id)
    const first = await openWorkspaceSession(registry, entry)
    Y.applyUpdate(newer, Y.encodeStateAsUpdate(first.doc))
    await first.destroy()
    const before = Y.encodeStateVector(newer)
    newer.transact(() => {
      metaMap(newer).set(META.schemaVersion, 99)
      newer.getMap('formats').set('v99', 'a format this build cannot read')
    })
    await addRawRow(workspaceDbName(entry.id), Y.encodeStateAsUpdate(newer, before))

    const colleague = makeWorkspaceDoc(entry.id)
    initialiseWorkspace(colleague, { ...details, name: 'Other' }, ben, 5000)
    await expect(importWorkspaceFile(registry, fileFrom(colleague, entry.secret), null)).rejects.toThrow(
      ReadOnlyWorkspaceError
    )
    const session = await openWorkspaceSession(registry, entry)
    expect(session.compatibility()).toEqual({ status: 'newer', version: 99 })
    expect(readWorkspaceMeta(session.doc).name).toBe(details.name)
    await session.destroy()
  })

  it('repairs a damaged workspace from a file: damaged records are set aside, never deleted', async () => {
    const entry = await createWorkspace(registry, details, asha, 1000)
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x01, 0x02])
    await addRawRow(workspaceDbName(entry.id), garbage)

    let exported: ReturnType<typeof fileFrom> | undefined
    const rejections = await captureUnhandledRejections(async () => {
      const damaged = await openWorkspaceSession(registry, entry)
      expect(damaged.persistence.status).toMatchObject({ status: 'damaged', unreadableRows: 1 })
      exported = fileFrom(damaged.doc, entry.secret)
      await damaged.destroy()
    })
    // y-indexeddb leaves its failed load unhandled; that is the damage being noticed.
    expect(rejections.length).toBeLessThanOrEqual(1)
    if (!exported) throw new Error('nothing exported')

    const result = await importWorkspaceFile(registry, exported, null)
    expect(result).toMatchObject({ mergedIntoExisting: true, setAsideRecords: 1 })
    expect(await rawRows(workspaceDbName(entry.id))).not.toContainEqual(garbage)

    const healthy = await openWorkspaceSession(registry, entry)
    expect(healthy.persistence.status).toEqual({ status: 'ready' })
    expect(readWorkspaceMeta(healthy.doc)).toMatchObject(details)
    updateWorkspaceDetails(healthy.doc, { description: 'Working again' })
    await healthy.destroy()
    expect(await rawRows(workspaceDbName(entry.id), 'damaged-records')).toEqual([garbage])

    const reopened = await openWorkspaceSession(registry, entry)
    expect(readWorkspaceMeta(reopened.doc).description).toBe('Working again')
    await reopened.destroy()
  })

  it('deletes a workspace: its database goes, then its entry', async () => {
    const keep = await createWorkspace(registry, { ...details, name: 'Keep' }, asha)
    const remove = await createWorkspace(registry, { ...details, name: 'Remove' }, asha)
    await deleteWorkspaceFromDevice(registry, remove.id)
    const names = await databaseNames()
    expect(names).not.toContain(workspaceDbName(remove.id))
    expect(names).toContain(workspaceDbName(keep.id))
    expect(names).toContain(REGISTRY_DB_NAME)
    expect((await registry.list()).entries.map((e) => e.name)).toEqual(['Keep'])
  })
})

describe('with no IndexedDB at all (some private modes)', () => {
  it('still creates, opens, renames and deletes workspaces for as long as the tab lives', async () => {
    const saved = globalThis.indexedDB
    ;(globalThis as { indexedDB?: IDBFactory }).indexedDB = undefined
    try {
      const registry = makeMemoryRegistry()
      const entry = await createWorkspace(registry, labDetails, asha, 1000)
      const first = await openWorkspaceSession(registry, entry)
      expect(first.persistence.status.status).toBe('unavailable')
      expect(readWorkspaceMeta(first.doc)).toMatchObject(labDetails)
      updateWorkspaceDetails(first.doc, { description: 'Edited in memory' })
      await first.destroy()

      await renameWorkspaceOnDevice(registry, entry, 'Renamed in memory')
      const second = await openWorkspaceSession(registry, entry)
      expect(readWorkspaceMeta(second.doc)).toMatchObject({ name: 'Renamed in memory', description: 'Edited in memory' })
      await second.destroy()

      await deleteWorkspaceFromDevice(registry, entry.id)
      expect((await registry.list()).entries).toEqual([])
      const gone = await openWorkspaceSession(registry, entry)
      expect(readWorkspaceMeta(gone.doc).name).toBe('')
      await gone.destroy()
    } finally {
      globalThis.indexedDB = saved
    }
  })
})
