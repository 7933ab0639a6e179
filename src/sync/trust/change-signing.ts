import { fromBase64Url } from '../../domain/base64url'
import { WORKSPACE_DOC_KEY, type DocKey } from '../../domain/doc-key'
import type { WorkspaceId } from '../../domain/ids'
import type { DeviceKeyId } from '../../domain/trust/membership-entry'
import { SIGNING_ALGORITHM } from './device-keys'
import { inContext } from './signing-context'
import { appendSignature, decodeSignedChange, encodeChangeBody, type ChangeLayoutProblem, type SignedChange } from './signed-change'

/**
 * Signing and checking changes (signed-change.ts has the layout). The signature covers a label
 * and the workspace id as well, so a change signed for one workspace is worthless in another,
 * and a change signature can never pass for a membership entry's.
 *
 * It also covers which of the workspace's documents the change is for (domain/doc-key.ts), so
 * a change or state cannot be moved from one document to another: the workspace document's
 * (docKey "") is signed exactly as before documents were split, so every signature already
 * made still checks; an artifact document's is signed under a label of its own, followed by
 * its docKey (always 32 characters).
 */
const SIGNING_LABEL = new TextEncoder().encode('mutual/v1/change\n')
const ARTIFACT_SIGNING_LABEL = new TextEncoder().encode('mutual/v1/artifact-change\n')

const withContext = (workspaceId: WorkspaceId, body: Uint8Array, docKey: DocKey): Uint8Array => {
  if (docKey === WORKSPACE_DOC_KEY) return inContext(SIGNING_LABEL, workspaceId, body)
  const key = new TextEncoder().encode(`\n${docKey}\n`)
  const keyed = new Uint8Array(key.length + body.length)
  keyed.set(key, 0)
  keyed.set(body, key.length)
  return inContext(ARTIFACT_SIGNING_LABEL, workspaceId, keyed)
}

/** `maxUpdateBytes`: a change's bound unless a state is signed (signed-change.ts); `docKey`: the document it is for. */
export const signChange = async (
  workspaceId: WorkspaceId,
  signingKey: CryptoKey,
  change: SignedChange,
  maxUpdateBytes?: number,
  docKey: DocKey = WORKSPACE_DOC_KEY
): Promise<Uint8Array> => {
  const body = encodeChangeBody(change, maxUpdateBytes)
  const signature = new Uint8Array(await crypto.subtle.sign(SIGNING_ALGORITHM, signingKey, withContext(workspaceId, body, docKey) as BufferSource))
  return appendSignature(body, signature)
}

/**
 * Public keys of the devices heard from, imported once each: a person typing sends a change
 * per keystroke, and importing the key every time would cost more than checking the signature.
 */
const MAX_KEPT_KEYS = 1_000
const importedKeys = new Map<DeviceKeyId, Promise<CryptoKey | null>>()

const publicKeyOf = (device: DeviceKeyId): Promise<CryptoKey | null> => {
  let key = importedKeys.get(device)
  if (!key) {
    const raw = fromBase64Url(device)
    key = raw ? crypto.subtle.importKey('raw', raw as BufferSource, SIGNING_ALGORITHM, false, ['verify']).catch(() => null) : Promise.resolve(null)
    if (importedKeys.size >= MAX_KEPT_KEYS) importedKeys.delete(importedKeys.keys().next().value as DeviceKeyId)
    importedKeys.set(device, key)
  }
  return key
}

/** Whether `device` (its public key id) signed `data`: false for a key that does not import. */
export const signedBy = async (device: DeviceKeyId, signature: Uint8Array, data: Uint8Array): Promise<boolean> => {
  const key = await publicKeyOf(device)
  if (!key) return false
  return crypto.subtle.verify(SIGNING_ALGORITHM, key, signature as BufferSource, data as BufferSource).catch(() => false)
}

export type VerifiedChange = { ok: true; change: SignedChange } | { ok: false; problem: ChangeLayoutProblem | 'bad-signature' }

/**
 * Reads and checks a change from another device: only a change its author signed for this
 * document (`docKey`, the one it is about to be applied to) comes back.
 */
export const verifyChange = async (
  workspaceId: WorkspaceId,
  bytes: Uint8Array,
  maxUpdateBytes?: number,
  docKey: DocKey = WORKSPACE_DOC_KEY
): Promise<VerifiedChange> => {
  const decoded = decodeSignedChange(bytes, maxUpdateBytes)
  if (!decoded.ok) return decoded
  const valid = await signedBy(decoded.change.author, decoded.signature, withContext(workspaceId, decoded.signed, docKey))
  return valid ? { ok: true, change: decoded.change } : { ok: false, problem: 'bad-signature' }
}
