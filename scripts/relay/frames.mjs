// The relay protocol's frames (docs/relay-protocol.md, version 1): decoding what a client sends,
// within the protocol's size limits, and encoding what the relay sends. Pure: no I/O, no state.
// A decode never throws; a frame it cannot accept comes back as a problem with its ERROR code.
// The file frames (0x05–0x08) are decoded in file-frames.mjs.
import { decodeFileClientFrame } from './file-frames.mjs'

export const PROTOCOL_VERSION = 1

export const MAX_ENTRY_BYTES = 8 * 1024 * 1024
export const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024
export const MAX_PRESENCE_BYTES = 64 * 1024
/** A sealed blob is at least its version byte, a 12-byte IV and a 16-byte tag. */
export const MIN_SEALED_BYTES = 1 + 12 + 16
const HEADER_BYTES = 2
/** The largest frame a client may send: a COMPACT with the largest snapshot (a FILE_PUT is far smaller). */
export const MAX_CLIENT_FRAME_BYTES = HEADER_BYTES + 4 + 8 + MAX_SNAPSHOT_BYTES
const TOKEN_BYTES = 32
const MAX_ERROR_MESSAGE_BYTES = 200

export const CLIENT = /** @type {const} */ ({ HELLO: 0x01, APPEND: 0x02, COMPACT: 0x03, PRESENCE: 0x04 })
export const RELAY = /** @type {const} */ ({
  WELCOME: 0x81,
  SNAPSHOT: 0x82,
  ENTRY: 0x83,
  CAUGHT_UP: 0x84,
  ACK: 0x85,
  PRESENCE: 0x86,
  ERROR: 0x87
})
export const ERROR_CODE = /** @type {const} */ ({
  UNSUPPORTED_VERSION: 1,
  MALFORMED: 2,
  TOO_LARGE: 3,
  RATE_LIMITED: 4,
  UNAVAILABLE: 5,
  FULL: 6,
  COMPACTION_REFUSED: 7,
  TOO_MANY_CONNECTIONS: 8,
  NOT_ALLOWED: 9
})

/** @param {number} code @param {string} message */
const problem = (code, message) => /** @type {const} */ ({ kind: 'problem', code, message })

/** A u64 that must stay below 2^53 (the protocol's promise), or null when it does not. */
const readU64 = (/** @type {Buffer} */ bytes, /** @type {number} */ offset) => {
  const high = bytes.readUInt32BE(offset)
  if (high >= 2 ** 21) return null
  return high * 2 ** 32 + bytes.readUInt32BE(offset + 4)
}

/**
 * Decodes one binary frame from a client.
 * @param {Buffer} bytes
 * @returns {import('./frames.d.mts').ClientFrame}
 */
export const decodeClientFrame = (bytes) => {
  if (bytes.length < HEADER_BYTES) return problem(ERROR_CODE.MALFORMED, 'A frame needs a version and a type.')
  if (bytes[0] !== PROTOCOL_VERSION) {
    return bytes[0] > PROTOCOL_VERSION
      ? problem(ERROR_CODE.UNSUPPORTED_VERSION, `This relay speaks protocol version ${PROTOCOL_VERSION}.`)
      : problem(ERROR_CODE.MALFORMED, 'Unknown protocol version.')
  }
  const body = bytes.subarray(HEADER_BYTES)
  switch (bytes[1]) {
    case CLIENT.HELLO: {
      if (body.length !== TOKEN_BYTES + 8) return problem(ERROR_CODE.MALFORMED, 'HELLO is a 32-byte token and a u64.')
      const after = readU64(body, TOKEN_BYTES)
      if (after === null) return problem(ERROR_CODE.MALFORMED, 'HELLO after is out of range.')
      return { kind: 'hello', token: body.subarray(0, TOKEN_BYTES), after }
    }
    case CLIENT.APPEND: {
      if (body.length < 4 + MIN_SEALED_BYTES) return problem(ERROR_CODE.MALFORMED, 'APPEND is too short.')
      const sealed = body.subarray(4)
      if (sealed.length > MAX_ENTRY_BYTES) return problem(ERROR_CODE.TOO_LARGE, 'An entry may be at most 8 MiB.')
      return { kind: 'append', ref: body.readUInt32BE(0), sealed }
    }
    case CLIENT.COMPACT: {
      if (body.length < 12 + MIN_SEALED_BYTES) return problem(ERROR_CODE.MALFORMED, 'COMPACT is too short.')
      const covers = readU64(body, 4)
      if (covers === null) return problem(ERROR_CODE.MALFORMED, 'COMPACT covers is out of range.')
      const sealed = body.subarray(12)
      if (sealed.length > MAX_SNAPSHOT_BYTES) return problem(ERROR_CODE.TOO_LARGE, 'A snapshot may be at most 64 MiB.')
      return { kind: 'compact', ref: body.readUInt32BE(0), covers, sealed }
    }
    case CLIENT.PRESENCE: {
      if (body.length < MIN_SEALED_BYTES) return problem(ERROR_CODE.MALFORMED, 'PRESENCE is too short.')
      if (body.length > MAX_PRESENCE_BYTES) return problem(ERROR_CODE.TOO_LARGE, 'Presence may be at most 64 KiB.')
      return { kind: 'presence', sealed: body }
    }
    default:
      return decodeFileClientFrame(bytes[1], body) ?? problem(ERROR_CODE.MALFORMED, 'Unknown frame type.')
  }
}

