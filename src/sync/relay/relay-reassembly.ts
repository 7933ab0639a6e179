/**
 * Puts the parts of a message (one sender, one counter) back together. The relay decides what
 * arrives and when, so every dimension is bounded: parts per message, bytes per message,
 * messages waiting at once, and how long an unfinished one waits before it is dropped.
 */
export const MAX_PARTS = 64
export const MAX_MESSAGE_BYTES = 96 * 1024 * 1024
export const MAX_PENDING_MESSAGES = 16
export const PENDING_TIMEOUT_MS = 5 * 60_000

export interface PartOf {
  sender: string
  counter: number
  docKey: string
  /** Envelope version 2: the message is a signed state. */
  signed?: true
  part: number
  parts: number
  payload: Uint8Array
}

export type Reassembled =
  | { kind: 'message'; sender: string; counter: number; docKey: string; signed: boolean; payload: Uint8Array }
  | { kind: 'partial' }
  | { kind: 'dropped'; reason: string }

interface Pending {
  parts: number
  received: Map<number, Uint8Array>
  bytes: number
  startedAt: number
}

export interface Reassembler {
  add(part: PartOf, now: number): Reassembled
  /** Drops what has waited too long; returns how many went. */
  expire(now: number): number
  pendingCount(): number
}

export const makeRelayReassembler = (limits = { maxParts: MAX_PARTS, maxBytes: MAX_MESSAGE_BYTES, maxPending: MAX_PENDING_MESSAGES, timeoutMs: PENDING_TIMEOUT_MS }): Reassembler => {
  const pending = new Map<string, Pending>()
  const expire = (now: number): number => {
    let dropped = 0
    for (const [key, entry] of pending) {
      if (now - entry.startedAt > limits.timeoutMs) {
        pending.delete(key)
        dropped++
      }
    }
    return dropped
  }
  return {
    add(part, now) {
      if (part.parts === 1) return { kind: 'message', sender: part.sender, counter: part.counter, docKey: part.docKey, signed: part.signed === true, payload: part.payload }
      if (part.parts > limits.maxParts) return { kind: 'dropped', reason: `a message in ${part.parts} parts` }
      expire(now)
      // The version is part of the key: parts of a signed message never complete an unsigned one.
      const key = `${part.sender}:${part.counter}:${part.docKey}:${part.signed === true ? 2 : 1}`
      let entry = pending.get(key)
      if (!entry) {
        if (pending.size >= limits.maxPending) return { kind: 'dropped', reason: 'too many messages waiting for their parts' }
        entry = { parts: part.parts, received: new Map(), bytes: 0, startedAt: now }
        pending.set(key, entry)
      }
      if (entry.parts !== part.parts) {
        pending.delete(key)
        return { kind: 'dropped', reason: 'parts that disagree on their number' }
      }
      if (entry.received.has(part.part)) return { kind: 'partial' } // a resend of a part already here
      entry.bytes += part.payload.length
      if (entry.bytes > limits.maxBytes) {
        pending.delete(key)
        return { kind: 'dropped', reason: `a message over ${limits.maxBytes} bytes` }
      }
      entry.received.set(part.part, part.payload)
      if (entry.received.size < entry.parts) return { kind: 'partial' }
      pending.delete(key)
      const payload = new Uint8Array(entry.bytes)
      let offset = 0
      for (let i = 0; i < entry.parts; i++) {
        const slice = entry.received.get(i) as Uint8Array
        payload.set(slice, offset)
        offset += slice.length
      }
      return { kind: 'message', sender: part.sender, counter: part.counter, docKey: part.docKey, signed: part.signed === true, payload }
    },
    expire,
    pendingCount: () => pending.size
  }
}
