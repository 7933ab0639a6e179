// The relay protocol's file frames (docs/relay-protocol.md, "Files"): attachments sealed on a
// member's device and kept by the relay under an opaque id, in parts that each fit one frame.
// Pure: no I/O, no state. A decode never throws; what it cannot accept comes back as a problem.

/** A sealed file's slice in one FILE_PUT or FILE_PART (every part but the last is exactly this). */
export const FILE_PART_BYTES = 4 * 1024 * 1024
/** The largest sealed file: the app's 20 MB attachment limit and the seal's 29 bytes. */
export const MAX_FILE_SEALED_BYTES = 20_000_000 + 29
/** Ids one FILE_HAS may ask about. */
export const MAX_FILE_IDS_PER_QUERY = 256
const ID_BYTES = 32
const TOKEN_BYTES = 32
const HEADER_BYTES = 2

export const FILE_CLIENT = /** @type {const} */ ({ FILES_HELLO: 0x05, FILE_HAS: 0x06, FILE_PUT: 0x07, FILE_GET: 0x08 })
export const FILE_RELAY = /** @type {const} */ ({ FILES_WELCOME: 0x88, FILE_HELD: 0x89, FILE_PART: 0x8a, FILE_NONE: 0x8b })

/** How many parts a sealed file of `total` bytes travels in. */
export const filePartCount = (/** @type {number} */ total) => Math.ceil(total / FILE_PART_BYTES)
/** The exact length part `part` of a `total`-byte sealed file has. */
export const filePartLength = (/** @type {number} */ total, /** @type {number} */ part) =>
  Math.min(FILE_PART_BYTES, total - part * FILE_PART_BYTES)

const MALFORMED = 2
const TOO_LARGE = 3
/** @param {number} code @param {string} message */
const problem = (code, message) => /** @type {const} */ ({ kind: 'problem', code, message })

/**
 * The body (after version and type) of a client's file frame, or null when `type` is not one.
 * @param {number} type @param {Buffer} body
 * @returns {import('./file-frames.d.mts').FileClientFrame | { kind: 'problem', code: number, message: string } | null}
 */
export const decodeFileClientFrame = (type, body) => {
  switch (type) {
    case FILE_CLIENT.FILES_HELLO:
      if (body.length !== TOKEN_BYTES) return problem(MALFORMED, 'FILES_HELLO is a 32-byte token.')
      return { kind: 'files-hello', token: body }
    case FILE_CLIENT.FILE_HAS: {
      if (body.length < 6) return problem(MALFORMED, 'FILE_HAS is too short.')
      const count = body.readUInt16BE(4)
      if (count === 0 || count > MAX_FILE_IDS_PER_QUERY) return problem(MALFORMED, `FILE_HAS asks about 1 to ${MAX_FILE_IDS_PER_QUERY} files.`)
      if (body.length !== 6 + count * ID_BYTES) return problem(MALFORMED, 'FILE_HAS has the wrong length for its count.')
      const ids = []
      for (let i = 0; i < count; i++) ids.push(body.subarray(6 + i * ID_BYTES, 6 + (i + 1) * ID_BYTES))
      return { kind: 'file-has', ref: body.readUInt32BE(0), ids }
    }
    case FILE_CLIENT.FILE_PUT: {
      const head = 4 + ID_BYTES + 4 + 2
      if (body.length <= head) return problem(MALFORMED, 'FILE_PUT is too short.')
      const total = body.readUInt32BE(4 + ID_BYTES)
      const part = body.readUInt16BE(4 + ID_BYTES + 4)
      const slice = body.subarray(head)
      if (total > MAX_FILE_SEALED_BYTES) return problem(TOO_LARGE, 'A file may be at most 20 MB.')
      if (part >= filePartCount(total) || slice.length !== filePartLength(total, part)) {
        return problem(MALFORMED, 'FILE_PUT’s part does not fit its file’s size.')
      }
      return { kind: 'file-put', ref: body.readUInt32BE(0), id: body.subarray(4, 4 + ID_BYTES), total, part, slice }
    }
    case FILE_CLIENT.FILE_GET:
      if (body.length !== 4 + ID_BYTES) return problem(MALFORMED, 'FILE_GET is a ref and a 32-byte id.')
      return { kind: 'file-get', ref: body.readUInt32BE(0), id: body.subarray(4) }
    default:
      return null
  }
}

/** @param {number} type @param {number} size @param {number} version */
const frame = (type, size, version) => {
  const bytes = Buffer.allocUnsafe(HEADER_BYTES + size)
  bytes[0] = version
  bytes[1] = type
  return bytes
}

const u32 = (/** @type {number} */ value) => Math.max(0, Math.min(Math.floor(value), 2 ** 32 - 1))

/**
 * @param {{ framesPerSecond: number, frameBurst: number, bytesPerSecond: number, byteBurst: number }} rates
 * @param {number} version
 */
export const encodeFilesWelcome = (rates, version) => {
  const bytes = frame(FILE_RELAY.FILES_WELCOME, 24, version)
  bytes.writeUInt32BE(u32(rates.framesPerSecond), 2)
  bytes.writeUInt32BE(u32(rates.frameBurst), 6)
  bytes.writeUInt32BE(u32(rates.bytesPerSecond), 10)
  bytes.writeUInt32BE(u32(rates.byteBurst), 14)
  bytes.writeUInt32BE(MAX_FILE_SEALED_BYTES, 18)
  bytes.writeUInt32BE(FILE_PART_BYTES, 22)
  return bytes
}

/** @param {number} ref @param {boolean[]} held @param {number} version */
export const encodeFileHeld = (ref, held, version) => {
  const bytes = frame(FILE_RELAY.FILE_HELD, 6 + Math.ceil(held.length / 8), version)
  bytes.writeUInt32BE(ref, 2)
  bytes.writeUInt16BE(held.length, 6)
  bytes.fill(0, 8)
  held.forEach((yes, i) => {
    if (yes) bytes[8 + (i >> 3)] |= 0x80 >> (i & 7)
  })
  return bytes
}

/** @param {number} ref @param {number} total @param {number} part @param {Uint8Array} slice @param {number} version */
export const encodeFilePart = (ref, total, part, slice, version) => {
  const bytes = frame(FILE_RELAY.FILE_PART, 10 + slice.length, version)
  bytes.writeUInt32BE(ref, 2)
  bytes.writeUInt32BE(total, 6)
  bytes.writeUInt16BE(part, 10)
  bytes.set(slice, 12)
  return bytes
}

/** @param {number} ref @param {number} version */
export const encodeFileNone = (ref, version) => {
  const bytes = frame(FILE_RELAY.FILE_NONE, 4, version)
  bytes.writeUInt32BE(ref, 2)
  return bytes
}
