import { fromBase64Url, toBase64Url } from '../../domain/base64url'
import type { WorkspaceId, WorkspaceSecret } from '../../domain/ids'
import { WorkspaceSecretSchema } from '../../domain/ids'
import type { DeviceKeyId } from '../../domain/trust/membership-entry'
import { WRAPPING_ALGORITHM, type DeviceKeys } from './device-keys'
import { inContext } from './signing-context'

/**
 * The new workspace key after a removal, wrapped for each remaining device (docs/trust.md):
 * ECDH (X25519) between a fresh key pair made for this re-key and the device's wrapping key,
 * HKDF-SHA-256 with a label naming the workspace and the device, then AES-GCM. Each wrapped
 * value: ephemeral public key (32) · IV (12) · ciphertext of the secret's 32 bytes with its tag,
 * base64url. Only the device holding the matching private key can open its value.
 */
const REKEY_LABEL = new TextEncoder().encode('mutual/v1/rekey\n')
const KEY = 32
const IV = 12

const aesKeyFor = async (shared: ArrayBuffer, workspaceId: WorkspaceId, device: DeviceKeyId, usage: KeyUsage): Promise<CryptoKey> => {
  const material = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey'])
  const info = inContext(REKEY_LABEL, workspaceId, new TextEncoder().encode(device))
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array() as BufferSource, info: info as BufferSource },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage]
  )
}

const importWrapKey = (raw: Uint8Array): Promise<CryptoKey> => crypto.subtle.importKey('raw', raw as BufferSource, WRAPPING_ALGORITHM, false, [])

export const wrapSecretFor = async (
  workspaceId: WorkspaceId,
  secret: WorkspaceSecret,
  devices: readonly { keyId: DeviceKeyId; wrapKey: string }[]
): Promise<Record<DeviceKeyId, string>> => {
  const plain = fromBase64Url(secret) as Uint8Array
  const ephemeral = (await crypto.subtle.generateKey(WRAPPING_ALGORITHM, true, ['deriveBits'])) as CryptoKeyPair
  const ephemeralPublic = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey))
  const wrapped: Record<DeviceKeyId, string> = {}
  for (const device of devices) {
    const raw = fromBase64Url(device.wrapKey)
    if (!raw || raw.length !== KEY) continue
    const shared = await crypto.subtle.deriveBits({ name: WRAPPING_ALGORITHM.name, public: await importWrapKey(raw) }, ephemeral.privateKey, 256)
    const iv = crypto.getRandomValues(new Uint8Array(IV))
    const key = await aesKeyFor(shared, workspaceId, device.keyId, 'encrypt')
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv as BufferSource }, key, plain as BufferSource))
    const out = new Uint8Array(KEY + IV + sealed.length)
    out.set(ephemeralPublic, 0)
    out.set(iv, KEY)
    out.set(sealed, KEY + IV)
    wrapped[device.keyId] = toBase64Url(out)
  }
  return wrapped
}

/** This device's copy of the new secret; null if there is none for it or it does not open. */
export const unwrapSecret = async (
  workspaceId: WorkspaceId,
  wrapped: Readonly<Record<string, string>>,
  device: DeviceKeyId,
  keys: DeviceKeys
): Promise<WorkspaceSecret | null> => {
  const value = Object.hasOwn(wrapped, device) ? fromBase64Url(wrapped[device] as string) : null
  if (!value || value.length <= KEY + IV) return null
  try {
    const ephemeral = await importWrapKey(value.subarray(0, KEY))
    const shared = await crypto.subtle.deriveBits({ name: WRAPPING_ALGORITHM.name, public: ephemeral }, keys.wrapping.privateKey, 256)
    const key = await aesKeyFor(shared, workspaceId, device, 'decrypt')
    const plain = new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv: value.subarray(KEY, KEY + IV) as BufferSource }, key, value.subarray(KEY + IV) as BufferSource)
    )
    const secret = WorkspaceSecretSchema.safeParse(toBase64Url(plain))
    return secret.success ? secret.data : null
  } catch {
    return null
  }
}
