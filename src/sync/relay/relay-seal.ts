import type { RelayKeys } from './relay-keys'

/**
 * Sealed blobs (docs/relay-protocol.md, "Sealed blobs"):
 *
 *   byte 0      seal version (1)
 *   bytes 1–12  random 96-bit IV
 *   bytes 13…   AES-GCM-256 ciphertext with its 128-bit tag
 *   AAD         roomId[32] · purpose u8
 *
 * The AAD binds each blob to its room and its purpose, so the relay cannot move an entry to
 * another room or pass an entry off as a snapshot or as presence.
 */
export const SEAL_VERSION = 1
export const PURPOSE = { entry: 1, snapshot: 2, presence: 3 } as const
export type SealPurpose = keyof typeof PURPOSE

const IV_BYTES = 12
const TAG_BYTES = 16
const HEADER_BYTES = 1 + IV_BYTES

const aad = (roomId: Uint8Array, purpose: SealPurpose): Uint8Array => {
  const bytes = new Uint8Array(roomId.length + 1)
  bytes.set(roomId)
  bytes[roomId.length] = PURPOSE[purpose]
  return bytes
}

export const seal = async (keys: RelayKeys, purpose: SealPurpose, plain: Uint8Array): Promise<Uint8Array> => {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const cipher = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: aad(keys.roomId, purpose) as BufferSource },
      keys.entriesKey,
      plain as BufferSource
    )
  )
  const out = new Uint8Array(HEADER_BYTES + cipher.length)
  out[0] = SEAL_VERSION
  out.set(iv, 1)
  out.set(cipher, HEADER_BYTES)
  return out
}

/** The plain bytes, or null when the blob is not one this room sealed for this purpose. */
export const openSealed = async (keys: RelayKeys, purpose: SealPurpose, sealed: Uint8Array): Promise<Uint8Array | null> => {
  if (sealed.length < HEADER_BYTES + TAG_BYTES || sealed[0] !== SEAL_VERSION) return null
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.slice(1, HEADER_BYTES), additionalData: aad(keys.roomId, purpose) as BufferSource },
      keys.entriesKey,
      sealed.subarray(HEADER_BYTES) as BufferSource
    )
    return new Uint8Array(plain)
  } catch {
    return null
  }
}
