import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLiveWorkspace, type LiveWorkspace } from '../../../src/app/live-workspace'
import { saveConnectionSettings } from '../../../src/app/connection-settings'
import type { Member } from '../../../src/app/member'
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '../../../src/domain/sync-settings'
import type { RegistryEntry } from '../../../src/domain/registry-entry'
import type { Registry } from '../../../src/storage/registry'
import { createWorkspace } from '../../../src/storage/workspace-library'
import type { RelaySocket } from '../../../src/sync/relay/relay-socket'
import type { WorkspaceSync } from '../../../src/sync/workspace-sync'
import { useFreshRegistry } from '../fixtures/indexeddb'
import { asha, labDetails } from '../fixtures/workspace'
import { WebSocket } from '../relay/support/relay-client'
import { startTestRelay, stopTestRelays } from '../relay/support/test-relay'
import { openTestDatabase, type TestDatabase } from '../relay/support/test-stores'

const ashaMember: Member = { ...asha, colour: '#1d4ed8', id: 'a'.repeat(32) }

/** Waits for a condition sync reaches in its own time (no timed assertion). */
const until = async (ok: () => boolean | Promise<boolean>): Promise<void> => {
  while (!(await ok())) await new Promise((resolve) => setTimeout(resolve, 20))
}

describe('a live workspace and the relay', () => {
  const fresh = useFreshRegistry()
  let database: TestDatabase
  let relayUrl: string
  beforeAll(async () => {
    database = await openTestDatabase('pglite')
    relayUrl = (await startTestRelay(await database.open())).url
    // PGlite starts a whole PostgreSQL in WebAssembly: slow on a busy machine, never a failure.
  }, 300_000)
  afterAll(async () => {
    await stopTestRelays()
    await database?.close()
  }, 300_000)

  const open = async (registry: Registry, id: string, me: Member): Promise<{ live: LiveWorkspace; sync: WorkspaceSync }> => {
    const live = await openLiveWorkspace({
      registry,
      rawId: id,
      me,
      // No web origin: no app signalling server or app relay, only the relay in the settings.
      pageUrl: 'file:///mutual/index.html',
      deviceId: () => me.id,
      later: () => () => {},
      // Node 20 has no WebSocket of its own: the `ws` package's Node build.
      platform: { relaySocket: (url) => new WebSocket(url) as unknown as RelaySocket }
    })
    const sync = await live?.sync
    if (!live || !sync) throw new Error('not opened with sync')
    return { live, sync }
  }

  const withRelay = (entry: RegistryEntry, settings: Partial<SyncSettings> = {}): RegistryEntry => ({
    ...entry,
    sync: { ...DEFAULT_SYNC_SETTINGS, relayUrls: [relayUrl], ...settings }
  })

  it('sends nothing to any relay once the workspace is peer-to-peer only', async () => {
    const registry = fresh.registry
    const created = await createWorkspace(registry, labDetails, asha, 1000)
    await registry.put(withRelay(created))
    const a = await open(registry, created.id, ashaMember)
    await until(() => a.sync.status().relay.state === 'synced')
    await saveConnectionSettings(registry, created.id, { ...DEFAULT_SYNC_SETTINGS, relayUrls: [relayUrl], peerToPeerOnly: true }, a.sync, 'file:///mutual/index.html')
    await until(() => a.sync.status().relay.state === 'off')
    expect((await registry.get(created.id))?.sync?.peerToPeerOnly).toBe(true)
    await a.live.destroy()
  }, 300_000)
})
