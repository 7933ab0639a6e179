/**
 * What is inside a sealed entry, snapshot or presence (docs/relay-protocol.md, "What is
 * inside a sealed entry or snapshot"):
 *
 *   byte 0       envelope version: 1, or 2 when the payload is a signed state (below)
 *   byte 1       kind: 1 Yjs update, 2 compacted state, 3 presence
 *   bytes 2–17   sender id (16 random bytes, new for each sync session)
 *   bytes 18–21  counter u32 (1, 2, 3 … for each message the sender appends)
 *   byte 22      docKey length n (0–64), then n bytes of UTF-8 docKey ("" = the root document)
 *   then         part u16 · parts u16 (0-based part; kinds 1 and 2 only)
 *   then         payload
 *
 * Kind 2's payload is count u16 · count × (sender[16] · counter u32) · a Yjs update.
 * Presence (kind 3) has docKey length 0 and no part fields: its payload follows byte 22.
 * Version 2 (docs/trust.md, "Relay entries"): kind 1's whole message, and kind 2's update, are
 * a signed state (sync/trust/signed-change.ts) rather than bare Yjs bytes; presence stays 1.
 * A device older than version 2 reports such an entry unreadable instead of applying it.
 * Kind 4 (version 2 only, docKey length 0, no part fields, at most MAX_REFUSAL_PAYLOAD_BYTES):
 * a signed notice that a device refused an entry (sync/trust/relay-refusal.ts); it is a log
 * entry like any other, so it takes the sender's next counter.
 * Decoding is pure and checks every length; anything else is a problem, not an envelope.
 */
export const ENVELOPE_VERSION = 1
export const SIGNED_ENVELOPE_VERSION = 2
export const SENDER_BYTES = 16
export const MAX_DOC_KEY_BYTES = 64
/** A message's payload travels in parts of at most this many bytes, so each sealed APPEND stays under 8 MiB. */
export const PART_BYTES = 4 * 1024 * 1024
/** The most senders a snapshot lists (the most recent). */
export const MAX_SNAPSHOT_SENDERS = 1000
/** A refusal notice is 150 bytes today; room for a later version, and no more. */
export const MAX_REFUSAL_PAYLOAD_BYTES = 512

export type EnvelopeKind = 'update' | 'compacted' | 'presence' | 'refusal'
const KIND_CODE: Record<EnvelopeKind, number> = { update: 1, compacted: 2, presence: 3, refusal: 4 }

export interface SenderCounter {
  /** 32 hex characters. */
  sender: string
  counter: number
}

interface EnvelopeHead {
  sender: string
  counter: number
}

export type Envelope =
  | (EnvelopeHead & { kind: 'update'; signed?: true; docKey: string; part: number; parts: number; payload: Uint8Array })
  | (EnvelopeHead & { kind: 'compacted'; signed?: true; docKey: string; part: number; parts: number; senders: SenderCounter[]; update: Uint8Array })
  | (EnvelopeHead & { kind: 'presence'; payload: Uint8Array })
  | (EnvelopeHead & { kind: 'refusal'; signed: true; payload: Uint8Array })

export type DecodedEnvelope = { ok: true; envelope: Envelope } | { ok: false; reason: string }

const HEAD_BYTES = 23
const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
const fromHex = (hex: string): Uint8Array => {
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new RangeError('A sender id is 32 lowercase hex characters')
  return Uint8Array.from(hex.match(/../g) as string[], (pair) => parseInt(pair, 16))
}

export const makeSenderId = (): string => toHex(crypto.getRandomValues(new Uint8Array(SENDER_BYTES)))

const checkCounter = (counter: number): void => {
  if (!Number.isInteger(counter) || counter < 1 || counter > 0xffffffff) throw new RangeError('A counter is a u32 from 1')
}

const writeHead = (kind: EnvelopeKind, sender: string, counter: number, docKey: string, extra: number, signed = false): { bytes: Uint8Array; view: DataView; at: number } => {
  checkCounter(counter)
  const key = new TextEncoder().encode(docKey)
  if (key.length > MAX_DOC_KEY_BYTES) throw new RangeError(`A docKey is at most ${MAX_DOC_KEY_BYTES} bytes`)
  const bytes = new Uint8Array(HEAD_BYTES + key.length + extra)
  const view = new DataView(bytes.buffer)
  bytes[0] = signed ? SIGNED_ENVELOPE_VERSION : ENVELOPE_VERSION
  bytes[1] = KIND_CODE[kind]
  bytes.set(fromHex(sender), 2)
  view.setUint32(18, counter)
  bytes[22] = key.length
  bytes.set(key, HEAD_BYTES)
  return { bytes, view, at: HEAD_BYTES + key.length }
}

/**
 * One envelope per part: a payload over PART_BYTES travels as several, with one counter.
 * `signed`: the payload is a signed state (version 2), not a bare Yjs update.
 */
export const encodeUpdateEnvelopes = (sender: string, counter: number, docKey: string, update: Uint8Array, partBytes = PART_BYTES, signed = false): Uint8Array[] => {
  const parts = Math.max(1, Math.ceil(update.length / partBytes))
  if (parts > 0xffff) throw new RangeError('Too many parts')
  return Array.from({ length: parts }, (_, part) => {
    const slice = update.subarray(part * partBytes, (part + 1) * partBytes)
    const { bytes, view, at } = writeHead('update', sender, counter, docKey, 4 + slice.length, signed)
    view.setUint16(at, part)
    view.setUint16(at + 2, parts)
    bytes.set(slice, at + 4)
    return bytes
  })
}

