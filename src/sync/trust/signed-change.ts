import { fromBase64Url, toBase64Url } from '../../domain/base64url'
import type { DeviceKeyId, EntryId } from '../../domain/trust/membership-entry'
import { MAX_PARENTS } from '../../domain/trust/membership-entry'

/**
 * A Yjs update signed by the device that made it (docs/trust.md, "Signed changes"):
 *
 * ```
 * byte 0      envelope version (1)
 * bytes 1–32  author device's Ed25519 public key
 * bytes 33–36 counter u32
 * byte 37     heads count h (0–16)
 * then        h × 32-byte membership entry ids
 * then        update length u32 · Yjs update (V1)
 * then        64-byte Ed25519 signature over SIGNING_LABEL · workspace id · everything above
 * ```
 * Pure layout here; signing and checking are in change-signing.ts.
 */
export const SIGNED_CHANGE_VERSION = 1
/** A change: one batch of this device's edits (a bigger batch goes as its updates, one by one). */
export const MAX_SIGNED_UPDATE_BYTES = 8 * 1024 * 1024
/**
 * A state (a whole workspace for a device that lacks it): as large as the relay's largest
 * snapshot (64 MiB), so any state the relay and WebRTC carry in parts can be signed whole and
 * checked once put back together (the six-month bench lab is 4.3 MB). The bound keeps what a
 * peer can make this device hash and hold to what the transports would carry anyway.
 */
export const MAX_SIGNED_STATE_BYTES = 64 * 1024 * 1024
export const SIGNATURE_BYTES = 64
const KEY_BYTES = 32
const HEADER_BYTES = 1 + KEY_BYTES + 4 + 1
/** What an envelope adds to its update at most (16 heads): a transport's bound less this is the update's. */
export const MAX_ENVELOPE_OVERHEAD_BYTES = HEADER_BYTES + MAX_PARENTS * KEY_BYTES + 4 + SIGNATURE_BYTES

export interface SignedChange {
  author: DeviceKeyId
  counter: number
  heads: EntryId[]
  update: Uint8Array
}

export type ChangeLayoutProblem = 'too-short' | 'newer-version' | 'bad-heads' | 'too-large' | 'wrong-length'

export type DecodedChange =
  | { ok: true; change: SignedChange; signed: Uint8Array; signature: Uint8Array }
  | { ok: false; problem: ChangeLayoutProblem }

const keyBytes = (id: string): Uint8Array => {
  const bytes = fromBase64Url(id)
  if (!bytes || bytes.length !== KEY_BYTES) throw new RangeError('not a 32-byte key or entry id')
  return bytes
}

/** The bytes the signature covers, without the label and workspace id (added when signing). */
export const encodeChangeBody = (change: SignedChange, maxUpdateBytes = MAX_SIGNED_UPDATE_BYTES): Uint8Array => {
  if (change.heads.length > MAX_PARENTS) throw new RangeError('too many heads')
  if (change.update.length > maxUpdateBytes) throw new RangeError('update too large')
  const out = new Uint8Array(HEADER_BYTES + change.heads.length * KEY_BYTES + 4 + change.update.length)
  const view = new DataView(out.buffer)
  out[0] = SIGNED_CHANGE_VERSION
  out.set(keyBytes(change.author), 1)
  view.setUint32(1 + KEY_BYTES, change.counter)
  out[HEADER_BYTES - 1] = change.heads.length
  let at = HEADER_BYTES
  for (const head of change.heads) {
    out.set(keyBytes(head), at)
    at += KEY_BYTES
  }
  view.setUint32(at, change.update.length)
  out.set(change.update, at + 4)
  return out
}

export const appendSignature = (body: Uint8Array, signature: Uint8Array): Uint8Array => {
  const out = new Uint8Array(body.length + SIGNATURE_BYTES)
  out.set(body, 0)
  out.set(signature, body.length)
  return out
}

/**
 * Reads the layout of bytes from another device, within its bounds (a change's, unless the
 * caller expects a state); the signature is not checked here.
 */
export const decodeSignedChange = (bytes: Uint8Array, maxUpdateBytes = MAX_SIGNED_UPDATE_BYTES): DecodedChange => {
  if (bytes.length < HEADER_BYTES + 4 + SIGNATURE_BYTES) return { ok: false, problem: 'too-short' }
  if (bytes[0] !== SIGNED_CHANGE_VERSION) return { ok: false, problem: 'newer-version' }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const count = bytes[HEADER_BYTES - 1] as number
  if (count > MAX_PARENTS) return { ok: false, problem: 'bad-heads' }
  const lengthAt = HEADER_BYTES + count * KEY_BYTES
  if (bytes.length < lengthAt + 4 + SIGNATURE_BYTES) return { ok: false, problem: 'too-short' }
  const updateLength = view.getUint32(lengthAt)
  if (updateLength > maxUpdateBytes) return { ok: false, problem: 'too-large' }
  const end = lengthAt + 4 + updateLength
  if (bytes.length !== end + SIGNATURE_BYTES) return { ok: false, problem: 'wrong-length' }
  const heads: EntryId[] = []
  for (let i = 0; i < count; i++) heads.push(toBase64Url(bytes.subarray(HEADER_BYTES + i * KEY_BYTES, HEADER_BYTES + (i + 1) * KEY_BYTES)) as EntryId)
  return {
    ok: true,
    change: {
      author: toBase64Url(bytes.subarray(1, 1 + KEY_BYTES)) as DeviceKeyId,
      counter: view.getUint32(1 + KEY_BYTES),
      heads,
      update: bytes.subarray(lengthAt + 4, end)
    },
    signed: bytes.subarray(0, end),
    signature: bytes.subarray(end)
  }
}
