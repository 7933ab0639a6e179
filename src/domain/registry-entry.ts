import { z } from 'zod'
import { WorkspaceIdSchema, WorkspaceSecretSchema } from './ids'
import { StoredRelayStateSchema } from './relay-state'
import { SyncSettingsSchema } from './sync-settings'
import { InviteTrustSchema } from './trust/invite-trust'

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
  relayState: StoredRelayStateSchema.nullable().optional(),
  /**
   * Which founding claims count in this workspace's membership (docs/trust.md, "Founding and
   * migration"). Absent: a workspace made before trust, or not yet founded on this device.
   */
  trustAnchor: InviteTrustSchema.shape.anchor.optional(),
  /**
   * What this device still has to write when it next opens the workspace: its founding claim
   * (it made the workspace) or its join (through an invitation naming a role).
   */
  trustPending: z.discriminatedUnion('kind', [z.object({ kind: z.literal('found') }), z.object({ kind: z.literal('join'), invite: InviteTrustSchema })]).optional()
})
export type RegistryEntry = z.infer<typeof RegistryEntrySchema>
