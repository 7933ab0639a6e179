import { MAX_STATE_MESSAGE_BYTES } from './peer-message-budget'

/**
 * WebRTC data channels refuse messages over the peers' negotiated maximum (256 KiB between
 * Chromiums, less elsewhere), and y-webrtc sends a whole workspace in one message when two
 * devices first meet: without this, any real workspace would never arrive. Large messages are
 * sent as a run of chunks on the (ordered, reliable) channel and put back together on arrival.
 *
 * Framing: y-webrtc messages start with a one-byte type below 0x80. A chunk starts with
 * 0xC0 (more follow) or 0xC1 (last), then its slice of the message; 0xC2 and 0xC3 mark the
 * chunks of a gzip-compressed message (see message-compression.ts). Small messages go as
 * they are, so two peers exchange exactly what y-webrtc would for everyday edits.
 */
const MORE = 0xc0
const LAST = 0xc1
const MORE_COMPRESSED = 0xc2
const LAST_COMPRESSED = 0xc3

/** Safe everywhere: Firefox and Safari have had 64 KiB limits. */
export const DEFAULT_CHUNK_BYTES = 64 * 1024
/**
 * A peer cannot make this device hold more than this in one reassembled message: the largest
 * a message may carry at all (peer-message-budget.ts), as sent (compressed or not).
 */
export const MAX_MESSAGE_BYTES = MAX_STATE_MESSAGE_BYTES

export const isChunk = (frame: Uint8Array): boolean => frame.length > 0 && (frame[0] as number) >= MORE && (frame[0] as number) <= LAST_COMPRESSED

/**
 * The frames to send for one message. A message that fits is sent unchanged, unless it is
 * compressed: the receiver must be told that, so a compressed message is always framed.
 */
export const splitMessage = (message: Uint8Array, maxFrameBytes = DEFAULT_CHUNK_BYTES, compressed = false): Uint8Array[] => {
  if (message.length <= maxFrameBytes && !compressed) return [message]
  const slice = maxFrameBytes - 1
  const frames: Uint8Array[] = []
  for (let start = 0; start < message.length || frames.length === 0; start += slice) {
    const end = Math.min(start + slice, message.length)
    const frame = new Uint8Array(end - start + 1)
    const last = end === message.length
    frame[0] = compressed ? (last ? LAST_COMPRESSED : MORE_COMPRESSED) : last ? LAST : MORE
    frame.set(message.subarray(start, end), 1)
    frames.push(frame)
  }
  return frames
}

export type Reassembled =
  | { kind: 'message'; message: Uint8Array; compressed: boolean }
  | { kind: 'partial' }
  | { kind: 'dropped'; reason: string }

/** Puts chunked messages back together, one channel's frames at a time, in order. */
export const makeReassembler = (maxMessageBytes = MAX_MESSAGE_BYTES) => {
  let parts: Uint8Array[] = []
  let size = 0
  let overflowed = false
  return (frame: Uint8Array): Reassembled => {
    if (!isChunk(frame)) {
      if (parts.length > 0 || overflowed) {
        // A whole message in the middle of a chunked one: the sender broke the framing.
        parts = []
        size = 0
        overflowed = false
        return { kind: 'dropped', reason: 'a message that arrived in the middle of a chunked one' }
      }
      return { kind: 'message', message: frame, compressed: false }
    }
    const last = frame[0] === LAST || frame[0] === LAST_COMPRESSED
    const compressed = frame[0] === MORE_COMPRESSED || frame[0] === LAST_COMPRESSED
    if (!overflowed) {
      size += frame.length - 1
      if (size > maxMessageBytes) {
        overflowed = true
        parts = []
      } else {
        parts.push(frame.subarray(1))
      }
    }
    if (!last) return { kind: 'partial' }
    if (overflowed) {
      overflowed = false
      size = 0
      return { kind: 'dropped', reason: `a message over ${maxMessageBytes} bytes` }
    }
    const message = new Uint8Array(size)
    let offset = 0
    for (const part of parts) {
      message.set(part, offset)
      offset += part.length
    }
    parts = []
    size = 0
    return { kind: 'message', message, compressed }
  }
}