export const encodeCompactedEnvelope = (sender: string, counter: number, docKey: string, senders: readonly SenderCounter[], update: Uint8Array, signed = false): Uint8Array => {
  const listed = senders.slice(-MAX_SNAPSHOT_SENDERS)
  const listBytes = 2 + listed.length * (SENDER_BYTES + 4)
  const { bytes, view, at } = writeHead('compacted', sender, counter, docKey, 4 + listBytes + update.length, signed)
  view.setUint16(at, 0)
  view.setUint16(at + 2, 1)
  view.setUint16(at + 4, listed.length)
  let offset = at + 6
  for (const { sender: id, counter: last } of listed) {
    checkCounter(last)
    bytes.set(fromHex(id), offset)
    view.setUint32(offset + SENDER_BYTES, last)
    offset += SENDER_BYTES + 4
  }
  bytes.set(update, offset)
  return bytes
}

export const encodePresenceEnvelope = (sender: string, counter: number, awarenessUpdate: Uint8Array): Uint8Array => {
  const { bytes, at } = writeHead('presence', sender, counter, '', awarenessUpdate.length)
  bytes.set(awarenessUpdate, at)
  return bytes
}

/** A notice that this device refused an entry (always version 2: only signed sync sends one). */
export const encodeRefusalEnvelope = (sender: string, counter: number, notice: Uint8Array): Uint8Array => {
  if (notice.length === 0 || notice.length > MAX_REFUSAL_PAYLOAD_BYTES) throw new RangeError('A refusal notice is 1 to 512 bytes')
  const { bytes, at } = writeHead('refusal', sender, counter, '', notice.length, true)
  bytes.set(notice, at)
  return bytes
}

const refuse = (reason: string): DecodedEnvelope => ({ ok: false, reason })

/**
 * An envelope from an opened blob, every length checked; the payload is still untrusted Yjs or
 * awareness bytes. Version 2 is read only by a device that checks signed states (`acceptSigned`):
 * without the trust gate it is unreadable, as on a device older than it.
 */
export const decodeEnvelope = (bytes: Uint8Array, acceptSigned = false): DecodedEnvelope => {
  if (bytes.length < HEAD_BYTES) return refuse('shorter than an envelope header')
  const signed = acceptSigned && bytes[0] === SIGNED_ENVELOPE_VERSION
  if (bytes[0] !== ENVELOPE_VERSION && !signed) return refuse(`envelope version ${bytes[0]}`)
  const mark = signed ? { signed: true as const } : {}
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const sender = toHex(bytes.subarray(2, 18))
  const counter = view.getUint32(18)
  if (counter === 0) return refuse('counter 0')
  const keyLength = bytes[22] as number
  if (keyLength > MAX_DOC_KEY_BYTES) return refuse('docKey too long')
  if (bytes.length < HEAD_BYTES + keyLength) return refuse('docKey cut short')
  let docKey: string
  try {
    docKey = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(HEAD_BYTES, HEAD_BYTES + keyLength))
  } catch {
    return refuse('docKey is not UTF-8')
  }
  let at = HEAD_BYTES + keyLength
  const kind = bytes[1]
  if (kind === KIND_CODE.presence) {
    if (signed) return refuse('a signed presence')
    if (keyLength !== 0) return refuse('presence with a docKey')
    if (bytes.length === at) return refuse('empty presence')
    return { ok: true, envelope: { kind: 'presence', sender, counter, payload: bytes.slice(at) } }
  }
  if (kind === KIND_CODE.refusal) {
    if (!signed) return refuse('an unsigned refusal notice')
    if (keyLength !== 0) return refuse('a refusal notice with a docKey')
    if (bytes.length === at || bytes.length - at > MAX_REFUSAL_PAYLOAD_BYTES) return refuse('a refusal notice of the wrong size')
    return { ok: true, envelope: { kind: 'refusal', signed: true, sender, counter, payload: bytes.slice(at) } }
  }
  if (kind !== KIND_CODE.update && kind !== KIND_CODE.compacted) return refuse(`unknown envelope kind ${kind}`)
  if (bytes.length < at + 4) return refuse('part fields cut short')
  const part = view.getUint16(at)
  const parts = view.getUint16(at + 2)
  at += 4
  if (parts === 0 || part >= parts) return refuse(`part ${part} of ${parts}`)
  if (kind === KIND_CODE.update) {
    if (bytes.length === at) return refuse('empty update')
    return { ok: true, envelope: { kind: 'update', ...mark, sender, counter, docKey, part, parts, payload: bytes.slice(at) } }
  }
  if (parts !== 1) return refuse('a compacted state in parts')
  if (bytes.length < at + 2) return refuse('sender list cut short')
  const count = view.getUint16(at)
  at += 2
  if (count > MAX_SNAPSHOT_SENDERS) return refuse('too many senders listed')
  if (bytes.length < at + count * (SENDER_BYTES + 4)) return refuse('sender list cut short')
  const senders: SenderCounter[] = []
  for (let i = 0; i < count; i++) {
    const last = view.getUint32(at + SENDER_BYTES)
    if (last === 0) return refuse('a listed counter of 0')
    senders.push({ sender: toHex(bytes.subarray(at, at + SENDER_BYTES)), counter: last })
    at += SENDER_BYTES + 4
  }
  if (bytes.length === at) return refuse('a compacted state with no update')
  return { ok: true, envelope: { kind: 'compacted', ...mark, sender, counter, docKey, part, parts, senders, update: bytes.slice(at) } }
}
