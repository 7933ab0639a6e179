import { beforeEach, describe, expect, it } from 'vitest'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { readWorkspaceMeta, renameWorkspace } from '../../../src/crdt/workspace-meta'
import { startEarlyOpen, takeEarlyOpen } from '../../../src/storage/early-open'
import { startEarlyRead } from '../../../src/storage/early-read'
import type { Registry } from '../../../src/storage/registry'
import { createWorkspace } from '../../../src/storage/workspace-library'
import { workspaceDbName } from '../../../src/storage/workspace-db-name'
import { openWorkspaceSession } from '../../../src/storage/workspace-session'
import { useFreshRegistry } from '../fixtures/indexeddb'
import { asha, labDetails } from '../fixtures/workspace'

/** What the page does as it loads an address: the early read, then (in the app) the early open. */
const loadPage = async (hash: string, discardAfterMs?: number): Promise<void> => {
  performance.clearMarks()
  const read = startEarlyRead(hash)
  startEarlyOpen(hash, discardAfterMs)
  await read
}

const storageOpens = (): number => performance.getEntriesByName('mutual:open:start').length

describe('opening the workspace in the address while the app starts', () => {
  const fresh = useFreshRegistry()
  let registry: Registry
  beforeEach(() => {
    registry = fresh.registry
  })

  it('hands the workspace it loaded to the workspace session, which saves edits as ever', async () => {
    const entry = await createWorkspace(registry, { ...labDetails, name: 'Early lab' }, asha, 1000)
    await loadPage(`#/w/${entry.id}`)
    const session = await openWorkspaceSession(registry, entry)
    // One storage open: the session took the early one instead of opening its own.
    expect(storageOpens()).toBe(1)
    expect(session.persistence.status.status).toBe('ready')
    expect(readWorkspaceMeta(session.doc).name).toBe('Early lab')
    expect(takeEarlyOpen(entry.id)).toBeNull()

    renameWorkspace(session.doc, 'Renamed after an early open')
    await session.destroy()
    const reopened = await openWorkspaceSession(registry, entry)
    expect(readWorkspaceMeta(reopened.doc).name).toBe('Renamed after an early open')
    await reopened.destroy()
  })

  it('opens nothing, and creates no database, for a workspace this device does not have', async () => {
    const id = makeWorkspaceId()
    await loadPage(`#/w/${id}`)
    expect(await takeEarlyOpen(id)).toBeNull()
    expect((await indexedDB.databases()).map((db) => db.name)).not.toContain(workspaceDbName(id))
  })

  it('opens nothing for an address that names no workspace, or for another workspace', async () => {
    const entry = await createWorkspace(registry, labDetails, asha, 1000)
    await loadPage('#/')
    expect(takeEarlyOpen(entry.id)).toBeNull()
    await loadPage(`#/w/${entry.id}`)
    expect(takeEarlyOpen(makeWorkspaceId())).toBeNull()
    const early = await takeEarlyOpen(entry.id)
    expect(early?.id).toBe(entry.id)
    await early?.persistence.destroy()
  })

  it('closes an open nobody takes, and the session then opens the workspace itself', async () => {
    const entry = await createWorkspace(registry, { ...labDetails, name: 'Left alone' }, asha, 1000)
    await loadPage(`#/w/${entry.id}`, 20)
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(takeEarlyOpen(entry.id)).toBeNull()
    const session = await openWorkspaceSession(registry, entry)
    expect(storageOpens()).toBe(2)
    expect(readWorkspaceMeta(session.doc).name).toBe('Left alone')
    await session.destroy()
  })
})
