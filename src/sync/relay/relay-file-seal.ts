import type { AttachmentHash } from '../../domain/attachments/attachment'
import { contentHash, hashToBytes } from '../../domain/attachments/content-hash'
import type { RelayFileKeys } from './relay-file-keys'

/**
 * A file sealed for the relay (docs/relay-protocol.md, "Files"):
 *
 *   id          HMAC-SHA-256(idKey, 0x01 · hash[32])              what the relay files it under
 *   IV          HMAC-SHA-256(idKey, 0x02 · hash[32])[0..12]
 *   sealed      version (1) · IV[12] · AES-GCM-256(sealKey, bytes) with its 16-byte tag
 *   AAD         roomId[32] · purpose 4 (file) · id[32]
 *
 * The IV comes from the content, so every device seals one file to the same bytes: parts sent
 * by two devices, or sent again, are interchangeable, and the relay can keep the first. An IV is
 * only ever used again with the same bytes, which tells the relay no more than the id does.
 */
const SEAL_VERSION = 1
const FILE_PURPOSE = 4
const IV_BYTES = 12
const TAG_BYTES = 16
export const FILE_SEAL_OVERHEAD = 1 + IV_BYTES + TAG_BYTES

const hmac = async (keys: RelayFileKeys, label: number, hash: AttachmentHash): Promise<Uint8Array> => {
  const input = new Uint8Array(33)
  input[0] = label
  input.set(hashToBytes(hash), 1)
  return new Uint8Array(await crypto.subtle.sign('HMAC', keys.idKey, input as BufferSource))
}

export const relayFileId = (keys: RelayFileKeys, hash: AttachmentHash): Promise<Uint8Array> => hmac(keys, 1, hash)

const aad = (keys: RelayFileKeys, id: Uint8Array): Uint8Array => {
  const bytes = new Uint8Array(keys.roomId.length + 1 + id.length)
  bytes.set(keys.roomId)
  bytes[keys.roomId.length] = FILE_PURPOSE
  bytes.set(id, keys.roomId.length + 1)
  return bytes
}

export const sealFile = async (keys: RelayFileKeys, hash: AttachmentHash, bytes: Uint8Array): Promise<Uint8Array> => {
  const id = await relayFileId(keys, hash)
  const iv = (await hmac(keys, 2, hash)).slice(0, IV_BYTES)
  const cipher = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(keys, id) as BufferSource }, keys.sealKey, bytes as BufferSource)
  )
  const out = new Uint8Array(1 + IV_BYTES + cipher.length)
  out[0] = SEAL_VERSION
  out.set(iv, 1)
  out.set(cipher, 1 + IV_BYTES)
  return out
}

export type OpenedFile = { ok: true; bytes: Uint8Array } | { ok: false; reason: string }

/** The file's bytes, only when they open with this room's key and hash to what was asked for. */
export const openFile = async (keys: RelayFileKeys, hash: AttachmentHash, sealed: Uint8Array): Promise<OpenedFile> => {
  const altered: OpenedFile = { ok: false, reason: 'The relay sent a file that was altered or is not the one asked for; nothing was kept.' }
  if (sealed.length < FILE_SEAL_OVERHEAD || sealed[0] !== SEAL_VERSION) return altered
  let bytes: Uint8Array
  try {
    const id = await relayFileId(keys, hash)
    bytes = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: sealed.slice(1, 1 + IV_BYTES), additionalData: aad(keys, id) as BufferSource },
        keys.sealKey,
        sealed.subarray(1 + IV_BYTES) as BufferSource
      )
    )
  } catch {
    return altered
  }
  // A member holding the key could still seal other bytes under this id: the hash decides.
  return (await contentHash(bytes)) === hash ? { ok: true, bytes } : altered
}
