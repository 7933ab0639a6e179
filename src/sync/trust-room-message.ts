import * as Y from 'yjs'
import { decodeSignedChange, MAX_SIGNED_STATE_BYTES, MAX_SIGNED_UPDATE_BYTES } from './trust/signed-change'
import { SIGNED_REFUSAL_BYTES } from './trust/signed-refusal'

/**
 * Signed changes inside a y-webrtc room (docs/trust.md, "Signed changes"). y-webrtc's own
 * messages start with its type (0 sync, 1 awareness, 3 query, 4 tab peer id); these use a type
 * of their own, which y-webrtc never sees (y-webrtc-hardening.ts hands them to the trust
 * channel instead):
 *
 * ```
 * byte 0   TRUST_MESSAGE (77)
 * byte 1   1 a change · 2 a state (what a device sends a peer that lacks it) · 3 a refusal
 * then     the signed change (trust/signed-change.ts) or the signed refusal (trust/signed-refusal.ts)
 * ```
 */
export const TRUST_MESSAGE = 77
export type TrustMessageKind = 'trust-change' | 'trust-state' | 'trust-refusal'
const KINDS: readonly TrustMessageKind[] = ['trust-change', 'trust-state', 'trust-refusal']

export const encodeTrustMessage = (kind: TrustMessageKind, payload: Uint8Array): Uint8Array => {
  const out = new Uint8Array(2 + payload.length)
  out[0] = TRUST_MESSAGE
  out[1] = KINDS.indexOf(kind) + 1
  out.set(payload, 2)
  return out
}

export const isTrustMessage = (message: Uint8Array): boolean => message[0] === TRUST_MESSAGE

/** What kind of trust message it claims to be, from its first two bytes; null if none. */
export const trustKindOf = (message: Uint8Array): TrustMessageKind | null =>
  message[0] === TRUST_MESSAGE ? (KINDS[(message[1] as number) - 1] ?? null) : null

export const trustPayloadOf = (message: Uint8Array): Uint8Array => message.subarray(2)

/**
 * The kind when the message is well-formed through to its last byte (the layout and the Yjs
 * update inside, decoded without applying); signatures are checked later, by the trust channel.
 */
export const checkTrustMessage = (message: Uint8Array): TrustMessageKind | null => {
  const kind = trustKindOf(message)
  const payload = trustPayloadOf(message)
  if (kind === 'trust-refusal') return payload.length === SIGNED_REFUSAL_BYTES ? kind : null
  if (!kind) return null
  // A state is a whole workspace for a device that lacks it: bounded as a state, as the trust
  // channel checks it, not as one change (a two-year lab's state is over a change's 8 MiB).
  const decoded = decodeSignedChange(payload, kind === 'trust-state' ? MAX_SIGNED_STATE_BYTES : MAX_SIGNED_UPDATE_BYTES)
  if (!decoded.ok) return null
  try {
    Y.decodeUpdate(decoded.change.update)
    return kind
  } catch {
    return null
  }
}
