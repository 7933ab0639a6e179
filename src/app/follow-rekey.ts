import type { RegistryEntry } from '../domain/registry-entry'
import type { EntryId } from '../domain/trust/membership-entry'
import { rekeyWanted, roleOfDevice } from '../domain/trust/membership-state'
import type { Registry } from '../storage/registry'
import type { WorkspaceSync } from '../sync/workspace-sync'
import { unwrapSecret } from '../sync/trust/rekey'
import type { WorkspaceTrust } from './workspace-trust'

export interface FollowRekeysOptions {
  registry: Registry
  entry: RegistryEntry
  trust: WorkspaceTrust
  sync: Promise<WorkspaceSync | null>
  /**
   * This device moved to a new key: its registry entry as it is now. The page works under it
   * from then on (changes files, backups, invitations), or what it makes would be sealed under
   * the old key, which the removed devices still hold.
   */
  moved?: (entry: RegistryEntry) => void
}

/**
 * Moves this device to the workspace's new key when a re-key names it (docs/trust.md, "Removing
 * a member or a lost device"): it unwraps its copy, waits until a relay or another device holds
 * everything it has (the re-key must stay findable in the old rooms for devices that were
 * offline), then reconnects in the rooms of the new key and keeps the key in its registry entry.
 * Nobody re-sends links by hand.
 *
 * An owner whose log is due a re-key (removals written at the same time on two devices) or
 * whose re-key in force left out a device that had joined meanwhile writes one; every device then follows the last re-key in the log's one order, the same everywhere.
 */
export const followRekeys = (options: FollowRekeysOptions): (() => void) => {
  const { registry, entry, trust } = options
  let stopped = false
  let handled: EntryId | null = null
  let rekeyWrittenFor: string | null = null
  let queue: Promise<void> = Promise.resolve()

  const moveTo = async (rekey: EntryId): Promise<void> => {
    const found = trust.membership.view().log.get(rekey)
    if (found?.body.kind !== 'rekey') return
    const secret = await unwrapSecret(entry.id, found.body.wrapped, trust.device.keyId, trust.setup.keys)
    const stored = await registry.get(entry.id)
    if (!secret || stopped || !stored || stored.secret === secret) return
    const sync = await options.sync
    await sync?.whenHeldElsewhere()
    if (stopped) return
    await sync?.rekey(secret)
    // The old room's relay cursor means nothing in the new room.
    const updated = await registry.update(entry.id, { secret, relayState: null })
    if (updated && !stopped) options.moved?.(updated)
  }

  const check = async (): Promise<void> => {
    const { heads, state } = trust.membership.view().current()
    if (stopped || state.removedDevices.has(trust.device.keyId)) return
    const key = heads.join(',')
    if (rekeyWanted(state) && roleOfDevice(state, trust.device.keyId) === 'owner' && rekeyWrittenFor !== key) {
      rekeyWrittenFor = key
      // Writing it changes the log, which runs this again: the new re-key is followed then.
      await trust.rekey()
      return
    }
    // A removed device still holds the key in force: nobody moves until a re-key leaves it out.
    // (A device merely left out of the re-key in force does not hold it back: the others move,
    // and the next re-key brings it along.)
    if (state.rekeyDue) return
    if (state.latestRekey === null || state.latestRekey === handled) return
    handled = state.latestRekey
    await moveTo(state.latestRekey)
  }
  const schedule = (): void => {
    queue = queue.then(check).catch((error: unknown) => console.warn('Mutual could not follow a re-key:', error))
  }
  const unsubscribe = trust.membership.subscribe(schedule)
  void trust.membership.settled().then(schedule)
  return () => {
    stopped = true
    unsubscribe()
  }
}
