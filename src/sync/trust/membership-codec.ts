import { fromBase64Url, toBase64Url } from '../../domain/base64url'
import { concatBytes } from '../../domain/concat-bytes'
import type { WorkspaceId } from '../../domain/ids'
import {
  EntryBodySchema,
  MAX_PARENTS,
  type DeviceKeyId,
  type EntryBody,
  type EntryId,
  type MembershipEntry
} from '../../domain/trust/membership-entry'
import { SIGNING_ALGORITHM } from './device-keys'
import { inContext } from './signing-context'

/**
 * A membership entry's bytes, as kept in the workspace's `trust` map under its id:
 *
 * ```
 * byte 0      entry version (1)
 * bytes 1–32  author device's Ed25519 public key
 * byte 33     parent count p (0–16)
 * then        p × 32-byte parent entry ids
 * then        body length u32 · body (UTF-8 JSON, domain/trust/membership-entry.ts), ≤ 16 KiB
 * then        64-byte author signature over ENTRY_LABEL · workspace id · everything above
 * then        (a `join` only) 64-byte signature by the invitation's key over the same bytes
 * ```
 * The entry's id is base64url(SHA-256(all of it)): an entry cannot change under its id.
 */
const ENTRY_VERSION = 1
const ENTRY_LABEL = new TextEncoder().encode('mutual/v1/membership\n')
export const MAX_ENTRY_BODY_BYTES = 16 * 1024
const KEY = 32
const SIGNATURE = 64

export type EntryProblem = 'malformed' | 'newer-version' | 'bad-signature' | 'not-its-id'

const signedBytes = (workspaceId: WorkspaceId, body: Uint8Array): Uint8Array => inContext(ENTRY_LABEL, workspaceId, body)

const idOf = async (bytes: Uint8Array): Promise<EntryId> =>
  toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource))) as EntryId

export interface EntrySigner {
  author: DeviceKeyId
  signingKey: CryptoKey
  /** For a join: the invitation's private key, from the link. */
  inviteKey?: CryptoKey
}

export const encodeEntry = async (
  workspaceId: WorkspaceId,
  signer: EntrySigner,
  parents: readonly EntryId[],
  body: EntryBody
): Promise<{ entry: MembershipEntry; bytes: Uint8Array }> => {
  if (parents.length > MAX_PARENTS) throw new RangeError('too many parents')
  const json = new TextEncoder().encode(JSON.stringify(body))
  if (json.length > MAX_ENTRY_BODY_BYTES) throw new RangeError('entry too large')
  const length = new Uint8Array(4)
  new DataView(length.buffer).setUint32(0, json.length)
  const unsigned = concatBytes([
    new Uint8Array([ENTRY_VERSION]),
    fromBase64Url(signer.author) as Uint8Array,
    new Uint8Array([parents.length]),
    ...parents.map((p) => fromBase64Url(p) as Uint8Array),
    length,
    json
  ])
  const toSign = signedBytes(workspaceId, unsigned) as BufferSource
  const signatures = [new Uint8Array(await crypto.subtle.sign(SIGNING_ALGORITHM, signer.signingKey, toSign))]
  if (body.kind === 'join') {
    if (!signer.inviteKey) throw new Error('a join needs the invitation key')
    signatures.push(new Uint8Array(await crypto.subtle.sign(SIGNING_ALGORITHM, signer.inviteKey, toSign)))
  }
  const bytes = concatBytes([unsigned, ...signatures])
  return { entry: { id: await idOf(bytes), author: signer.author, parents: [...parents], body }, bytes }
}

const verifyWith = async (publicKey: string, signature: Uint8Array, data: Uint8Array): Promise<boolean> => {
  const raw = fromBase64Url(publicKey)
  if (!raw || raw.length !== KEY) return false
  try {
    const key = await crypto.subtle.importKey('raw', raw as BufferSource, SIGNING_ALGORITHM, false, ['verify'])
    return await crypto.subtle.verify(SIGNING_ALGORITHM, key, signature as BufferSource, data as BufferSource)
  } catch {
    return false
  }
}

/** Reads an entry from the shared document (`unknown` until here), checking every signature and its id. */
export const decodeEntry = async (
  workspaceId: WorkspaceId,
  key: string,
  value: unknown
): Promise<{ ok: true; entry: MembershipEntry } | { ok: false; problem: EntryProblem }> => {
  if (!(value instanceof Uint8Array) || value.length < 1 + KEY + 1 + 4 + SIGNATURE) return { ok: false, problem: 'malformed' }
  if (value[0] !== ENTRY_VERSION) return { ok: false, problem: 'newer-version' }
  const count = value[1 + KEY] as number
  const bodyAt = 1 + KEY + 1 + count * KEY
  if (count > MAX_PARENTS || value.length < bodyAt + 4 + SIGNATURE) return { ok: false, problem: 'malformed' }
  const bodyLength = new DataView(value.buffer, value.byteOffset, value.byteLength).getUint32(bodyAt)
  const end = bodyAt + 4 + bodyLength
  if (bodyLength > MAX_ENTRY_BODY_BYTES || value.length < end + SIGNATURE) return { ok: false, problem: 'malformed' }
  let body: EntryBody
  try {
    const parsed = EntryBodySchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(value.subarray(bodyAt + 4, end))))
    if (!parsed.success) return { ok: false, problem: 'malformed' }
    body = parsed.data
  } catch {
    return { ok: false, problem: 'malformed' }
  }
  if (value.length !== end + SIGNATURE * (body.kind === 'join' ? 2 : 1)) return { ok: false, problem: 'malformed' }
  const author = toBase64Url(value.subarray(1, 1 + KEY)) as DeviceKeyId
  const toCheck = signedBytes(workspaceId, value.subarray(0, end))
  if (!(await verifyWith(author, value.subarray(end, end + SIGNATURE), toCheck))) return { ok: false, problem: 'bad-signature' }
  if (body.kind === 'join' && !(await verifyWith(body.inviteKey, value.subarray(end + SIGNATURE), toCheck))) {
    return { ok: false, problem: 'bad-signature' }
  }
  const id = await idOf(value)
  if (id !== key) return { ok: false, problem: 'not-its-id' }
  const parents: EntryId[] = []
  for (let i = 0; i < count; i++) parents.push(toBase64Url(value.subarray(1 + KEY + 1 + i * KEY, 1 + KEY + 1 + (i + 1) * KEY)) as EntryId)
  return { ok: true, entry: { id, author, parents, body } }
}
