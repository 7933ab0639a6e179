import { z } from 'zod'
import { fromBase64Url, toBase64Url } from '../base64url'
import { DeviceKeyIdSchema, EntryIdSchema, MAX_PARENTS } from './membership-entry'
import { RoleSchema } from './roles'

/**
 * The invitation's signed entry, base64url: at most 16 parents and a small body (about 900
 * characters at most in practice), with room to spare.
 */
const MAX_ENTRY_CHARS = 1_600

/**
 * What an invitation link carries for trust (docs/trust.md): the role it gives, the
 * invitation's entry in the membership log and its key pair (the joining device signs its
 * `join` with it, which is how the others know the link was really handed out), and the
 * workspace's trust anchor. Only in the link's fragment, like the workspace secret.
 */
export const InviteTrustSchema = z.object({
  role: RoleSchema,
  invite: EntryIdSchema,
  /**
   * The invitation's entry itself (its signed bytes, base64url), so the joining device can
   * write its join at once even when the entry has not reached any relay or peer yet (its
   * maker closed the laptop straight after copying the link). Absent from older links: the
   * device then waits for the entry to arrive with the workspace. Checked like any entry.
   */
  entry: z.string().regex(/^[A-Za-z0-9_-]+$/).max(MAX_ENTRY_CHARS).optional(),
  /** The invitation key's public half (Ed25519, raw, base64url) and private seed (JWK `d`). */
  x: DeviceKeyIdSchema,
  d: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  anchor: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('claims'), ids: z.array(EntryIdSchema).min(1).max(MAX_PARENTS) }),
    z.object({ kind: z.literal('legacy') })
  ])
})
export type InviteTrust = z.infer<typeof InviteTrustSchema>

/** The link part is small: a role, three keys, at most 16 anchor ids and the invitation's entry. */
const MAX_PART_LENGTH = 4_096

export const encodeInviteTrust = (trust: InviteTrust): string => toBase64Url(new TextEncoder().encode(JSON.stringify(trust)))

/** Null when the part does not decode to a valid trust part (the link was altered). */
export const decodeInviteTrust = (part: string): InviteTrust | null => {
  if (part.length > MAX_PART_LENGTH) return null
  const bytes = fromBase64Url(part)
  if (!bytes) return null
  try {
    const parsed = InviteTrustSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
