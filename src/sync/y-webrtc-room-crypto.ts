import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/**
 * y-webrtc's encryption of room messages (its src/crypto.js): varString "AES-GCM", then the
 * iv, then the ciphertext; signalling messages carry it in base64. Used to check what
 * arrives (y-webrtc-signalling.ts, y-webrtc-hardening.ts) and to announce a device again.
 */

export const decryptRoomData = async (data: Uint8Array, key: CryptoKey): Promise<Uint8Array> => {
  const decoder = decoding.createDecoder(data)
  if (decoding.readVarString(decoder) !== 'AES-GCM') throw new Error('Unknown encryption')
  const iv = decoding.readVarUint8Array(decoder)
  const cipher = decoding.readVarUint8Array(decoder)
  if (iv.length !== 12 || decoding.hasContent(decoder)) throw new Error('Malformed encrypted message')
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as BufferSource }, key, cipher as BufferSource))
}

export const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))

/** A value as y-webrtc encrypts a signalling message, base64. */
export const encryptRoomData = async (value: unknown, key: CryptoKey): Promise<string> => {
  const plain = encoding.createEncoder()
  encoding.writeAny(plain, value as Parameters<typeof encoding.writeAny>[1])
  const bytes = await encryptRoomBytes(encoding.toUint8Array(plain), key)
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

/** Bytes as y-webrtc encrypts a message for the room's other tabs (its cryptoutils.encrypt). */
export const encryptRoomBytes = async (plain: Uint8Array, key: CryptoKey): Promise<Uint8Array> => {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain as BufferSource))
  const out = encoding.createEncoder()
  encoding.writeVarString(out, 'AES-GCM')
  encoding.writeVarUint8Array(out, iv)
  encoding.writeVarUint8Array(out, cipher)
  return encoding.toUint8Array(out)
}
