// Several writers keep fields in one workspace's registry entry at the same moment (the relay's
// cursor, a peer's acknowledgement, a backup, connection settings). Each must keep its own field
// without replacing the others' with what it read earlier.
import { describe, expect, it } from 'vitest'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../src/domain/ids'
import type { RegistryEntry } from '../../../src/domain/registry-entry'
import { DEFAULT_SYNC_SETTINGS } from '../../../src/domain/sync-settings'
import { saveConnectionSettings } from '../../../src/app/connection-settings'
import { keepInRegistry } from '../../../src/app/live-sync'
import { recordBackup } from '../../../src/storage/workspace-library'
import { useFreshRegistry } from '../fixtures/indexeddb'

const lab = (): RegistryEntry => ({
  id: makeWorkspaceId(),
  secret: makeWorkspaceSecret(),
  name: 'Depot lab',
  createdAt: 1000,
  lastOpenedAt: 1000,
  lastEditedAt: 1000
})

const relayState = { relays: [{ url: 'ws://127.0.0.1:4444/relay', after: 42, held: null, heldAt: 5000 }] }

describe('registry writers', () => {
  const fresh = useFreshRegistry()

  it('keeps the relay cursor and a peer acknowledgement written at the same moment', async () => {
    const entry = lab()
    await fresh.registry.put(entry)
    const acknowledged = { sv: 'AA', deleted: 3 }
    await Promise.all([
      keepInRegistry(fresh.registry, entry, { relayState }),
      keepInRegistry(fresh.registry, entry, { peerAcknowledged: acknowledged, lastPeerSeenAt: 6000 })
    ])
    const stored = await fresh.registry.get(entry.id)
    expect(stored?.relayState).toEqual(relayState)
    expect(stored?.peerAcknowledged).toEqual(acknowledged)
    expect(stored?.lastPeerSeenAt).toBe(6000)
  })

  it('keeps the relay cursor when a backup and new settings are recorded at the same moment', async () => {
    const entry = lab()
    await fresh.registry.put(entry)
    const settings = { ...DEFAULT_SYNC_SETTINGS, relayUrls: ['ws://127.0.0.1:5555/relay'] }
    await Promise.all([
      recordBackup(fresh.registry, entry, 7000),
      keepInRegistry(fresh.registry, entry, { relayState }),
      saveConnectionSettings(fresh.registry, entry.id, settings, null, 'http://127.0.0.1:4444/')
    ])
    const stored = await fresh.registry.get(entry.id)
    expect(stored?.relayState).toEqual(relayState)
    expect(stored?.lastBackupAt).toBe(7000)
    expect(stored?.sync).toEqual(settings)
  })
})
