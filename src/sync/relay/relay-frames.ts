/**
 * The relay's WebSocket frames, client side (docs/relay-protocol.md, "Frames"). Every frame
 * is one binary message:
 *
 *   byte 0   protocol version (1)
 *   byte 1   frame type
 *   byte 2…  body; integers big-endian; u64 values below 2^53
 *
 * Client → relay: HELLO 0x01 token[32] · after u64 | APPEND 0x02 ref u32 · sealed |
 *                 COMPACT 0x03 ref u32 · covers u64 · sealed | PRESENCE 0x04 sealed
 * Relay → client: WELCOME 0x81 head u64 · snapshotCovers u64 · logEntries u32 · logBytes u64 ·
 *                 framesPerSecond u32 · frameBurst u32 · bytesPerSecond u32 · byteBurst u32 |
 *                 SNAPSHOT 0x82 covers u64 · sealed | ENTRY 0x83 seq u64 · sealed |
 *                 CAUGHT_UP 0x84 head u64 | ACK 0x85 ref u32 · seq u64 |
 *                 PRESENCE 0x86 sealed | ERROR 0x87 code u8 · ref u32 (the APPEND or COMPACT it
 *                 answers; 0 for none) · UTF-8 message (≤ 200 bytes)
 *
 * What the relay sends is `unknown` until decodeRelayFrame accepts all of it: a frame of the
 * wrong kind, size or shape comes back as a problem, and nothing is acted on.
 */
import type { RelayRates } from './relay-pacer'

export const PROTOCOL_VERSION = 1

/** Sealed sizes (the relay enforces the same). */
export const MAX_ENTRY_BYTES = 8 * 1024 * 1024
export const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024
export const MAX_PRESENCE_BYTES = 64 * 1024
const MAX_ERROR_MESSAGE_BYTES = 200
const TOKEN_BYTES = 32

const FRAME = {
  hello: 0x01,
  append: 0x02,
  compact: 0x03,
  presence: 0x04,
  welcome: 0x81,
  snapshot: 0x82,
  entry: 0x83,
  caughtUp: 0x84,
  ack: 0x85,
  relayPresence: 0x86,
  error: 0x87
} as const

export const RELAY_ERROR = {
  unsupportedVersion: 1,
  malformed: 2,
  tooLarge: 3,
  rateLimited: 4,
  unavailable: 5,
  full: 6,
  compactionRefused: 7,
  tooManyConnections: 8,
  notAllowed: 9
} as const

export type RelayFrame =
  | { type: 'welcome'; head: number; snapshotCovers: number; logEntries: number; logBytes: number; rates: RelayRates }
  | { type: 'snapshot'; covers: number; sealed: Uint8Array }
  | { type: 'entry'; seq: number; sealed: Uint8Array }
  | { type: 'caught-up'; head: number }
  | { type: 'ack'; ref: number; seq: number }
  | { type: 'presence'; sealed: Uint8Array }
  | { type: 'error'; code: number; ref: number; message: string }

export type FrameProblem =
  | { problem: 'newer-version'; version: number }
  | { problem: 'malformed'; reason: string }
  | { problem: 'too-large'; bytes: number }

export type DecodedFrame = { ok: true; frame: RelayFrame } | ({ ok: false } & FrameProblem)

const HEADER = 2
const MAX_SAFE = Number.MAX_SAFE_INTEGER

const frame = (type: number, bodyBytes: number): { bytes: Uint8Array; view: DataView } => {
  const bytes = new Uint8Array(HEADER + bodyBytes)
  bytes[0] = PROTOCOL_VERSION
  bytes[1] = type
  return { bytes, view: new DataView(bytes.buffer) }
}

const writeU64 = (view: DataView, at: number, value: number): void => {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError('A u64 here is a safe, non-negative integer')
  view.setUint32(at, Math.floor(value / 2 ** 32))
  view.setUint32(at + 4, value % 2 ** 32)
}

const readU64 = (view: DataView, at: number): number | null => {
  const value = view.getUint32(at) * 2 ** 32 + view.getUint32(at + 4)
  return value <= MAX_SAFE ? value : null
}

export const encodeHello = (token: Uint8Array, after: number): Uint8Array => {
  if (token.length !== TOKEN_BYTES) throw new RangeError('A relay token is 32 bytes')
  const { bytes, view } = frame(FRAME.hello, TOKEN_BYTES + 8)
  bytes.set(token, HEADER)
  writeU64(view, HEADER + TOKEN_BYTES, after)
  return bytes
}

const withRef = (type: number, ref: number, extra: number, sealed: Uint8Array, max: number): { bytes: Uint8Array; view: DataView } => {
  if (sealed.length > max) throw new RangeError(`A sealed blob here is at most ${max} bytes`)
  if (!Number.isInteger(ref) || ref < 0 || ref > 0xffffffff) throw new RangeError('A ref is a u32')
  const out = frame(type, 4 + extra + sealed.length)
  out.view.setUint32(HEADER, ref)
  out.bytes.set(sealed, HEADER + 4 + extra)
  return out
}

export const encodeAppend = (ref: number, sealed: Uint8Array): Uint8Array => withRef(FRAME.append, ref, 0, sealed, MAX_ENTRY_BYTES).bytes

export const encodeCompact = (ref: number, covers: number, sealed: Uint8Array): Uint8Array => {
  const { bytes, view } = withRef(FRAME.compact, ref, 8, sealed, MAX_SNAPSHOT_BYTES)
  writeU64(view, HEADER + 4, covers)
  return bytes
}

