import { z } from 'zod'

/** What a workspace held at a checkpoint, for its line in "Restore the workspace as it was at …". */
export const CheckpointHoldsSchema = z.object({
  artifacts: z.number().int().min(0),
  binned: z.number().int().min(0),
  versions: z.number().int().min(0)
})
export type CheckpointHolds = z.infer<typeof CheckpointHoldsSchema>

/**
 * Why a device took a checkpoint of its own copy:
 * - `open`: the workspace was opened;
 * - `activity`: regularly, while changes come in or are made;
 * - `version`: a copy of a version's snapshot, kept here even if the version is removed later;
 * - `before-deletions`: the workspace just before a run of deletions (see deletion-burst.ts).
 */
export const CheckpointReasonSchema = z.enum(['open', 'activity', 'version', 'before-deletions'])
export type CheckpointReason = z.infer<typeof CheckpointReasonSchema>

/** A destructive run of deletions from one member, as the overview flags it. */
export const DeletionBurstSchema = z.object({
  /** Who did it, as their device recorded it in the workspace; null when nobody is recorded. */
  by: z.string().max(200).nullable(),
  artifactsRemoved: z.number().int().min(0),
  versionsRemoved: z.number().int().min(0),
  startedAt: z.number(),
  lastAt: z.number()
})
export type DeletionBurst = z.infer<typeof DeletionBurstSchema>

export const MAX_CHECKPOINT_LABEL = 200
export const MAX_STORED_SNAPSHOT_BYTES = 4 * 1024 * 1024

/** A stored checkpoint record; read back from IndexedDB as `unknown` and checked with this. */
export const StoredCheckpointSchema = z.object({
  id: z.number().int().min(1),
  at: z.number(),
  reason: CheckpointReasonSchema,
  label: z.string().max(MAX_CHECKPOINT_LABEL).nullable(),
  holds: CheckpointHoldsSchema.nullable(),
  /** For `before-deletions`: the run of deletions it is from. */
  burst: DeletionBurstSchema.nullable(),
  /** For `version`: the version's id, so one version is copied once. */
  versionId: z.string().max(100).nullable(),
  snapshot: z.custom<Uint8Array>((b) => b instanceof Uint8Array && b.length <= MAX_STORED_SNAPSHOT_BYTES)
})
export type StoredCheckpoint = z.infer<typeof StoredCheckpointSchema>
export type NewCheckpoint = Omit<StoredCheckpoint, 'id'>

/** Bytes a checkpoint takes, near enough for the byte cap and "Storage on this device". */
export const checkpointBytes = (c: Pick<StoredCheckpoint, 'snapshot' | 'label'>): number => c.snapshot.length + (c.label?.length ?? 0) * 2 + 200
