import type { AttachmentHash } from '../domain/attachments/attachment'
import { bytesToHash, hashToBytes } from '../domain/attachments/content-hash'

/**
 * Frames of the attachment exchange between peers (attachment-exchange.ts), sent on the same
 * WebRTC data channel as y-webrtc's messages. y-webrtc's own messages start with a byte below
 * 0x80 and chunks with 0xC0 to 0xC3 (peer-chunks.ts); these start with 0xA0 to 0xA2:
 *
 *   WANT  A0 | hash (32)                                      "send me the file with this hash"
 *   PART  A1 | hash (32) | total (u32 BE) | offset (u32 BE) | bytes (1..PART_BYTES)
 *   NONE  A2 | hash (32)                                      "I do not have it"
 *
 * A PART is at most 41 + PART_BYTES bytes: under the channel's safe frame size, so it is
 * never chunked or compressed and is checked whole, here, before anything else reads it.
 */
const WANT = 0xa0
const PART = 0xa1
const NONE = 0xa2
const HASH_BYTES = 32
const PART_HEADER = 1 + HASH_BYTES + 8

/** Bytes of a file in one PART. */
export const PART_BYTES = 32 * 1024

export type AttachmentFrame =
  | { type: 'want'; hash: AttachmentHash }
  | { type: 'none'; hash: AttachmentHash }
  | { type: 'part'; hash: AttachmentHash; total: number; offset: number; bytes: Uint8Array }

export const isAttachmentFrame = (frame: Uint8Array): boolean => frame.length > 0 && (frame[0] as number) >= WANT && (frame[0] as number) <= NONE

const withHash = (type: number, hash: AttachmentHash, extra = 0): Uint8Array => {
  const out = new Uint8Array(1 + HASH_BYTES + extra)
  out[0] = type
  out.set(hashToBytes(hash), 1)
  return out
}

export const encodeWant = (hash: AttachmentHash): Uint8Array => withHash(WANT, hash)
export const encodeNone = (hash: AttachmentHash): Uint8Array => withHash(NONE, hash)

export const encodePart = (hash: AttachmentHash, total: number, offset: number, bytes: Uint8Array): Uint8Array => {
  const out = withHash(PART, hash, 8 + bytes.length)
  const view = new DataView(out.buffer)
  view.setUint32(1 + HASH_BYTES, total)
  view.setUint32(1 + HASH_BYTES + 4, offset)
  out.set(bytes, PART_HEADER)
  return out
}

/** The frame, or null for anything malformed (wrong length, unknown type, an empty or oversized part). */
export const decodeAttachmentFrame = (frame: Uint8Array): AttachmentFrame | null => {
  if (!isAttachmentFrame(frame) || frame.length < 1 + HASH_BYTES) return null
  const hash = bytesToHash(frame.subarray(1, 1 + HASH_BYTES))
  if (!hash) return null
  const type = frame[0]
  if (type === WANT || type === NONE) return frame.length === 1 + HASH_BYTES ? { type: type === WANT ? 'want' : 'none', hash } : null
  if (frame.length <= PART_HEADER || frame.length > PART_HEADER + PART_BYTES) return null
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength)
  return { type: 'part', hash, total: view.getUint32(1 + HASH_BYTES), offset: view.getUint32(1 + HASH_BYTES + 4), bytes: frame.subarray(PART_HEADER) }
}

/** The PARTs of a whole file, in order. */
export const encodeParts = (hash: AttachmentHash, bytes: Uint8Array): Uint8Array[] => {
  const parts: Uint8Array[] = []
  for (let offset = 0; offset < bytes.length; offset += PART_BYTES) {
    parts.push(encodePart(hash, bytes.length, offset, bytes.subarray(offset, Math.min(offset + PART_BYTES, bytes.length))))
  }
  return parts
}
