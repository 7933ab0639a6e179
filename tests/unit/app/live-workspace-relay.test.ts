import { describe, expect, it } from 'vitest'
import { openLiveWorkspace, type LiveWorkspace } from '../../../src/app/live-workspace'
import type { PageHideWatch } from '../../../src/app/page-lifecycle'
import { saveConnectionSettings } from '../../../src/app/connection-settings'
import type { Member } from '../../../src/app/member'
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '../../../src/domain/sync-settings'
import type { RegistryEntry } from '../../../src/domain/registry-entry'
import { openDatabase } from '../../../src/storage/idb-request'
import type { Registry } from '../../../src/storage/registry'
import { workspaceDbName } from '../../../src/storage/workspace-db-name'
import { createWorkspace } from '../../../src/storage/workspace-library'
import type { RelaySocket } from '../../../src/sync/relay/relay-socket'
import type { RelayTiming } from '../../../src/sync/relay/relay-timing'
import type { WorkspaceSync } from '../../../src/sync/workspace-sync'
import { useFreshRegistry } from '../fixtures/indexeddb'
import { asha, labDetails } from '../fixtures/workspace'
import { WebSocket } from '../relay/support/relay-client'
import { usePgliteRelay } from '../relay/support/use-pglite-relay'
import { startInvitedRelayDevice, type InvitedRelayDevice } from './support/invited-relay-device'

const ashaMember: Member = { ...asha, colour: '#1d4ed8', id: 'a'.repeat(32) }

/** Waits for a condition sync reaches in its own time (no timed assertion). */
const until = async (ok: () => boolean | Promise<boolean>): Promise<void> => {
  while (!(await ok())) await new Promise((resolve) => setTimeout(resolve, 20))
}