/** @param {number} type @param {number} size */
const frame = (type, size) => {
  const bytes = Buffer.allocUnsafe(HEADER_BYTES + size)
  bytes[0] = PROTOCOL_VERSION
  bytes[1] = type
  return bytes
}

const writeU64 = (/** @type {Buffer} */ bytes, /** @type {number} */ value, /** @type {number} */ offset) => {
  bytes.writeUInt32BE(Math.floor(value / 2 ** 32), offset)
  bytes.writeUInt32BE(value % 2 ** 32, offset + 4)
}

const u32 = (/** @type {number} */ value) => Math.max(0, Math.min(Math.floor(value), 2 ** 32 - 1))

/**
 * The room's state, and the rates this connection may send at (so a device paces itself within
 * them rather than be cut off with ERROR 4).
 * @param {{ head: number, snapshotCovers: number, logEntries: number, logBytes: number }} room
 * @param {{ framesPerSecond: number, frameBurst: number, bytesPerSecond: number, byteBurst: number }} rates
 */
export const encodeWelcome = ({ head, snapshotCovers, logEntries, logBytes }, rates) => {
  const bytes = frame(RELAY.WELCOME, 44)
  writeU64(bytes, head, 2)
  writeU64(bytes, snapshotCovers, 10)
  bytes.writeUInt32BE(u32(logEntries), 18)
  writeU64(bytes, logBytes, 22)
  bytes.writeUInt32BE(u32(rates.framesPerSecond), 30)
  bytes.writeUInt32BE(u32(rates.frameBurst), 34)
  bytes.writeUInt32BE(u32(rates.bytesPerSecond), 38)
  bytes.writeUInt32BE(u32(rates.byteBurst), 42)
  return bytes
}

/** @param {number} type @param {number} value @param {Uint8Array} sealed */
const u64AndSealed = (type, value, sealed) => {
  const bytes = frame(type, 8 + sealed.length)
  writeU64(bytes, value, 2)
  bytes.set(sealed, 10)
  return bytes
}

/** @param {number} covers @param {Uint8Array} sealed */
export const encodeSnapshot = (covers, sealed) => u64AndSealed(RELAY.SNAPSHOT, covers, sealed)

/** @param {number} seq @param {Uint8Array} sealed */
export const encodeEntry = (seq, sealed) => u64AndSealed(RELAY.ENTRY, seq, sealed)

/** @param {number} head */
export const encodeCaughtUp = (head) => {
  const bytes = frame(RELAY.CAUGHT_UP, 8)
  writeU64(bytes, head, 2)
  return bytes
}

/** @param {number} ref @param {number} seq */
export const encodeAck = (ref, seq) => {
  const bytes = frame(RELAY.ACK, 12)
  bytes.writeUInt32BE(ref, 2)
  writeU64(bytes, seq, 6)
  return bytes
}

/** @param {Uint8Array} sealed */
export const encodePresence = (sealed) => {
  const bytes = frame(RELAY.PRESENCE, sealed.length)
  bytes.set(sealed, 2)
  return bytes
}

/**
 * @param {number} code
 * @param {string} message (cut to 200 bytes of UTF-8 on a character boundary)
 * @param {number} [ref] the APPEND or COMPACT this answers; 0 when it answers no request
 */
export const encodeError = (code, message, ref = 0) => {
  let text = Buffer.from(message, 'utf8')
  if (text.length > MAX_ERROR_MESSAGE_BYTES) {
    let end = MAX_ERROR_MESSAGE_BYTES
    while (end > 0 && (text[end] & 0xc0) === 0x80) end--
    text = text.subarray(0, end)
  }
  const bytes = frame(RELAY.ERROR, 5 + text.length)
  bytes[2] = code
  bytes.writeUInt32BE(ref, 3)
  bytes.set(text, 7)
  return bytes
}
