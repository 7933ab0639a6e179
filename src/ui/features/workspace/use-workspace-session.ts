import { createSignal, onCleanup, type Accessor } from 'solid-js'
import { WorkspaceIdSchema } from '../../../domain/ids'
import type { Profile } from '../../../domain/profile'
import { recordMember } from '../../../crdt/members'
import { attachAuthorship } from '../../../crdt/authorship'
import { keepDailyVersions } from '../../../crdt/daily-versions'
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
 * Opens the workspace named in the route for as long as the calling component lives, and
 * closes it (flushing first) when the component goes.
 */
export const createWorkspaceSession = (
  rawId: string,
  profile: () => (Profile & { id: string }) | null
): { state: Accessor<SessionState>; storage: Accessor<SessionStorageState | null> } => {
  const app = useApp()
  const [state, setState] = createSignal<SessionState>({ status: 'loading' })
  const [storage, setStorage] = createSignal<SessionStorageState | null>(null)
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
    const untrack = app.trackSession(session)
    const refreshStorage = (): void => {
      setStorage({ persistence: session.persistence.status, writeProblem: session.persistence.writeProblem })
    }
    const unsubscribe = session.persistence.subscribe(refreshStorage)
    refreshStorage()
    cleanup = () => {
      unsubscribe()
      untrack()
      void session.destroy()
    }
    const me = profile()
    const writable = session.persistence.status.status === 'ready' && session.compatibility().status === 'current'
    if (me && writable) {
      recordMember(session.doc, me.id, me, Date.now())
      // Authorship lets history name who changed what; daily versions keep each day's start.
      attachAuthorship(session.doc, me.id)
      const stopDailyVersions = keepDailyVersions(session.doc, () => ({ name: me.name, organisation: me.organisation }))
      const previous = cleanup
      cleanup = () => {
        stopDailyVersions()
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
  return { state, storage }
}
