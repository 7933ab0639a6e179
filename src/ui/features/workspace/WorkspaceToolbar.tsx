import { Suspense, lazy } from 'solid-js'
import type { WorkspaceSession } from '../../../storage/workspace-session'
import type { RegistryEntry } from '../../../domain/registry-entry'
import { createWorkspaceMeta } from '../../../reactive/workspace-projections'
import { InviteButton } from '../invite/InviteButton'
import type { WorkspaceTrust } from '../../../app/workspace-trust'
import { PresenceList } from '../presence/PresenceList'
import { SyncStatusButton } from '../sync-status/SyncPanel'
import { useMemberId } from '../../app-context'
import './workspace-toolbar.css'

// Search (its index reader and worker client) loads after the workspace has opened, keeping it
// out of the first screen's code.
const WorkspaceSearch = lazy(() => import('../search/WorkspaceSearch').then((m) => ({ default: m.WorkspaceSearch })))

/**
 * The strip above a workspace's content: who else is here, the search field, the connection state (with sync
 * details, file sync and connection settings behind it), and the invite button.
 */
export const WorkspaceToolbar = (props: { session: WorkspaceSession; entry: RegistryEntry; readOnly?: boolean; trust?: WorkspaceTrust | null }) => {
  const meta = createWorkspaceMeta(props.session.doc)
  const name = () => meta().name || props.entry.name
  const memberId = useMemberId()
  return (
    <div class="workspace-toolbar">
      <PresenceList doc={props.session.doc} />
      <Suspense>
        <WorkspaceSearch doc={props.session.doc} workspaceId={props.session.id} viewerId={memberId() ?? ''} />
      </Suspense>
      <div class="workspace-toolbar-actions">
        <SyncStatusButton doc={props.session.doc} entry={props.entry} name={name()} readOnly={props.readOnly ?? false} />
        <InviteButton entry={props.entry} name={name()} trust={props.trust ?? null} />
      </div>
    </div>
  )
}