export const encodePresence = (sealed: Uint8Array): Uint8Array => {
  if (sealed.length > MAX_PRESENCE_BYTES) throw new RangeError(`Presence is at most ${MAX_PRESENCE_BYTES} bytes`)
  const { bytes } = frame(FRAME.presence, sealed.length)
  bytes.set(sealed, HEADER)
  return bytes
}

/** The largest frame the relay may send: a snapshot with its covers. */
export const MAX_RELAY_FRAME_BYTES = HEADER + 8 + MAX_SNAPSHOT_BYTES

const malformed = (reason: string): DecodedFrame => ({ ok: false, problem: 'malformed', reason })

const exactly = (body: number, expected: number, name: string): DecodedFrame | null =>
  body === expected ? null : malformed(`${name} has ${body} body bytes, not ${expected}`)

/** One frame from the relay, whole and within its limits, or the problem with it. */
export const decodeRelayFrame = (input: unknown): DecodedFrame => {
  const bytes = input instanceof Uint8Array ? input : input instanceof ArrayBuffer ? new Uint8Array(input) : null
  if (!bytes) return malformed('not a binary frame')
  if (bytes.length > MAX_RELAY_FRAME_BYTES) return { ok: false, problem: 'too-large', bytes: bytes.length }
  if (bytes.length < HEADER) return malformed('shorter than a frame header')
  const version = bytes[0] as number
  if (version > PROTOCOL_VERSION) return { ok: false, problem: 'newer-version', version }
  if (version !== PROTOCOL_VERSION) return malformed(`protocol version ${version}`)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const body = bytes.length - HEADER
  const u64 = (at: number, name: string): number | DecodedFrame => readU64(view, HEADER + at) ?? malformed(`${name} is 2^53 or more`)
  const numbers = (...values: (number | DecodedFrame)[]): number[] | DecodedFrame => {
    const bad = values.find((v): v is DecodedFrame => typeof v !== 'number')
    return bad ?? (values as number[])
  }
  const sealedFrom = (at: number, max: number, name: string): Uint8Array | DecodedFrame => {
    const length = body - at
    if (length <= 0) return malformed(`${name} carries no sealed blob`)
    if (length > max) return { ok: false, problem: 'too-large', bytes: length }
    return bytes.slice(HEADER + at)
  }
  switch (bytes[1]) {
    case FRAME.welcome: {
      const wrong = exactly(body, 44, 'WELCOME')
      if (wrong) return wrong
      const n = numbers(u64(0, 'head'), u64(8, 'snapshotCovers'), view.getUint32(HEADER + 16), u64(20, 'logBytes'))
      if (!Array.isArray(n)) return n
      const [head, snapshotCovers, logEntries, logBytes] = n as [number, number, number, number]
      if (snapshotCovers > head) return malformed('WELCOME has a snapshot above its head')
      const [framesPerSecond, frameBurst, bytesPerSecond, byteBurst] = [28, 32, 36, 40].map((at) => view.getUint32(HEADER + at)) as [number, number, number, number]
      // Rates of 0 would have this device wait for ever: a relay that sends them is broken.
      if (!framesPerSecond || !frameBurst || !bytesPerSecond || !byteBurst) return malformed('WELCOME has a rate of 0')
      const rates = { framesPerSecond, frameBurst, bytesPerSecond, byteBurst }
      return { ok: true, frame: { type: 'welcome', head, snapshotCovers, logEntries, logBytes, rates } }
    }
    case FRAME.snapshot:
    case FRAME.entry: {
      const isSnapshot = bytes[1] === FRAME.snapshot
      const name = isSnapshot ? 'SNAPSHOT' : 'ENTRY'
      if (body < 8) return malformed(`${name} is too short`)
      const at = u64(0, isSnapshot ? 'covers' : 'seq')
      if (typeof at !== 'number') return at
      if (!isSnapshot && at === 0) return malformed('ENTRY seq 0')
      const sealed = sealedFrom(8, isSnapshot ? MAX_SNAPSHOT_BYTES : MAX_ENTRY_BYTES, name)
      if (!(sealed instanceof Uint8Array)) return sealed
      return { ok: true, frame: isSnapshot ? { type: 'snapshot', covers: at, sealed } : { type: 'entry', seq: at, sealed } }
    }
    case FRAME.caughtUp: {
      const wrong = exactly(body, 8, 'CAUGHT_UP')
      if (wrong) return wrong
      const head = u64(0, 'head')
      return typeof head === 'number' ? { ok: true, frame: { type: 'caught-up', head } } : head
    }
    case FRAME.ack: {
      const wrong = exactly(body, 12, 'ACK')
      if (wrong) return wrong
      const seq = u64(4, 'seq')
      return typeof seq === 'number' ? { ok: true, frame: { type: 'ack', ref: view.getUint32(HEADER), seq } } : seq
    }
    case FRAME.relayPresence: {
      const sealed = sealedFrom(0, MAX_PRESENCE_BYTES, 'PRESENCE')
      return sealed instanceof Uint8Array ? { ok: true, frame: { type: 'presence', sealed } } : sealed
    }
    case FRAME.error: {
      if (body < 5) return malformed('ERROR without a code and a ref')
      if (body - 5 > MAX_ERROR_MESSAGE_BYTES) return { ok: false, problem: 'too-large', bytes: body - 5 }
      let message: string
      try {
        message = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(HEADER + 5))
      } catch {
        return malformed('ERROR message is not UTF-8')
      }
      return { ok: true, frame: { type: 'error', code: bytes[HEADER] as number, ref: view.getUint32(HEADER + 1), message } }
    }
    default:
      return malformed(`unknown frame type ${bytes[1]}`)
  }
}
