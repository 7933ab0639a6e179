import type { WorkspaceId } from '../domain/ids'
import { deleteWorkspaceDrafts } from './brainstorm-draft-store'
import { deleteAttachmentStore } from './attachment-store'
import { databasesOnDevice, deleteDatabase } from './idb-request'
import { deleteLocalHistory } from './local-history'
import { deleteSearchIndex } from './search-index-store'
import { forgetMemoryCopies } from './memory-copy'
import type { Registry } from './registry'
import { isArtifactDbOf, workspaceDbName } from './workspace-db-name'

/**
 * The databases of a workspace's artifact documents on this device (docs/artifact-documents.md).
 * Where the browser cannot list its databases (Firefox before 126) none are found: their
 * content is then left behind on the device, unreadable without the workspace's records.
 */
const artifactDatabases = async (id: WorkspaceId): Promise<string[]> => [...((await databasesOnDevice()) ?? [])].filter((name) => isArtifactDbOf(id, name))

/**
 * Deletes a workspace from this device: its databases (the workspace document's and each
 * artifact document's), this device's local history of it and
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
    for (const name of await artifactDatabases(id)) await deleteDatabase(name, onBlocked)
    await deleteLocalHistory(id, onBlocked)
    await deleteWorkspaceDrafts(id)
    await deleteAttachmentStore(id, onBlocked)
    await deleteSearchIndex(id, onBlocked)
  } else forgetMemoryCopies((name) => name === workspaceDbName(id) || isArtifactDbOf(id, name))
  await registry.remove(id)
}
