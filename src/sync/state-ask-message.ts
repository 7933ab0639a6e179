import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import type * as Y from 'yjs'

/** y-webrtc's message type for sync messages (y-webrtc 10.3, `messageSync`), and y-protocols' step 1. */
const MESSAGE_SYNC = 0
const SYNC_STEP_1 = 0

/**
 * "Here is what I have, send what I lack": y-webrtc's sync step 1, carrying this device's state
 * vector as it is now. y-webrtc sends one when a connection opens; resync-peers.ts and
 * state-asks.ts send them later.
 */
export const stateAskMessage = (doc: Y.Doc): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

/** Whether an outgoing message is such an ask (both type bytes are single-byte varuints). */
export const isStateAsk = (message: Uint8Array): boolean => message[0] === MESSAGE_SYNC && message[1] === SYNC_STEP_1
