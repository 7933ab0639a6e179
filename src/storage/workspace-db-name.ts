import type { WorkspaceId } from '../domain/ids'

/** One IndexedDB database per workspace, named so a person can find it in devtools. */
export const workspaceDbName = (id: WorkspaceId): string => `mutual-workspace-${id}`
