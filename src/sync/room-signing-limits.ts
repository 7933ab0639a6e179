import { DOC_MESSAGE_HEADER_BYTES } from './doc-room-message'
import { MAX_LIVE_MESSAGE_BYTES, MAX_STATE_MESSAGE_BYTES } from './peer-message-budget'
import type { SigningLimits } from './trust/change-batcher'
import { MAX_ENVELOPE_OVERHEAD_BYTES } from './trust/signed-change'
import { TRUST_MESSAGE_HEADER_BYTES } from './trust-room-message'

/**
 * The largest update this device signs for a WebRTC room as a change, and as a state: what a
 * peer takes in one message of that kind (peer-message-budget.ts), less the envelope and the
 * room message around it. A change any larger would be refused by every peer as over budget,
 * so it goes as a state; a state any larger reaches them only through the relay or a file.
 */
const AROUND_AN_UPDATE = TRUST_MESSAGE_HEADER_BYTES + MAX_ENVELOPE_OVERHEAD_BYTES

export const ROOM_SIGNING_LIMITS: SigningLimits = {
  change: MAX_LIVE_MESSAGE_BYTES - AROUND_AN_UPDATE,
  state: MAX_STATE_MESSAGE_BYTES - AROUND_AN_UPDATE
}

/** The same for an artifact document, whose messages carry its docKey as well (doc-room-message.ts). */
export const DOC_ROOM_SIGNING_LIMITS: SigningLimits = {
  change: ROOM_SIGNING_LIMITS.change - DOC_MESSAGE_HEADER_BYTES,
  state: ROOM_SIGNING_LIMITS.state - DOC_MESSAGE_HEADER_BYTES
}
