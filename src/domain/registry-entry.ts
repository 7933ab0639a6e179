import { z } from 'zod'
import { WorkspaceIdSchema, WorkspaceSecretSchema } from './ids'
import { StoredRelayStateSchema } from './relay-state'
import { SyncSettingsSchema } from './sync-settings'

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
  lastPeerSeenAt: z.number().nullable().optional(),
  /** How this device reaches the other members (signalling and ICE servers); defaults when absent. */
  sync: SyncSettingsSchema.optional(),
  /** The state of this workspace another device last confirmed holding (see sync/state-summary.ts). */
  peerAcknowledged: z.object({ sv: z.string().max(1_000_000), deleted: z.number().int().nonnegative() }).nullable().optional(),
  /** Where this device is with each relay (domain/relay-state.ts), so a reload resumes there. */
  relayState: StoredRelayStateSchema.nullable().optional()
})
export type RegistryEntry = z.infer<typeof RegistryEntrySchema>
