import type { DocKey } from '../domain/doc-key'
import { ArtifactIdSchema, type ArtifactId, type WorkspaceId } from '../domain/ids'

/** One IndexedDB database per workspace, named so a person can find it in devtools. */
export const workspaceDbName = (id: WorkspaceId): string => `mutual-workspace-${id}`

/** What an artifact document's database name adds to its workspace's (docs/artifact-documents.md). */
const ARTIFACT_DB_INFIX = '-doc-'

/**
 * The database of one of a workspace's documents: the workspace document's is the workspace's
 * own, and each artifact document has one of its own beside it, so that each is read, stored
 * as chunks, compacted and salvaged by itself, as the workspace document is.
 */
export const documentDbName = (id: WorkspaceId, docKey: DocKey): string =>
  docKey === '' ? workspaceDbName(id) : `${workspaceDbName(id)}${ARTIFACT_DB_INFIX}${docKey}`

/** Whether a database is one of this workspace's artifact documents (not the workspace document). */
export const isArtifactDbOf = (id: WorkspaceId, name: string): boolean => name.startsWith(`${workspaceDbName(id)}${ARTIFACT_DB_INFIX}`)

/** The artifact whose document a database of this workspace holds; null for any other database. */
export const artifactOfDb = (id: WorkspaceId, name: string): ArtifactId | null => {
  if (!isArtifactDbOf(id, name)) return null
  const parsed = ArtifactIdSchema.safeParse(name.slice(`${workspaceDbName(id)}${ARTIFACT_DB_INFIX}`.length))
  return parsed.success ? parsed.data : null
}

/** y-indexeddb's object store of a workspace's updates, one Yjs update per row. */
export const UPDATES_STORE = 'updates'
