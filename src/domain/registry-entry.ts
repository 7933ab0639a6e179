import { z } from 'zod'
import { WorkspaceIdSchema, WorkspaceSecretSchema } from './ids'

/** What this device remembers about a workspace without opening its document. */
export const RegistryEntrySchema = z.object({
  id: WorkspaceIdSchema,
  secret: WorkspaceSecretSchema,
  name: z.string(),
  createdAt: z.number(),
  lastOpenedAt: z.number(),
  lastEditedAt: z.number()
})
export type RegistryEntry = z.infer<typeof RegistryEntrySchema>
