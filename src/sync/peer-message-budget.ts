import * as decoding from 'lib0/decoding'
import { docMessageParts } from './doc-room-message'
import { isTrustMessage, trustKindOf } from './trust-room-message'

/**
 * How much one message from a peer or another tab may carry, by what it is. Everything a peer
 * sends is untrusted: the budget is checked on the bytes as they arrive (before any decoding)
 * and again once a compressed message is unpacked, and a message over it is refused whole.
 *
 * - Live traffic (an edit, presence, "here is what I have") is small: a long paste is tens of
 *   KB. MAX_LIVE_MESSAGE_BYTES leaves room for pasting a whole report, and no more.
 * - The state two devices exchange when they meet (y-protocols' sync step 2) is the whole
 *   workspace for a fresh device: about 4.3 MB for the six-month lab of the benchmarks
 *   (tests/bench/seed). MAX_STATE_MESSAGE_BYTES allows about seven times that.
 *
 * Anything larger than CHECK_OFF_THREAD_ABOVE_BYTES is checked in a worker with a time limit
 * (untrusted-update.ts), so that a large or crafted message neither freezes the page nor is
 * decoded twice on it: the page decodes it once, when Yjs applies it.
 */
export const MAX_LIVE_MESSAGE_BYTES = 4 * 1024 * 1024
export const MAX_STATE_MESSAGE_BYTES = 32 * 1024 * 1024
export const CHECK_OFF_THREAD_ABOVE_BYTES = 256 * 1024

/** y-webrtc's sync message type, and y-protocols' step 2 (a state). */
const SYNC = 0
const SYNC_STEP_2 = 1

/** Whether the message says it is a state (sync step 2), from its first bytes only. */
const isState = (message: Uint8Array): boolean => {
  // An artifact document's message (doc-room-message.ts) is judged by the message it carries.
  const doc = docMessageParts(message)
  if (doc) return isState(doc.message)
  // A signed state (trust-room-message.ts) is a state too.
  if (isTrustMessage(message)) return trustKindOf(message) === 'trust-state'
  try {
    const decoder = decoding.createDecoder(message)
    return decoding.readVarUint(decoder) === SYNC && decoding.readVarUint(decoder) === SYNC_STEP_2
  } catch {
    return false
  }
}

/** The most a message like this one may carry. */
export const budgetFor = (message: Uint8Array): number => (isState(message) ? MAX_STATE_MESSAGE_BYTES : MAX_LIVE_MESSAGE_BYTES)

const megabytes = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`

/** Null when the message is within its budget; otherwise why it is refused, for onRejected. */
export const overBudget = (message: Uint8Array): string | null => {
  const budget = budgetFor(message)
  if (message.length <= budget) return null
  return `a message of ${megabytes(message.length)}, over the ${megabytes(budget)} one message may carry`
}
