import { toBase64Url } from '../../domain/base64url'
import type { DeviceKeyId } from '../../domain/trust/membership-entry'
import { formatSafetyCode } from '../../domain/trust/safety-code'

/**
 * This device's two key pairs (docs/trust.md, "Keys"): Ed25519 to sign, X25519 to receive a
 * new workspace key after a removal. Made by WebCrypto with the private keys non-extractable,
 * so not even this app can read them out; storage/device-key-store.ts keeps the CryptoKey
 * objects themselves in IndexedDB.
 */
export interface DeviceKeys {
  signing: CryptoKeyPair
  wrapping: CryptoKeyPair
}

export const SIGNING_ALGORITHM = { name: 'Ed25519' } as const
export const WRAPPING_ALGORITHM = { name: 'X25519' } as const

export const makeDeviceKeys = async (): Promise<DeviceKeys> => ({
  signing: (await crypto.subtle.generateKey(SIGNING_ALGORITHM, false, ['sign', 'verify'])) as CryptoKeyPair,
  wrapping: (await crypto.subtle.generateKey(WRAPPING_ALGORITHM, false, ['deriveBits'])) as CryptoKeyPair
})

/** What others know of a device: its public keys, the id made from them and its safety code. */
export interface DevicePublic {
  keyId: DeviceKeyId
  signingKey: Uint8Array
  wrapKey: Uint8Array
  safetyCode: string
}

const SAFETY_CODE_LABEL = new TextEncoder().encode('mutual/v1/safety-code\n')

/** The code two people read aloud: the same for the same public keys on every device. */
export const safetyCodeOf = async (signingKey: Uint8Array, wrapKey: Uint8Array): Promise<string> => {
  const input = new Uint8Array(SAFETY_CODE_LABEL.length + signingKey.length + wrapKey.length)
  input.set(SAFETY_CODE_LABEL, 0)
  input.set(signingKey, SAFETY_CODE_LABEL.length)
  input.set(wrapKey, SAFETY_CODE_LABEL.length + signingKey.length)
  return formatSafetyCode(new Uint8Array(await crypto.subtle.digest('SHA-256', input)))
}

export const publicOf = async (keys: DeviceKeys): Promise<DevicePublic> => {
  const signingKey = new Uint8Array(await crypto.subtle.exportKey('raw', keys.signing.publicKey))
  const wrapKey = new Uint8Array(await crypto.subtle.exportKey('raw', keys.wrapping.publicKey))
  return { keyId: toBase64Url(signingKey) as DeviceKeyId, signingKey, wrapKey, safetyCode: await safetyCodeOf(signingKey, wrapKey) }
}

/** Whether a value read back from storage is a usable pair of this device's keys. */
export const isDeviceKeys = (value: unknown): value is DeviceKeys => {
  if (typeof value !== 'object' || value === null) return false
  const { signing, wrapping } = value as Record<string, unknown>
  const pairOf = (pair: unknown, algorithm: string): boolean => {
    if (typeof pair !== 'object' || pair === null) return false
    const { publicKey, privateKey } = pair as Record<string, unknown>
    return (
      publicKey instanceof CryptoKey &&
      privateKey instanceof CryptoKey &&
      publicKey.algorithm.name === algorithm &&
      privateKey.algorithm.name === algorithm &&
      privateKey.type === 'private' &&
      !privateKey.extractable
    )
  }
  return pairOf(signing, SIGNING_ALGORITHM.name) && pairOf(wrapping, WRAPPING_ALGORITHM.name)
}
