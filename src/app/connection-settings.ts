import type { WorkspaceId } from '../domain/ids'
import {
  DEFAULT_SYNC_SETTINGS,
  appRelayUrl,
  appSignallingUrl,
  effectiveRelayUrls,
  effectiveSignallingUrls,
  type SyncSettings
} from '../domain/sync-settings'
import type { RegistryEntry } from '../domain/registry-entry'
import type { Registry } from '../storage/registry'
import type { ConnectionSettings, WorkspaceSync } from '../sync/workspace-sync'

/** This device's settings for a workspace: the defaults until a person changes them. */
export const settingsOf = (entry: RegistryEntry): SyncSettings => entry.sync ?? DEFAULT_SYNC_SETTINGS

/** The addresses sync uses with these settings, for the app loaded from `pageUrl`. */
export const connectionFor = (settings: SyncSettings, pageUrl: string): ConnectionSettings => ({
  signallingUrls: effectiveSignallingUrls(settings, appSignallingUrl(pageUrl)),
  iceServers: settings.iceServers,
  // An empty list is peer-to-peer only: nothing reaches any relay.
  relayUrls: effectiveRelayUrls(settings, appRelayUrl(pageUrl))
})

/**
 * Keeps new connection settings for one workspace on this device and reconnects its live sync
 * (when it has one) with them. Only the settings are written, so fields others keep in the entry survive.
 */
export const saveConnectionSettings = async (
  registry: Registry,
  id: WorkspaceId,
  settings: SyncSettings,
  sync: WorkspaceSync | null,
  pageUrl: string
): Promise<void> => {
  const stored = await registry.update(id, { sync: settings })
  if (!stored) throw new Error('This workspace is no longer on this device.')
  await sync?.reconfigure(connectionFor(settings, pageUrl))
}
