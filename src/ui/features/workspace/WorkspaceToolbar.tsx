import type { WorkspaceSession } from '../../../storage/workspace-session'
import type { RegistryEntry } from '../../../domain/registry-entry'

/**
 * The strip above a workspace's content: where sync shows presence, the connection state
 * and the invite button. Empty until sync is wired in.
 */
export const WorkspaceToolbar = (_props: { session: WorkspaceSession; entry: RegistryEntry }) => (
  <div class="workspace-toolbar" />
)
