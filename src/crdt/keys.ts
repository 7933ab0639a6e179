/**
 * Root keys of the workspace Y.Doc. Changing one is a schema change: add a migration.
 * Every top-level type is a Y.Map so that peers that create it concurrently merge.
 */
export const ROOT = {
  meta: 'meta',
  artifacts: 'artifacts',
  members: 'members',
  /** Named and automatic versions, kept in the doc so they sync (crdt/version-chain.ts). */
  versions: 'versions',
  /** Y.PermanentUserData: which Yjs client ids (and deletions) belong to which member. */
  users: 'users',
  /**
   * Format changes older builds cannot read, recorded by the version that made them: key
   * `v<N>`, value what changed (schema-version.ts). This build writes `v2` with its first
   * compact version record.
   */
  formats: 'formats'
} as const

/** Fields of the `meta` map. */
export const META = {
  schemaVersion: 'schemaVersion',
  name: 'name',
  description: 'description',
  leadCouncil: 'leadCouncil',
  partnerCouncils: 'partnerCouncils',
  startDate: 'startDate',
  createdAt: 'createdAt',
  createdBy: 'createdBy'
} as const

/** Fields of each artifact's map inside `artifacts`. */
export const ARTIFACT = {
  kind: 'kind',
  title: 'title',
  createdBy: 'createdBy',
  createdAt: 'createdAt',
  updatedBy: 'updatedBy',
  updatedAt: 'updatedAt',
  tags: 'tags',
  deletedAt: 'deletedAt',
  body: 'body'
} as const
