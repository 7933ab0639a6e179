import { fromBase64Url, toBase64Url } from '../../domain/base64url'
import type { WorkspaceId } from '../../domain/ids'
import type { DeviceKeyId } from '../../domain/trust/membership-entry'
import { SIGNING_ALGORITHM } from './device-keys'
import { decodeRefusalNotice, encodeRefusalNotice, type RefusalNotice } from './refusal-notice'
import { inContext } from './signing-context'

/**
 * A refusal as it travels back (docs/trust.md, "Signed changes"): the notice (refusal-notice.ts),
 * the device whose change it was, and the refusing device, signed by the refusing device, so a
 * peer passing messages on cannot make up refusals in another member's name:
 *
 * ```
 * bytes 0–5     notice
 * bytes 6–37    the refused change's author (Ed25519 public key)
 * bytes 38–69   the refusing device (Ed25519 public key)
 * bytes 70–133  signature by the refusing device over REFUSAL_LABEL · workspace id · bytes 0–69
 * ```
 */
const REFUSAL_LABEL = new TextEncoder().encode('mutual/v1/refusal\n')
const NOTICE = 6
const KEY = 32
const SIGNED = NOTICE + KEY + KEY
export const SIGNED_REFUSAL_BYTES = SIGNED + 64

export interface SignedRefusal extends RefusalNotice {
  author: DeviceKeyId
  refusedBy: DeviceKeyId
}

export const signRefusal = async (workspaceId: WorkspaceId, signingKey: CryptoKey, refusal: SignedRefusal): Promise<Uint8Array> => {
  const out = new Uint8Array(SIGNED_REFUSAL_BYTES)
  out.set(encodeRefusalNotice(refusal), 0)
  out.set(fromBase64Url(refusal.author) as Uint8Array, NOTICE)
  out.set(fromBase64Url(refusal.refusedBy) as Uint8Array, NOTICE + KEY)
  const signature = await crypto.subtle.sign(SIGNING_ALGORITHM, signingKey, inContext(REFUSAL_LABEL, workspaceId, out.subarray(0, SIGNED)) as BufferSource)
  out.set(new Uint8Array(signature), SIGNED)
  return out
}

/** A refusal from another device whose signature checks out; null for anything else. */
export const verifyRefusal = async (workspaceId: WorkspaceId, bytes: unknown): Promise<SignedRefusal | null> => {
  if (!(bytes instanceof Uint8Array) || bytes.length !== SIGNED_REFUSAL_BYTES) return null
  const notice = decodeRefusalNotice(bytes.slice(0, NOTICE))
  if (!notice) return null
  const refusedBy = bytes.subarray(NOTICE + KEY, SIGNED)
  try {
    const key = await crypto.subtle.importKey('raw', refusedBy.slice() as BufferSource, SIGNING_ALGORITHM, false, ['verify'])
    const data = inContext(REFUSAL_LABEL, workspaceId, bytes.subarray(0, SIGNED))
    if (!(await crypto.subtle.verify(SIGNING_ALGORITHM, key, bytes.subarray(SIGNED) as BufferSource, data as BufferSource))) return null
  } catch {
    return null
  }
  return { ...notice, author: toBase64Url(bytes.subarray(NOTICE, NOTICE + KEY)) as DeviceKeyId, refusedBy: toBase64Url(refusedBy) as DeviceKeyId }
}
