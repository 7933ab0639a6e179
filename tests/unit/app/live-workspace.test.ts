import { beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openLiveWorkspace, type LiveWorkspace, type OpenLiveWorkspaceOptions } from '../../../src/app/live-workspace'
import type { Member } from '../../../src/app/member'
import { ROOT } from '../../../src/crdt/keys'
import { readMembers } from '../../../src/crdt/members'
import { readVersions } from '../../../src/crdt/versions'
import { readWorkspaceMeta, renameWorkspace } from '../../../src/crdt/workspace-meta'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../src/domain/ids'
import type { Registry } from '../../../src/storage/registry'
import { createWorkspace } from '../../../src/storage/workspace-library'
import { useFreshRegistry } from '../fixtures/indexeddb'
import { asha, labDetails, newWorkspace } from '../fixtures/workspace'

const me: Member = { ...asha, colour: '#1d4ed8', id: 'b'.repeat(32) }

/** Registry bookkeeping is written in the background; wait for it to land. */
const eventually = async <T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> => {
  for (let i = 0; ; i++) {
    const value = await read()
    if (ok(value) || i > 400) return value
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** Waits for a condition the app reaches in its own time (no timed assertion). */
const until = async (ok: () => boolean): Promise<void> => {
  while (!ok()) await new Promise((resolve) => setTimeout(resolve, 5))
}

describe('a live workspace (app/live-workspace)', () => {
  const fresh = useFreshRegistry()
  let registry: Registry
  let opened: LiveWorkspace[]
  /** Authorship waits for `later`; the tests run it when they choose. */
  let idleTasks: (() => void)[]
  beforeEach(() => {
    registry = fresh.registry
    opened = []
    idleTasks = []
  })

  const open = async (rawId: string, overrides: Partial<OpenLiveWorkspaceOptions> = {}): Promise<LiveWorkspace | null> => {
    const live = await openLiveWorkspace({
      registry,
      rawId,
      me,
      // A page with no web origin: no app signalling server, so nothing leaves this process.
      pageUrl: 'file:///mutual/index.html',
      deviceId: () => 'c'.repeat(32),
      later: (task) => {
        idleTasks.push(task)
        return () => {}
      },
      ...overrides
    })
    if (live) opened.push(live)
    return live
  }

  /** A workspace joined by invitation: listed on this device, nothing of it stored yet. */
  const openJoined = async (): Promise<{ id: ReturnType<typeof makeWorkspaceId>; live: LiveWorkspace }> => {
    const id = makeWorkspaceId()
    const now = Date.now()
    await registry.put({ id, secret: makeWorkspaceSecret(), name: 'Untitled', createdAt: now, lastOpenedAt: now, lastEditedAt: now })
    const live = await open(id)
    if (!live) throw new Error('not opened')
    return { id, live }
  }

  const closeAll = async (): Promise<void> => {
    await Promise.all(opened.map((live) => live.destroy()))
  }

  it('is null for an address that names no workspace on this device', async () => {
    expect(await open('not-an-id')).toBeNull()
    expect(await open(makeWorkspaceId())).toBeNull()
  })

  it('records the member, starts sync, keeps authorship and daily versions, and closes idempotently', async () => {
    const entry = await createWorkspace(registry, labDetails, asha, 1000)
    const live = await open(entry.id)
    if (!live) throw new Error('not opened')
    // With signed sync, writing starts once this device's founding claim is folded (app/when-member.ts).
    await until(() => readMembers(live.session.doc).length > 0)
    expect(readMembers(live.session.doc).map((m) => m.id)).toEqual([me.id])

    const sync = await live.sync
    if (!sync) throw new Error('no sync')
    // No signalling server is configured: the status says so once sync has looked.
    expect(await eventually(async () => sync.status().signalling, (state) => state === 'none')).toBe('none')

    // Authorship is built when the device is idle, not while opening.
    expect(live.session.doc.getMap(ROOT.users).has(me.id)).toBe(false)
    for (const task of idleTasks.splice(0)) task()
    expect(live.session.doc.getMap(ROOT.users).has(me.id)).toBe(true)

    // The first local edit of the day keeps the state before it as a version.
    renameWorkspace(live.session.doc, 'Renamed today')
    await Promise.resolve()
    expect(readVersions(live.session.doc).map((v) => v.kind)).toContain('first-edit-of-day')

    await Promise.all([live.destroy(), live.destroy()])
    await live.destroy()
    const again = await open(entry.id)
    expect(readWorkspaceMeta(again?.session.doc ?? new Y.Doc()).name).toBe('Renamed today')
    await closeAll()
  })

  it('writes nothing and does not sync before there is a profile', async () => {
    const entry = await createWorkspace(registry, labDetails, asha, 1000)
    const live = await open(entry.id, { me: null })
    if (!live) throw new Error('not opened')
    expect(await live.sync).toBeNull()
    expect(readMembers(live.session.doc)).toEqual([])
    await closeAll()
  })

  it('writes nothing into a joined workspace until its content arrives, then records the member and its name', async () => {
    const { id, live } = await openJoined()
    const { doc } = live.session
    expect(live.session.compatibility().status).toBe('empty')
    expect(doc.getMap(ROOT.members).size).toBe(0)

    // Something else arrives first (presence-only or partial state): still nothing written.
    const elsewhere = new Y.Doc()
    elsewhere.getMap('unrelated').set('x', 1)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(elsewhere), { peer: 'relay' })
    await Promise.resolve()
    expect(doc.getMap(ROOT.members).size).toBe(0)

    Y.applyUpdate(doc, Y.encodeStateAsUpdate(newWorkspace()), { peer: 'relay' })
    await eventually(async () => readMembers(doc), (members) => members.length > 0)
    expect(readMembers(doc).map((m) => m.id)).toEqual([me.id])
    expect(live.session.compatibility().status).toBe('current')
    const stored = await eventually(() => registry.get(id), (e) => e?.name === labDetails.name)
    expect(stored?.name).toBe(labDetails.name)
    await closeAll()
  })

  it('writes nothing when a joined workspace arrives after it was closed', async () => {
    const { live } = await openJoined()
    const { doc } = live.session
    const closing = live.destroy()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(newWorkspace()), { peer: 'relay' })
    await Promise.resolve()
    expect(doc.getMap(ROOT.members).size).toBe(0)
    await closing
  })
})
