import { createContext, createEffect, createSignal, onCleanup, useContext, type Accessor, type JSX } from 'solid-js'
import { INITIAL_SYNC_STATUS, type SyncStatus } from '../../../domain/sync-status'
import type { WorkspaceSync } from '../../../sync/workspace-sync'

/**
 * The open workspace's live sync, for the toolbar, the presence list and the editor's
 * collaboration caret. Null inside the provider when the workspace is not syncing (a copy
 * that could only be partly read stays exactly as loaded, so it does not sync).
 */
const SyncContext = createContext<{ sync: Accessor<WorkspaceSync | null> }>()

export const WorkspaceSyncProvider = (props: {
  sync: WorkspaceSync | null
  /** What this person has open: shared as presence. */
  artifactId: string | null
  children: JSX.Element
}) => {
  createEffect(() => props.sync?.setView({ artifactId: props.artifactId }))
  return <SyncContext.Provider value={{ sync: () => props.sync }}>{props.children}</SyncContext.Provider>
}

export const useWorkspaceSync = (): Accessor<WorkspaceSync | null> => {
  const context = useContext(SyncContext)
  if (!context) throw new Error('useWorkspaceSync must be used inside <WorkspaceSyncProvider>')
  return context.sync
}

/** The sync status as a signal, following the sync object as it changes. */
export const createSyncStatus = (sync: Accessor<WorkspaceSync | null>): Accessor<SyncStatus> => {
  const [status, setStatus] = createSignal<SyncStatus>(INITIAL_SYNC_STATUS)
  createEffect(() => {
    const current = sync()
    if (!current) return
    setStatus(current.status())
    const unsubscribe = current.subscribe(() => setStatus(current.status()))
    onCleanup(unsubscribe)
  })
  return status
}
