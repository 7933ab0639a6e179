import { z } from 'zod'
import { WorkspaceIdSchema, WorkspaceSecretSchema } from './ids'

/** What this device remembers about a workspace without opening its document. */
export const RegistryEntrySchema = z.object({
  id: WorkspaceIdSchema,
  secret: WorkspaceSecretSchema,
  name: z.string(),
  createdAt: z.number(),
  lastOpenedAt: z.number(),
  lastEditedAt: z.number(),
  /** When a backup of this workspace was last downloaded on this device. */
  lastBackupAt: z.number().nullable().optional(),
  /** When this device last had another member's device connected (sync). */
  lastPeerSeenAt: z.number().nullable().optional()
})
export type RegistryEntry = z.infer<typeof RegistryEntrySchema>
