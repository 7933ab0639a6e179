import { z } from 'zod'
import { ArtifactIdSchema, type ArtifactId } from './ids'

/**
 * Which of a workspace's documents something belongs to (docs/artifact-documents.md): `''` is
 * the workspace document (meta, members, the artifacts' records, versions), and an artifact's
 * id is that artifact's own document (its content). The relay's envelopes carry the same key
 * (docs/relay-protocol.md).
 */
export type DocKey = '' | ArtifactId

export const WORKSPACE_DOC_KEY = '' as const

export const DocKeySchema: z.ZodType<DocKey> = z.union([z.literal(WORKSPACE_DOC_KEY), ArtifactIdSchema])

export const isArtifactDocKey = (key: DocKey): key is ArtifactId => key !== WORKSPACE_DOC_KEY
