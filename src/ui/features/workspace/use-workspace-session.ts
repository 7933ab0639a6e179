import { createSignal, onCleanup, type Accessor } from 'solid-js'
import { WorkspaceIdSchema } from '../../../domain/ids'
import type { Profile } from '../../../domain/profile'
import { recordMember } from '../../../crdt/members'
import { attachAuthorshipLater } from '../../../crdt/authorship'
import { whenIdle } from '../../../domain/when-idle'
import { keepDailyVersions } from '../../../crdt/daily-versions'
import { migrateWorkspace } from '../../../crdt/migrations'
import { hasWorkspaceContent } from '../../../crdt/workspace-doc'
import type { RegistryEntry } from '../../../domain/registry-entry'
import { DEFAULT_SYNC_SETTINGS, appSignallingUrl, effectiveSignallingUrls } from '../../../domain/sync-settings'
import type { Registry } from '../../../storage/registry'
import { readDeviceId } from '../../../sync/device-id'
import type { WorkspaceSync } from '../../../sync/workspace-sync'
import { openWorkspaceSession, type WorkspaceSession } from '../../../storage/workspace-session'
import type { PersistenceStatus } from '../../../storage/workspace-persistence'
import type { StorageProblem } from '../../../storage/storage-problem'
import { useApp } from '../../app-context'

export type SessionState =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'error'; message: string }
  | { status: 'open'; session: WorkspaceSession }

export interface SessionStorageState {
  persistence: PersistenceStatus
  writeProblem: StorageProblem | null
}

/**
 * Live sync for an open workspace, with this device's connection settings and what another
 * device last confirmed. A copy that could only be partly read is left exactly as loaded, so
 * it does not sync.
 */
const startSync = async (
  registry: Registry,
  session: WorkspaceSession,
  entry: RegistryEntry,
  me: (Profile & { id: string }) | null
): Promise<WorkspaceSync | null> => {
  if (!me || session.persistence.status.status === 'damaged') return null
  const settings = entry.sync ?? DEFAULT_SYNC_SETTINGS
  // Loaded with the first workspace opened: the list of workspaces does not need WebRTC.
  const { startWorkspaceSync } = await import('../../../sync/workspace-sync')
  return startWorkspaceSync({
    doc: session.doc,
    workspaceId: entry.id,
    secret: entry.secret,
    signallingUrls: effectiveSignallingUrls(settings, appSignallingUrl(location.href)),
    iceServers: settings.iceServers,
    user: { name: me.name, color: me.colour, organisation: me.organisation, memberId: me.id },
    deviceId: readDeviceId(),
    acknowledged: entry.peerAcknowledged ?? null,
    lastSyncedAt: entry.lastPeerSeenAt ?? null,
    onAcknowledged: (summary, at) => {
      // Re-read so fields others keep in the entry survive.
      void registry
        .get(entry.id)
        .then((stored) => stored && registry.put({ ...stored, peerAcknowledged: summary, lastPeerSeenAt: at }))
        .catch(() => {})
    }
  })
}

/**
 * Opens the workspace named in the route for as long as the calling component lives, with
 * live sync, and closes both (flushing first) when the component goes.
 */
export const createWorkspaceSession = (
  rawId: string,
  profile: () => (Profile & { id: string }) | null
): {
  state: Accessor<SessionState>
  storage: Accessor<SessionStorageState | null>
  sync: Accessor<WorkspaceSync | null>
} => {
  const app = useApp()
  const [state, setState] = createSignal<SessionState>({ status: 'loading' })
  const [storage, setStorage] = createSignal<SessionStorageState | null>(null)
  const [sync, setSync] = createSignal<WorkspaceSync | null>(null)
  let disposed = false
  let cleanup: (() => void) | null = null

  const open = async (): Promise<void> => {
    const id = WorkspaceIdSchema.safeParse(rawId)
    const entry = id.success ? await app.registry.get(id.data) : null
    if (!entry) {
      setState({ status: 'not-found' })
      return
    }
    const session = await openWorkspaceSession(app.registry, entry)
    if (disposed) {
      await session.destroy()
      return
    }
    const me = profile()
    const untrack = app.trackSession(session)
    const refreshStorage = (): void => {
      setStorage({ persistence: session.persistence.status, writeProblem: session.persistence.writeProblem })
    }
    const unsubscribe = session.persistence.subscribe(refreshStorage)
    refreshStorage()
    // Sync starts beside the view rather than before it: opening never waits for the network code.
    const live = startSync(app.registry, session, entry, me).catch(() => null)
    void live.then((started) => {
      if (!disposed) setSync(started)
    })
    cleanup = () => {
      unsubscribe()
      untrack()
      // Sync lets go of the doc before it is destroyed.
      void live
        .then((started) => started?.destroy())
        .finally(() => session.destroy())
    }
    const startWriting = (): void => {
      if (!me) return
      recordMember(session.doc, me.id, me, Date.now())
      // Authorship lets history name who changed what; daily versions keep each day's start.
      // Decoding the authorship records costs tens of ms in a big workspace: when idle.
      const stopAuthorship = attachAuthorshipLater(session.doc, me.id, (attach) => whenIdle(attach, 3000))
      const stopDailyVersions = keepDailyVersions(session.doc, () => ({ name: me.name, organisation: me.organisation }))
      const previous = cleanup
      cleanup = () => {
        stopAuthorship()
        stopDailyVersions()
        previous?.()
      }
    }
    const ready = session.persistence.status.status === 'ready'
    if (ready && session.compatibility().status === 'current') startWriting()
    else if (me && ready && session.compatibility().status === 'empty') {
      // Joined by invitation: nothing may be written until the workspace itself has arrived.
      const onArrival = (): void => {
        if (!hasWorkspaceContent(session.doc)) return
        session.doc.off('update', onArrival)
        queueMicrotask(() => {
          if (disposed) return
          migrateWorkspace(session.doc)
          if (session.compatibility().status === 'current') startWriting()
          // The list of workspaces shows the name from now on, not "Untitled".
          session.flush()
        })
      }
      session.doc.on('update', onArrival)
      const previous = cleanup
      cleanup = () => {
        session.doc.off('update', onArrival)
        previous?.()
      }
    }
    setState({ status: 'open', session })
  }

  open().catch((error: unknown) =>
    setState({ status: 'error', message: error instanceof Error ? error.message : String(error) })
  )
  onCleanup(() => {
    disposed = true
    cleanup?.()
  })
  return { state, storage, sync }
}
