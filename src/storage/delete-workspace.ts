import type { WorkspaceId } from '../domain/ids'
import { deleteWorkspaceDrafts } from './brainstorm-draft-store'
import { deleteAttachmentStore } from './attachment-store'
import { deleteDatabase } from './idb-request'
import { deleteLocalHistory } from './local-history'
import { deleteSearchIndex } from './search-index-store'
import { forgetMemoryCopy } from './memory-copy'
import type { Registry } from './registry'
import { workspaceDbName } from './workspace-db-name'

/**
 * Deletes a workspace from this device: its database, this device's local history of it and
 * its unrevealed brainstorm notes, attachments and kept search index first, then its registry entry, so a failure
 * part-way leaves the workspace listed (and
 * openable) rather than invisible.
 */
export const deleteWorkspaceFromDevice = async (
  registry: Registry,
  id: WorkspaceId,
  onBlocked?: () => void
): Promise<void> => {
  if (registry.kind === 'indexeddb') {
    await deleteDatabase(workspaceDbName(id), onBlocked)
    await deleteLocalHistory(id, onBlocked)
    await deleteWorkspaceDrafts(id)
    await deleteAttachmentStore(id, onBlocked)
    await deleteSearchIndex(id, onBlocked)
  } else forgetMemoryCopy(workspaceDbName(id))
  await registry.remove(id)
}
