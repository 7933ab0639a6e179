import { AttachmentHashSchema, type AttachmentHash } from './attachment'

/**
 * The address of an attachment: SHA-256 of its bytes (WebCrypto, in browsers and Node), as
 * lower-case hex. The same photo added twice is stored once, and bytes from another device
 * are kept only if they hash to the address that was asked for.
 */
export const contentHash = async (bytes: Uint8Array): Promise<AttachmentHash> => {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource))
  let hex = ''
  for (const b of digest) hex += b.toString(16).padStart(2, '0')
  return AttachmentHashSchema.parse(hex)
}

export const hashToBytes = (hash: AttachmentHash): Uint8Array => {
  const out = new Uint8Array(32)
  for (let i = 0; i < 32; i++) out[i] = parseInt(hash.slice(i * 2, i * 2 + 2), 16)
  return out
}

export const bytesToHash = (bytes: Uint8Array): AttachmentHash | null => {
  if (bytes.length !== 32) return null
  let hex = ''
  for (const b of bytes) hex += b.toString(16).padStart(2, '0')
  return hex as AttachmentHash
}
