import { createSignal, onCleanup, type Accessor } from 'solid-js'
import { openLiveWorkspace, type LiveWorkspace } from '../../../app/live-workspace'
import type { LocalHistory } from '../../../app/local-history'
import type { WorkspaceAttachments } from '../../../app/attachments/workspace-attachments'
import type { Member } from '../../../app/member'
import type { WorkspaceTrust } from '../../../app/workspace-trust'
import type { RegistryEntry } from '../../../domain/registry-entry'
import { readDeviceId } from '../../../sync/device-id'
import { nextTask } from '../../../domain/next-task'
import type { WorkspaceSync } from '../../../sync/workspace-sync'
import type { WorkspaceSession } from '../../../storage/workspace-session'
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
 * The workspace named in the route, live (app/live-workspace.ts), for as long as the calling
 * component lives, as Solid signals; closed (flushing first) when the component goes.
 */
export const createWorkspaceSession = (
  rawId: string,
  profile: () => Member | null
): {
  state: Accessor<SessionState>
  storage: Accessor<SessionStorageState | null>
  sync: Accessor<WorkspaceSync | null>
  history: Accessor<LocalHistory | null>
  trust: Accessor<WorkspaceTrust | null>
  attachments: Accessor<WorkspaceAttachments | null>
  /** The registry entry as the workspace works under it now (its key follows a re-key). */
  entry: Accessor<RegistryEntry | null>
} => {
  const app = useApp()
  const [state, setState] = createSignal<SessionState>({ status: 'loading' })
  const [storage, setStorage] = createSignal<SessionStorageState | null>(null)
  const [sync, setSync] = createSignal<WorkspaceSync | null>(null)
  const [live, setLive] = createSignal<LiveWorkspace | null>(null)
  const [trust, setTrust] = createSignal<WorkspaceTrust | null>(null)
  let disposed = false
  let cleanup: (() => void) | null = null

  const adopt = (live: LiveWorkspace): void => {
    const { session } = live
    const untrack = app.trackSession(session)
    const refreshStorage = (): void => {
      setStorage({ persistence: session.persistence.status, writeProblem: session.persistence.writeProblem })
    }
    const unsubscribe = session.persistence.subscribe(refreshStorage)
    refreshStorage()
    void live.sync.then((started) => {
      if (!disposed) setSync(started)
    })
    void live.trust.then((opened) => {
      if (!disposed) setTrust(opened)
    })
    cleanup = () => {
      unsubscribe()
      untrack()
      void live.destroy()
    }
    setLive(live)
    setState({ status: 'open', session })
  }

  openLiveWorkspace({ registry: app.registry, rawId, me: profile(), pageUrl: location.href, deviceId: readDeviceId })
    // The view is built in a task of its own. Opening ends with the last slice of stored rows
    // (storage/sliced-apply.ts); building the overview in that same task made it the longest
    // task of a two-year lab's open, near the 200 ms that issue 15 allows.
    .then(async (live) => {
      await nextTask()
      return live
    })
    .then((live) => {
      if (!live) setState({ status: 'not-found' })
      else if (disposed) void live.destroy()
      else adopt(live)
    })
    .catch((error: unknown) =>
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) })
    )
  onCleanup(() => {
    disposed = true
    cleanup?.()
  })
  return {
    state,
    storage,
    sync,
    trust,
    history: () => live()?.history() ?? null,
    attachments: () => live()?.attachments ?? null,
    entry: () => live()?.entry ?? null
  }
}
