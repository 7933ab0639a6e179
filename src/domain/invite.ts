import { z } from 'zod'
import { fromBase64Url, toBase64Url } from './base64url'
import { WorkspaceIdSchema, WorkspaceSecretSchema, type WorkspaceId, type WorkspaceSecret } from './ids'
import { MAX_RELAY_URLS, MAX_SIGNALLING_URLS, RelayUrlSchema, SignallingUrlSchema } from './sync-settings'
import { decodeInviteTrust, encodeInviteTrust, type InviteTrust } from './trust/invite-trust'

/**
 * An invitation: everything another device needs to join a workspace. It travels only in a
 * link's fragment (`#/join/...`), which browsers never send to any server.
 *
 * Fragment payload: `<workspace id>.<secret>[.<signalling urls>[.<relay urls>[.<trust>]]].<check>`
 * - signalling urls: base64url of a JSON array of ws(s):// addresses (left out when there are
 *   neither signalling servers nor relays nor trust; empty when a later part follows);
 * - relay urls: the same for relays (left out when none and no trust part follows, empty
 *   when one does). Links made before relays existed have no such part, and still open;
 * - trust: the role the invitation gives, its key and the workspace's trust anchor
 *   (domain/trust/invite-trust.ts). Links made before roles existed have none;
 * - check: base64url of the first 9 bytes of SHA-256 over the rest, so a link that was cut
 *   short or altered on the way is caught before anything is created.
 */
export interface Invite {
  workspaceId: WorkspaceId
  secret: WorkspaceSecret
  signallingUrls: string[]
  /** Relays besides the app's own, so a new device finds the work without anyone online. */
  relayUrls: string[]
  /** The role this invitation gives and what the joining device needs to prove it (docs/trust.md). */
  trust?: InviteTrust
}

export const INVITE_CHECK_BYTES = 9
/** base64url length of the check. */
export const INVITE_CHECK_LENGTH = 12
/** Domain separation: the check can never be mistaken for any other hash Mutual makes. */
export const INVITE_CHECK_PREFIX = 'mutual:invite-check:v1\n'

const SignallingListSchema = z.array(SignallingUrlSchema).max(MAX_SIGNALLING_URLS)
const RelayListSchema = z.array(RelayUrlSchema).max(MAX_RELAY_URLS)

export type InviteProblem = 'incomplete' | 'altered' | 'not-an-invite'

/** The parts of a payload, checked for shape but not yet for the check value. */
export type SplitInvite =
  | { ok: true; invite: Invite; signed: string; check: string }
  | { ok: false; problem: InviteProblem }

const encodeList = (urls: readonly string[]): string => toBase64Url(new TextEncoder().encode(JSON.stringify(urls)))

/** The part of the payload the check covers: everything before the check itself. */
export const signedInvitePart = (invite: Invite): string => {
  const trust = invite.trust ? [encodeInviteTrust(invite.trust)] : []
  const relays = invite.relayUrls.length > 0 ? [encodeList(invite.relayUrls)] : trust.length > 0 ? [''] : []
  const signalling = invite.signallingUrls.length > 0 ? [encodeList(invite.signallingUrls)] : relays.length > 0 ? [''] : []
  return [invite.workspaceId, invite.secret, ...signalling, ...relays, ...trust].join('.')
}

/**
 * One address list from a link: null when it does not decode or is not a valid list (altered).
 * An empty part is an empty list; an encoded list is never empty.
 */
const decodeList = <T>(part: string, schema: z.ZodType<T[]>, mayBeEmpty: boolean): T[] | null => {
  if (part === '') return mayBeEmpty ? [] : null
  const bytes = fromBase64Url(part)
  if (!bytes) return null
  let list: unknown
  try {
    list = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return null
  }
  const parsed = schema.safeParse(list)
  return parsed.success && parsed.data.length > 0 ? parsed.data : null
}

/**
 * Splits and validates a payload from a URL. Anything short of the full shape is `incomplete`
 * (links are most often damaged by being cut off); a right-length part with wrong characters,
 * or a signalling list that does not decode, is `altered`.
 */
export const splitInvitePayload = (payload: string): SplitInvite => {
  let text: string
  try {
    text = decodeURIComponent(payload).trim()
  } catch {
    return { ok: false, problem: 'altered' }
  }
  if (text === '') return { ok: false, problem: 'not-an-invite' }
  const parts = text.split('.')
  const [idPart, secretPart] = parts
  if (parts.length < 3 || parts.length > 6 || !idPart || !secretPart) {
    return { ok: false, problem: idPart && /^[0-9a-f]{1,32}$/.test(idPart) ? 'incomplete' : 'not-an-invite' }
  }
  const id = WorkspaceIdSchema.safeParse(idPart)
  const secret = WorkspaceSecretSchema.safeParse(secretPart)
  const check = parts[parts.length - 1] ?? ''
  if (!id.success) return { ok: false, problem: idPart.length < 32 ? 'incomplete' : 'altered' }
  if (!secret.success) return { ok: false, problem: secretPart.length < 43 ? 'incomplete' : 'altered' }
  if (check.length < INVITE_CHECK_LENGTH) return { ok: false, problem: 'incomplete' }
  if (check.length !== INVITE_CHECK_LENGTH || !fromBase64Url(check)) return { ok: false, problem: 'altered' }
  // An empty signalling part is only written before a relay part, an empty relay part only
  // before a trust part.
  const signallingUrls = parts.length >= 4 ? decodeList(parts[2] ?? '', SignallingListSchema, parts.length >= 5) : []
  const relayUrls = parts.length >= 5 ? decodeList(parts[3] ?? '', RelayListSchema, parts.length === 6) : []
  const trust = parts.length === 6 ? decodeInviteTrust(parts[4] ?? '') : undefined
  if (!signallingUrls || !relayUrls || trust === null) return { ok: false, problem: 'altered' }
  const invite: Invite = { workspaceId: id.data, secret: secret.data, signallingUrls, relayUrls, ...(trust ? { trust } : {}) }
  // Re-encode rather than trust the received bytes, so the check covers the canonical form.
  return { ok: true, invite, signed: signedInvitePart(invite), check }
}
