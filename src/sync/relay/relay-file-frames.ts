import { MAX_ATTACHMENT_BYTES } from '../../domain/attachments/limits'
import { PROTOCOL_VERSION } from './relay-frames'
import type { RelayRates } from './relay-pacer'

/**
 * The relay protocol's file frames, as the device sends and reads them (docs/relay-protocol.md,
 * "Files"; the relay's side is scripts/relay/file-frames.mjs). A sealed file travels in parts of
 * FILE_PART_BYTES (the last one shorter), each well under the relay's frame limit. What the
 * relay sends is checked whole here, before anything else reads it; ACK and ERROR are the log's
 * frames (relay-frames.ts).
 */
export const FILE_PART_BYTES = 4 * 1024 * 1024
export const MAX_FILE_SEALED_BYTES = MAX_ATTACHMENT_BYTES + 29
export const MAX_FILE_IDS_PER_QUERY = 256
const ID_BYTES = 32
const HEADER = 2

const CLIENT = { filesHello: 0x05, has: 0x06, put: 0x07, get: 0x08 } as const
const RELAY = { filesWelcome: 0x88, held: 0x89, part: 0x8a, none: 0x8b } as const

export const filePartCount = (total: number): number => Math.ceil(total / FILE_PART_BYTES)

const frame = (type: number, body: number): { bytes: Uint8Array; view: DataView } => {
  const bytes = new Uint8Array(HEADER + body)
  bytes[0] = PROTOCOL_VERSION
  bytes[1] = type
  return { bytes, view: new DataView(bytes.buffer) }
}

export const encodeFilesHello = (token: Uint8Array): Uint8Array => {
  const { bytes } = frame(CLIENT.filesHello, 32)
  bytes.set(token, HEADER)
  return bytes
}

export const encodeFileHas = (ref: number, ids: readonly Uint8Array[]): Uint8Array => {
  if (ids.length === 0 || ids.length > MAX_FILE_IDS_PER_QUERY) throw new RangeError('FILE_HAS asks about 1 to 256 files')
  const { bytes, view } = frame(CLIENT.has, 6 + ids.length * ID_BYTES)
  view.setUint32(HEADER, ref)
  view.setUint16(HEADER + 4, ids.length)
  ids.forEach((id, i) => bytes.set(id, HEADER + 6 + i * ID_BYTES))
  return bytes
}

export const encodeFilePut = (ref: number, id: Uint8Array, total: number, part: number, slice: Uint8Array): Uint8Array => {
  const { bytes, view } = frame(CLIENT.put, 4 + ID_BYTES + 6 + slice.length)
  view.setUint32(HEADER, ref)
  bytes.set(id, HEADER + 4)
  view.setUint32(HEADER + 4 + ID_BYTES, total)
  view.setUint16(HEADER + 4 + ID_BYTES + 4, part)
  bytes.set(slice, HEADER + 4 + ID_BYTES + 6)
  return bytes
}

export const encodeFileGet = (ref: number, id: Uint8Array): Uint8Array => {
  const { bytes, view } = frame(CLIENT.get, 4 + ID_BYTES)
  view.setUint32(HEADER, ref)
  bytes.set(id, HEADER + 4)
  return bytes
}

export type RelayFileFrame =
  | { type: 'files-welcome'; rates: RelayRates }
  | { type: 'held'; ref: number; held: boolean[] }
  | { type: 'part'; ref: number; total: number; part: number; slice: Uint8Array }
  | { type: 'none'; ref: number }

/** A file frame, `{ problem }` for a file frame that is malformed, or null for another type. */
export const decodeRelayFileFrame = (bytes: Uint8Array): RelayFileFrame | { problem: string } | null => {
  if (bytes.length < HEADER || bytes[0] !== PROTOCOL_VERSION) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const body = bytes.length - HEADER
  switch (bytes[1]) {
    case RELAY.filesWelcome: {
      if (body !== 24) return { problem: 'FILES_WELCOME has the wrong length' }
      const [framesPerSecond, frameBurst, bytesPerSecond, byteBurst] = [0, 4, 8, 12].map((at) => view.getUint32(HEADER + at)) as [number, number, number, number]
      if (!framesPerSecond || !frameBurst || !bytesPerSecond || !byteBurst) return { problem: 'FILES_WELCOME has a rate of 0' }
      return { type: 'files-welcome', rates: { framesPerSecond, frameBurst, bytesPerSecond, byteBurst } }
    }
    case RELAY.held: {
      if (body < 6) return { problem: 'FILE_HELD is too short' }
      const count = view.getUint16(HEADER + 4)
      if (count > MAX_FILE_IDS_PER_QUERY || body !== 6 + Math.ceil(count / 8)) return { problem: 'FILE_HELD has the wrong length' }
      const held = Array.from({ length: count }, (_, i) => ((bytes[HEADER + 6 + (i >> 3)] as number) & (0x80 >> (i & 7))) !== 0)
      return { type: 'held', ref: view.getUint32(HEADER), held }
    }
    case RELAY.part: {
      if (body <= 10) return { problem: 'FILE_PART is too short' }
      const total = view.getUint32(HEADER + 4)
      const part = view.getUint16(HEADER + 8)
      const slice = bytes.slice(HEADER + 10)
      if (total > MAX_FILE_SEALED_BYTES) return { problem: 'FILE_PART is of a file over the size limit' }
      if (part >= filePartCount(total) || slice.length !== Math.min(FILE_PART_BYTES, total - part * FILE_PART_BYTES)) {
        return { problem: 'FILE_PART does not fit its file’s size' }
      }
      return { type: 'part', ref: view.getUint32(HEADER), total, part, slice }
    }
    case RELAY.none:
      if (body !== 4) return { problem: 'FILE_NONE has the wrong length' }
      return { type: 'none', ref: view.getUint32(HEADER) }
    default:
      return null
  }
}
