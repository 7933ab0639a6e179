import type { WorkspaceId } from '../domain/ids'

/** One IndexedDB database per workspace, named so a person can find it in devtools. */
export const workspaceDbName = (id: WorkspaceId): string => `mutual-workspace-${id}`

/** y-indexeddb's object store of a workspace's updates, one Yjs update per row. */
export const UPDATES_STORE = 'updates'
