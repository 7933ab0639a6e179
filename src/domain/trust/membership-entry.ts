import { z } from 'zod'
import { RoleSchema } from './roles'

/**
 * One entry of a workspace's membership log (docs/trust.md, "The membership log"), as it reads
 * once its signatures have been checked (sync/trust/membership-codec.ts). Every field arrives
 * from other devices, so the body is parsed with these schemas, within their bounds.
 */

/** base64url of 32 bytes: a device's Ed25519 public key, or an entry's SHA-256 id. */
const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/
export const DeviceKeyIdSchema = z.string().regex(KEY_PATTERN).brand<'DeviceKeyId'>()
export type DeviceKeyId = z.infer<typeof DeviceKeyIdSchema>
export const EntryIdSchema = z.string().regex(KEY_PATTERN).brand<'EntryId'>()
export type EntryId = z.infer<typeof EntryIdSchema>
/** A raw 32-byte X25519 public key, base64url. */
export const WrapKeySchema = z.string().regex(KEY_PATTERN)

/** Member ids are profile ids; board ids are artifact ids. Both short, plain text. */
const MemberIdSchema = z.string().min(1).max(64)
const BoardIdSchema = z.string().regex(/^[0-9a-f]{32}$/)

/** An entry names at most this many parents: the heads its author had. */
export const MAX_PARENTS = 16
/** A re-key wraps the new key for at most this many devices. */
export const MAX_REKEY_DEVICES = 500

export const EntryBodySchema = z.discriminatedUnion('kind', [
  /** A founding owner: the creator, or the first device to open an older workspace. */
  z.object({ kind: z.literal('claim'), memberId: MemberIdSchema, wrapKey: WrapKeySchema }),
  /** An invitation naming a role; the link holds the private half of `inviteKey`. */
  z.object({ kind: z.literal('invite'), inviteKey: DeviceKeyIdSchema, role: RoleSchema }),
  /**
   * A new member's device, accepted through an invitation. Written by the joining device; the
   * codec has checked that the invitation key signed it too.
   */
  z.object({ kind: z.literal('join'), invite: EntryIdSchema, inviteKey: DeviceKeyIdSchema, memberId: MemberIdSchema, wrapKey: WrapKeySchema }),
  /** Another device of the author's own member. */
  z.object({ kind: z.literal('add-device'), device: DeviceKeyIdSchema, wrapKey: WrapKeySchema }),
  z.object({ kind: z.literal('set-role'), memberId: MemberIdSchema, role: RoleSchema }),
  /** A whole member, or (with `device`) one of their devices, such as a lost laptop. */
  z.object({ kind: z.literal('remove'), memberId: MemberIdSchema, device: DeviceKeyIdSchema.optional() }),
  z.object({ kind: z.literal('revoke-invite'), invite: EntryIdSchema }),
  /** Facilitator rights on one board. */
  z.object({ kind: z.literal('facilitate'), boardId: BoardIdSchema, memberId: MemberIdSchema, on: z.boolean() }),
  /** The new workspace key after a removal, wrapped for each remaining device (base64url). */
  z.object({
    kind: z.literal('rekey'),
    wrapped: z.record(DeviceKeyIdSchema, z.string().max(512)).refine((map) => Object.keys(map).length <= MAX_REKEY_DEVICES)
  })
])
export type EntryBody = z.infer<typeof EntryBodySchema>

export interface MembershipEntry {
  id: EntryId
  /** The device that signed it. */
  author: DeviceKeyId
  /** The entries its author had (the heads of the log when it was written). */
  parents: readonly EntryId[]
  body: EntryBody
}

/**
 * Which founding claims count. New workspaces: the creator's claim, named in every invitation.
 * Workspaces made before trust existed: any claim without parents (anyone with the link could
 * already change everything; owners see every owner and remove the ones they do not know).
 */
export type TrustAnchor = { kind: 'claims'; ids: readonly EntryId[] } | { kind: 'legacy' }
