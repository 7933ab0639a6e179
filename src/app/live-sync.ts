import type { RegistryEntry } from '../domain/registry-entry'
import type { ArtifactDocuments } from '../storage/artifact-documents'
import type { Registry } from '../storage/registry'
import type { WorkspaceSession } from '../storage/workspace-session'
import type { TrustSetup } from '../sync/trust/trust-setup'
import type { WorkspaceSync, WorkspaceSyncOptions } from '../sync/workspace-sync'
import { connectionFor, settingsOf } from './connection-settings'
import { relayArtifactHolds, relayStoredArtifacts } from './relay-artifact-holds'
import type { Member } from './member'

export interface LiveSyncOptions {
  registry: Registry
  session: WorkspaceSession
  entry: RegistryEntry
  me: Member
  /** The page the app was loaded from: the app's own servers are next to it. */
  pageUrl: string
  /** This browser profile's device id, shared by its tabs. */
  deviceId: string
  /** What the platform lacks outside a browser (Node tests): a WebSocket for the relay. */
  platform?: LiveSyncPlatform
  /** Signs this device's changes and checks others' (app/workspace-trust.ts). */
  trust?: TrustSetup
  /** This device's attachment bytes, which connected peers may ask for. */
  attachmentSource?: WorkspaceSyncOptions['attachmentSource']
  /** The workspace's artifact documents on this device: the relay stores entries for those not open through it. */
  artifactDocuments?: ArtifactDocuments
}

/** `relayTiming`: shorter (or longer) relay timings, for tests only. */
export type LiveSyncPlatform = Pick<WorkspaceSyncOptions, 'relaySocket' | 'network' | 'relayTiming'>

/** Keeps what sync reports in the workspace's entry, merged there so fields others keep survive. */
export const keepInRegistry = (registry: Registry, entry: RegistryEntry, fields: Partial<RegistryEntry>): Promise<unknown> =>
  registry.update(entry.id, fields).catch(() => {})

/** Sync's code: loaded with the first workspace opened (the list of workspaces does not need WebRTC). */
const loadSyncCode = () => import('../sync/workspace-sync')

/**
 * Starts fetching sync's code now, while this device's keys and membership open, so that sync
 * starts as soon as they are open instead of then waiting for its code (a joining device's
 * first sync begins that much sooner). Loading twice costs nothing: the browser keeps the module.
 */
export const prepareLiveSync = (): void => void loadSyncCode().catch(() => {})

/**
 * Live sync for an open workspace, with this device's connection settings and what another
 * device last confirmed; what others confirm from now on is kept in the registry. A copy that
 * could only be partly read is left exactly as loaded, so it does not sync (null).
 */
export const startLiveSync = async (options: LiveSyncOptions): Promise<WorkspaceSync | null> => {
  const { registry, session, entry, me } = options
  if (session.persistence.status.status === 'damaged') return null
  const { startWorkspaceSync } = await loadSyncCode()
  return startWorkspaceSync({
    doc: session.doc,
    workspaceId: entry.id,
    secret: entry.secret,
    ...connectionFor(settingsOf(entry), options.pageUrl),
    user: { name: me.name, color: me.colour, organisation: me.organisation, memberId: me.id },
    deviceId: options.deviceId,
    acknowledged: entry.peerAcknowledged ?? null,
    lastSyncedAt: entry.lastPeerSeenAt ?? null,
    relayState: entry.relayState ?? null,
    // The relay cursor is kept only once what it passes is in this workspace's storage.
    whenStored: () => session.persistence.whenStored(),
    ...options.platform,
    trust: options.trust,
    attachmentSource: options.attachmentSource,
    ...(options.artifactDocuments
      ? { holdArtifact: relayArtifactHolds(options.artifactDocuments), storedArtifacts: relayStoredArtifacts(options.artifactDocuments) }
      : {}),
    onAcknowledged: (summary, at) => keepInRegistry(registry, entry, { peerAcknowledged: summary, lastPeerSeenAt: at }),
    onRelayState: (relayState) => keepInRegistry(registry, entry, { relayState })
  })
}
