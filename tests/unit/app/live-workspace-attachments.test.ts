import { describe, expect, it } from 'vitest'
import { openLiveWorkspace } from '../../../src/app/live-workspace'
import type { Member } from '../../../src/app/member'
import { DEFAULT_SYNC_SETTINGS } from '../../../src/domain/sync-settings'
import { attachmentDbName, openAttachmentStore } from '../../../src/storage/attachment-store'
import { createWorkspace } from '../../../src/storage/workspace-library'
import type { RelaySocket } from '../../../src/sync/relay/relay-socket'
import { useFreshRegistry } from '../fixtures/indexeddb'
import { asha, labDetails } from '../fixtures/workspace'
import { WebSocket } from '../relay/support/relay-client'

const me: Member = { ...asha, colour: '#1d4ed8', id: 'a'.repeat(32) }

/** Waits for a condition the workspace reaches in its own time (no timed assertion). */
const until = async (ok: () => boolean | Promise<boolean>): Promise<void> => {
  while (!(await ok())) await new Promise((resolve) => setTimeout(resolve, 20))
}
const databaseNames = async (): Promise<string[]> => (await indexedDB.databases()).flatMap((db) => (db.name ? [db.name] : []))

describe("a live workspace's attachments while it opens", () => {
  const fresh = useFreshRegistry()

  it('leaves the attachment store alone until the open is done, then lists it for the relay', async () => {
    const registry = fresh.registry
    const created = await createWorkspace(registry, labDetails, asha, 1000)
    // A relay in the settings (nothing listens there): sync starts its upload bookkeeping at once.
    await registry.put({ ...created, sync: { ...DEFAULT_SYNC_SETTINGS, relayUrls: ['ws://127.0.0.1:9/relay'] } })
    let relaySockets = 0
    const afterOpen: (() => void)[] = []
    const live = await openLiveWorkspace({
      registry,
      rawId: created.id,
      me,
      pageUrl: 'file:///mutual/index.html',
      deviceId: () => me.id,
      later: () => () => {},
      attachmentsLater: (task) => {
        afterOpen.push(task)
        return () => {}
      },
      platform: {
        relaySocket: (url) => {
          relaySockets += 1
          return new WebSocket(url) as unknown as RelaySocket
        }
      }
    })
    if (!live) throw new Error('not opened')
    try {
      expect(await live.sync).not.toBeNull()
      await until(() => relaySockets > 0)
      // Sync is running and has reached for the relay. A slower machine could only make the
      // store later still, never sooner, so this cannot fail for want of time.
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(await databaseNames()).not.toContain(attachmentDbName(created.id))

      // The open is done: the bookkeeping now reads the store, and lists what it holds.
      const store = await openAttachmentStore(created.id)
      const put = await store.put(new TextEncoder().encode('site visit photo'), 'image/jpeg')
      store.close()
      if (!put.ok) throw new Error('not stored')
      afterOpen.forEach((task) => task())
      expect(await live.attachments.heldHashes()).toEqual([put.hash])
    } finally {
      await live.destroy()
    }
  }, 120_000)

  it('answers the bookkeeping with nothing once the workspace is closed before the open was done', async () => {
    const registry = fresh.registry
    const created = await createWorkspace(registry, labDetails, asha, 1000)
    const live = await openLiveWorkspace({
      registry,
      rawId: created.id,
      me,
      pageUrl: 'file:///mutual/index.html',
      deviceId: () => me.id,
      later: () => () => {},
      attachmentsLater: () => () => {}
    })
    if (!live) throw new Error('not opened')
    const listed = live.attachments.heldHashes()
    await live.destroy()
    expect(await listed).toEqual([])
    expect(await databaseNames()).not.toContain(attachmentDbName(created.id))
  }, 120_000)
})
