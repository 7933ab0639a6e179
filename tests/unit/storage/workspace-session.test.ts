import { beforeEach, describe, expect, it } from 'vitest'
import { recordMember } from '../../../src/crdt/members'
import { readWorkspaceMeta, renameWorkspace } from '../../../src/crdt/workspace-meta'
import type { Registry } from '../../../src/storage/registry'
import { useFreshRegistry } from '../fixtures/indexeddb'
import { asha, labDetails } from '../fixtures/workspace'
import { openWorkspaceSession } from '../../../src/storage/workspace-session'
import { createWorkspace } from '../../../src/storage/workspace-library'

/** Registry bookkeeping is written in the background; wait for it to land. */
const eventually = async <T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> => {
  for (let i = 0; ; i++) {
    const value = await read()
    if (ok(value) || i > 400) return value
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

const details = { ...labDetails, name: 'Lab' }

describe('workspace session', () => {
  const fresh = useFreshRegistry()
  let registry: Registry
  beforeEach(() => {
    registry = fresh.registry
  })

  it('records the opening, but opening alone does not count as an edit', async () => {
    const entry = await createWorkspace(registry, details, asha, 1000)
    const session = await openWorkspaceSession(registry, entry)
    recordMember(session.doc, 'a'.repeat(32), { ...asha, colour: '#1d4ed8' }, Date.now())
    session.flush()
    await session.destroy()
    const stored = await eventually(() => registry.get(entry.id), (e) => (e?.lastOpenedAt ?? 0) > 1000)
    expect(stored?.lastOpenedAt).toBeGreaterThan(1000)
    expect(stored?.lastEditedAt).toBe(1000)
  })

  it('keeps the list’s "last edited" and name in step with edits to the document', async () => {
    const entry = await createWorkspace(registry, details, asha, 1000)
    const session = await openWorkspaceSession(registry, entry)
    const before = Date.now()
    renameWorkspace(session.doc, 'Renamed inside')
    session.flush()
    const stored = await eventually(() => registry.get(entry.id), (e) => e?.name === 'Renamed inside')
    expect(stored?.name).toBe('Renamed inside')
    expect(stored?.lastEditedAt).toBeGreaterThanOrEqual(before)
    await session.destroy()
    await session.destroy()
  })

  it('writes the list’s name and "last edited" at once when the page hides, before the page can go', async () => {
    const entry = await createWorkspace(registry, details, asha, 1000)
    const session = await openWorkspaceSession(registry, entry)
    await eventually(() => registry.get(entry.id), (e) => (e?.lastOpenedAt ?? 0) > 1000)
    const before = Date.now()
    renameWorkspace(session.doc, 'Renamed as the tab closed')
    session.flush()
    // The page is going: nothing it starts from now on will run. Closing the registry's
    // database stands for that: transactions started already finish, later ones cannot start.
    registry.close()
    const reopened = await fresh.reopen()
    const stored = await reopened.get(entry.id)
    expect(stored?.name).toBe('Renamed as the tab closed')
    expect(stored?.lastEditedAt).toBeGreaterThanOrEqual(before)
    await session.destroy()
  })

  it('keeps an edit made just before closing', async () => {
    const entry = await createWorkspace(registry, details, asha, 1000)
    const session = await openWorkspaceSession(registry, entry)
    renameWorkspace(session.doc, 'Last words')
    await session.destroy()
    const reopened = await openWorkspaceSession(registry, entry)
    expect(readWorkspaceMeta(reopened.doc).name).toBe('Last words')
    await reopened.destroy()
  })
})
