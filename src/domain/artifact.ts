import { z } from 'zod'
import { ArtifactIdSchema } from './ids'

/** The kinds of artifact a workspace holds; each feature plugs in one kind. */
export const ARTIFACT_KINDS = ['note', 'report', 'partner-map', 'board', 'lab-plan'] as const
export const ArtifactKindSchema = z.enum(ARTIFACT_KINDS)
export type ArtifactKind = z.infer<typeof ArtifactKindSchema>

/** Who did something: the display name and organisation at the time, kept with the record. */
export const ActorSchema = z.object({
  name: z.string(),
  organisation: z.string()
})
export type Actor = z.infer<typeof ActorSchema>

/**
 * An artifact's summary fields, as read back from the document. Rich text (the body) lives
 * beside these in the CRDT and is never part of this plain record.
 */
export const ArtifactSummarySchema = z.object({
  id: ArtifactIdSchema,
  kind: ArtifactKindSchema,
  title: z.string(),
  createdBy: ActorSchema,
  createdAt: z.number(),
  updatedBy: ActorSchema,
  updatedAt: z.number(),
  tags: z.array(z.string()),
  deletedAt: z.number().nullable()
})
export type ArtifactSummary = z.infer<typeof ArtifactSummarySchema>

export const ARTIFACT_KIND_LABELS: Record<ArtifactKind, { one: string; many: string }> = {
  note: { one: 'Note', many: 'Notes' },
  report: { one: 'Report', many: 'Reports' },
  'partner-map': { one: 'Partner map', many: 'Partner maps' },
  board: { one: 'Board', many: 'Boards' },
  'lab-plan': { one: 'Lab plan', many: 'Lab plans' }
}
