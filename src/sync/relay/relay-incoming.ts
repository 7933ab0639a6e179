import { decodeEnvelope, type SenderCounter } from './relay-envelope'
import type { RelayKeys } from './relay-keys'
import type { Reassembler } from './relay-reassembly'
import { openSealed } from './relay-seal'

/**
 * What a sealed ENTRY or SNAPSHOT from the relay turns out to be, before anything reaches the
 * document: opened with the room's key for its purpose, its envelope decoded whole, and its
 * parts put back together. The Yjs bytes inside are still untrusted (relay-update-check.ts);
 * `signed` ones are a signed state around them, still to be checked (docs/trust.md).
 */
export type OpenedEntry =
  | { kind: 'update'; sender: string; counter: number; docKey: string; signed: boolean; update: Uint8Array }
  | { kind: 'compacted'; sender: string; counter: number; docKey: string; signed: boolean; senders: SenderCounter[]; update: Uint8Array }
  | { kind: 'partial'; sender: string; counter: number; signed: boolean }
  /** A signed notice that a device refused an entry (sync/trust/relay-refusal.ts), still to be checked. */
  | { kind: 'refusal'; sender: string; counter: number; notice: Uint8Array }
  /** Failed to open: changed on the way or at rest, or sealed for another room or purpose. */
  | { kind: 'altered' }
  /** Opened, so a member sealed it, but its contents do not decode: a buggy or newer device. */
  | { kind: 'unreadable'; reason: string }

/** `acceptSigned`: this device checks signed states (it has the trust gate), so it reads envelope version 2. */
export const openEntry = async (keys: RelayKeys, purpose: 'entry' | 'snapshot', sealed: Uint8Array, reassembler: Reassembler, now: number, acceptSigned = false): Promise<OpenedEntry> => {
  const plain = await openSealed(keys, purpose, sealed)
  if (!plain) return { kind: 'altered' }
  const decoded = decodeEnvelope(plain, acceptSigned)
  if (!decoded.ok) return { kind: 'unreadable', reason: decoded.reason }
  const envelope = decoded.envelope
  if (purpose === 'snapshot') {
    if (envelope.kind !== 'compacted') return { kind: 'unreadable', reason: `a ${envelope.kind} sealed as a snapshot` }
    return { kind: 'compacted', sender: envelope.sender, counter: envelope.counter, docKey: envelope.docKey, signed: envelope.signed === true, senders: envelope.senders, update: envelope.update }
  }
  if (envelope.kind === 'refusal') return { kind: 'refusal', sender: envelope.sender, counter: envelope.counter, notice: envelope.payload }
  if (envelope.kind !== 'update') return { kind: 'unreadable', reason: `a ${envelope.kind} sealed as an entry` }
  const whole = reassembler.add(envelope, now)
  switch (whole.kind) {
    case 'message':
      return { kind: 'update', sender: whole.sender, counter: whole.counter, docKey: whole.docKey, signed: whole.signed, update: whole.payload }
    case 'partial':
      return { kind: 'partial', sender: envelope.sender, counter: envelope.counter, signed: envelope.signed === true }
    case 'dropped':
      return { kind: 'unreadable', reason: whole.reason }
  }
}
