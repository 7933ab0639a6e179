export const PROTOCOL_VERSION: 1
export const MAX_ENTRY_BYTES: number
export const MAX_SNAPSHOT_BYTES: number
export const MAX_PRESENCE_BYTES: number
export const MIN_SEALED_BYTES: number
export const MAX_CLIENT_FRAME_BYTES: number

export const CLIENT: { readonly HELLO: 0x01; readonly APPEND: 0x02; readonly COMPACT: 0x03; readonly PRESENCE: 0x04 }
export const RELAY: {
  readonly WELCOME: 0x81
  readonly SNAPSHOT: 0x82
  readonly ENTRY: 0x83
  readonly CAUGHT_UP: 0x84
  readonly ACK: 0x85
  readonly PRESENCE: 0x86
  readonly ERROR: 0x87
}
export const ERROR_CODE: {
  readonly UNSUPPORTED_VERSION: 1
  readonly MALFORMED: 2
  readonly TOO_LARGE: 3
  readonly RATE_LIMITED: 4
  readonly UNAVAILABLE: 5
  readonly FULL: 6
  readonly COMPACTION_REFUSED: 7
  readonly TOO_MANY_CONNECTIONS: 8
  readonly NOT_ALLOWED: 9
}

export type ClientFrame =
  | { kind: 'hello'; token: Buffer; after: number }
  | { kind: 'append'; ref: number; sealed: Buffer }
  | { kind: 'compact'; ref: number; covers: number; sealed: Buffer }
  | { kind: 'presence'; sealed: Buffer }
  | import('./file-frames.d.mts').FileClientFrame
  | { kind: 'problem'; code: number; message: string }

export function decodeClientFrame(bytes: Buffer): ClientFrame
export function encodeWelcome(
  room: { head: number; snapshotCovers: number; logEntries: number; logBytes: number },
  rates: { framesPerSecond: number; frameBurst: number; bytesPerSecond: number; byteBurst: number }
): Buffer
export function encodeSnapshot(covers: number, sealed: Uint8Array): Buffer
export function encodeEntry(seq: number, sealed: Uint8Array): Buffer
export function encodeCaughtUp(head: number): Buffer
export function encodeAck(ref: number, seq: number): Buffer
export function encodePresence(sealed: Uint8Array): Buffer
/** `ref`: the APPEND or COMPACT the ERROR answers (0: none). */
export function encodeError(code: number, message: string, ref?: number): Buffer
