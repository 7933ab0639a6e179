import { fromBase64Url, toBase64Url } from '../../domain/base64url'
import type { WorkspaceId } from '../../domain/ids'
import type { DeviceKeyId } from '../../domain/trust/membership-entry'
import type { RefusalReason } from '../../domain/trust/change-decision'
import { signedBy } from './change-signing'
import { SIGNING_ALGORITHM } from './device-keys'
import { REFUSAL_REASONS } from './refusal-notice'
import { inContext } from './signing-context'

/**
 * A notice, left in the relay's room, that a device refused a signed entry (docs/trust.md,
 * "Telling the signer of a refused relay entry"). The relay cannot answer one device, so the
 * refusing device appends this for the whole room; only the device it names reacts.
 *
 * ```
 * byte 0        notice version (1)
 * byte 1        reason (refusal-notice.ts codes): 1 not a member · 2 not allowed
 * bytes 2–17    the refused entry's relay sender id (16 bytes)
 * bytes 18–21   its relay counter u32
 * bytes 22–53   the refused entry's signer (Ed25519 public key): the device told
 * bytes 54–85   the refusing device (Ed25519 public key)
 * bytes 86–149  signature by the refusing device over RELAY_REFUSAL_LABEL · workspace id · bytes 0–85
 * ```
 * Only refusals of entries whose signature checked out are sent (the signer is then known);
 * the other reasons never travel this way. Its own label keeps it from passing for a WebRTC
 * refusal (signed-refusal.ts) or a change, and the workspace id from another workspace.
 */
const RELAY_REFUSAL_LABEL = new TextEncoder().encode('mutual/v1/relay-refusal\n')
const VERSION = 1
const SENDER = 16
const KEY = 32
const SIGNED = 2 + SENDER + 4 + KEY + KEY
export const RELAY_REFUSAL_BYTES = SIGNED + 64

/** What a refusal of a relay entry can say: the signer was checked, so only the rules' verdicts. */
export type RelayRefusalReason = Extract<RefusalReason, 'not-a-member' | 'not-allowed'>
const REASONS: readonly RelayRefusalReason[] = ['not-a-member', 'not-allowed']

export interface RelayRefusal {
  reason: RelayRefusalReason
  /** The refused entry, as the relay's envelope names it (32 hex characters, and its counter). */
  sender: string
  counter: number
  /** The device whose signed entry it was. */
  author: DeviceKeyId
  refusedBy: DeviceKeyId
}

export const isRelayRefusalReason = (reason: string): reason is RelayRefusalReason => (REASONS as readonly string[]).includes(reason)

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')

export const signRelayRefusal = async (workspaceId: WorkspaceId, signingKey: CryptoKey, refusal: RelayRefusal): Promise<Uint8Array> => {
  if (!/^[0-9a-f]{32}$/.test(refusal.sender)) throw new RangeError('A sender id is 32 lowercase hex characters')
  if (!Number.isInteger(refusal.counter) || refusal.counter < 1 || refusal.counter > 0xffffffff) throw new RangeError('A counter is a u32 from 1')
  const out = new Uint8Array(RELAY_REFUSAL_BYTES)
  out[0] = VERSION
  out[1] = REFUSAL_REASONS.indexOf(refusal.reason) + 1
  out.set(Uint8Array.from(refusal.sender.match(/../g) as string[], (pair) => parseInt(pair, 16)), 2)
  new DataView(out.buffer).setUint32(2 + SENDER, refusal.counter)
  out.set(fromBase64Url(refusal.author) as Uint8Array, 2 + SENDER + 4)
  out.set(fromBase64Url(refusal.refusedBy) as Uint8Array, 2 + SENDER + 4 + KEY)
  const signature = await crypto.subtle.sign(SIGNING_ALGORITHM, signingKey, inContext(RELAY_REFUSAL_LABEL, workspaceId, out.subarray(0, SIGNED)) as BufferSource)
  out.set(new Uint8Array(signature), SIGNED)
  return out
}

/** A notice whose layout and signature check out (who signed it is for the caller to judge); null for anything else. */
export const verifyRelayRefusal = async (workspaceId: WorkspaceId, bytes: unknown): Promise<RelayRefusal | null> => {
  if (!(bytes instanceof Uint8Array) || bytes.length !== RELAY_REFUSAL_BYTES || bytes[0] !== VERSION) return null
  const reason = REFUSAL_REASONS[(bytes[1] as number) - 1]
  if (!reason || !isRelayRefusalReason(reason)) return null
  const counter = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(2 + SENDER)
  if (counter === 0) return null
  const refusedBy = toBase64Url(bytes.subarray(2 + SENDER + 4 + KEY, SIGNED)) as DeviceKeyId
  const data = inContext(RELAY_REFUSAL_LABEL, workspaceId, bytes.subarray(0, SIGNED))
  if (!(await signedBy(refusedBy, bytes.subarray(SIGNED), data))) return null
  return {
    reason,
    sender: hex(bytes.subarray(2, 2 + SENDER)),
    counter,
    author: toBase64Url(bytes.subarray(2 + SENDER + 4, 2 + SENDER + 4 + KEY)) as DeviceKeyId,
    refusedBy
  }
}