describe('a live workspace and the relay', () => {
  const fresh = useFreshRegistry()
  const relay = usePgliteRelay()

  const open = async (
    registry: Registry,
    id: string,
    me: Member,
    extra: { relayTiming?: Partial<RelayTiming>; pageHides?: PageHideWatch } = {}
  ): Promise<{ live: LiveWorkspace; sync: WorkspaceSync }> => {
    const live = await openLiveWorkspace({
      pageHides: extra.pageHides,
      registry,
      rawId: id,
      me,
      // No web origin: no app signalling server or app relay, only the relay in the settings.
      pageUrl: 'file:///mutual/index.html',
      deviceId: () => me.id,
      later: () => () => {},
      // Node 20 has no WebSocket of its own: the `ws` package's Node build.
      platform: { relaySocket: (url) => new WebSocket(url) as unknown as RelaySocket, relayTiming: extra.relayTiming }
    })
    const sync = await live?.sync
    if (!live || !sync) throw new Error('not opened with sync')
    return { live, sync }
  }

  const withRelay = (entry: RegistryEntry, settings: Partial<SyncSettings> = {}): RegistryEntry => ({
    ...entry,
    sync: { ...DEFAULT_SYNC_SETTINGS, relayUrls: [relay.url], ...settings }
  })

  it('sends nothing to any relay once the workspace is peer-to-peer only', async () => {
    const registry = fresh.registry
    const created = await createWorkspace(registry, labDetails, asha, 1000)
    await registry.put(withRelay(created))
    const a = await open(registry, created.id, ashaMember)
    await until(() => a.sync.status().relay.state === 'synced')
    await saveConnectionSettings(registry, created.id, { ...DEFAULT_SYNC_SETTINGS, relayUrls: [relay.url], peerToPeerOnly: true }, a.sync, 'file:///mutual/index.html')
    await until(() => a.sync.status().relay.state === 'off')
    expect((await registry.get(created.id))?.sync?.peerToPeerOnly).toBe(true)
    await a.live.destroy()
  }, 300_000)

  /** A page that can be hidden on demand: what the browser's pagehide does to the app. */
  const fakePage = (): { pageHides: PageHideWatch; hide(): void } => {
    const page = new EventTarget()
    return {
      pageHides: (flush) => {
        page.addEventListener('pagehide', flush)
        return () => page.removeEventListener('pagehide', flush)
      },
      hide: () => page.dispatchEvent(new Event('pagehide'))
    }
  }
  const storedCursor = async (registry: Registry, id: RegistryEntry['id']) => (await registry.get(id))?.relayState?.relays[0] ?? null
  /** How far the relay has confirmed the other device's own entries. */
  const ackedBy = (other: InvitedRelayDevice): number => other.device.stored?.relays[0]?.acked ?? 0
  /**
   * Another member's device, without storage: invited as an editor by `owner` through the trust
   * API and joined as the app joins, so the signed changes it sends are ones the owner applies.
   */
  const otherMemberOf = async (owner: LiveWorkspace, workspace: RegistryEntry): Promise<InvitedRelayDevice> => {
    const trust = await owner.trust
    if (!trust) throw new Error('opened without trust')
    const invite = await trust.invite('editor')
    const other = await startInvitedRelayDevice({ url: relay.url, workspace, invite, memberId: 'b'.repeat(32) })
    // It writes only as a member (the owner's device refuses a change from a device not in the
    // log), and once its join is on the relay, so the next seq the relay gives it is its change's.
    await until(() => other.trust.myRole() === 'editor')
    await until(() => ackedBy(other) > 0)
    return other
  }
  /** The seq the relay gave the other device's change of the text to `words`. */
  const otherDeviceWrites = async (other: InvitedRelayDevice, words: string): Promise<number> => {
    const before = ackedBy(other)
    other.device.doc.getText('t').insert(0, words)
    await until(() => ackedBy(other) > before)
    return ackedBy(other)
  }

  it('saves where it is with the relay when the page is hidden, not only every few seconds', async () => {
    const registry = fresh.registry
    const created = await createWorkspace(registry, labDetails, asha, 1000)
    await registry.put(withRelay(created))
    const page = fakePage()
    // Saved every ten minutes otherwise: only hiding the page can save it within this test.
    const b = await open(registry, created.id, ashaMember, { relayTiming: { persistMs: 10 * 60_000 }, pageHides: page.pageHides })
    await until(() => b.sync.status().relay.state === 'synced')
    const other = await otherMemberOf(b.live, created)
    const seq = await otherDeviceWrites(other, 'From another device')
    await until(() => b.live.session.doc.getText('t').toString() === 'From another device')
    expect((await storedCursor(registry, created.id))?.after ?? 0).toBeLessThan(seq)

    page.hide()
    // The next open asks the relay only for what came after the other device's change.
    await until(async () => ((await storedCursor(registry, created.id))?.after ?? 0) >= seq)
    await other.destroy()
    await b.live.destroy()
  }, 300_000)

  it('never saves a relay cursor past changes this device could not store, so they arrive again on the next open', async () => {
    const registry = fresh.registry
    const created = await createWorkspace(registry, labDetails, asha, 1000)
    await registry.put(withRelay(created))
    const b = await open(registry, created.id, ashaMember, { relayTiming: { persistMs: 20 } })
    await until(() => b.sync.status().relay.state === 'synced')
    // The other member is invited and joins while this device still stores: only their change is missed.
    const other = await otherMemberOf(b.live, created)
    // Another tab repairs the workspace's database: this one lets go of it and stores nothing more.
    const upgrade = await openDatabase({ name: workspaceDbName(created.id), version: 2, upgrade: () => {} })
    upgrade.close()
    await until(() => b.live.session.persistence.status.status === 'unavailable')

    const seq = await otherDeviceWrites(other, 'Written while this device could not store')
    await until(() => b.live.session.doc.getText('t').toString() === 'Written while this device could not store')
    await b.live.destroy()
    // Closing saves the cursor one last time (without the check, past the change it never stored).
    expect((await storedCursor(registry, created.id))?.after ?? 0).toBeLessThan(seq)

    const again = await open(registry, created.id, ashaMember, { relayTiming: { persistMs: 20 } })
    await until(() => again.live.session.doc.getText('t').toString() === 'Written while this device could not store')
    await other.destroy()
    await again.live.destroy()
  }, 300_000)
})
