import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { docMessageParts, isDocMessage } from './doc-room-message'
import { checkTrustMessage, isTrustMessage, type TrustMessageKind } from './trust-room-message'

/**
 * Checks a y-webrtc room message (from a peer's data channel or another tab's
 * BroadcastChannel) before y-webrtc acts on it. y-webrtc decodes as it applies: a malformed
 * message throws half-way, after part of it may already be in the document, and the throw
 * escapes as an uncaught error. Here the whole message is decoded first, without touching
 * anything; only messages that decode completely, with nothing left over, go through.
 *
 * Message types are y-webrtc's: 0 sync (y-protocols step 1, step 2 or update), 1 awareness,
 * 3 awareness query, 4 BroadcastChannel peer id; and Mutual's own: 77 signed (trust-room-message.ts),
 * 78 an artifact document's (doc-room-message.ts).
 */
export type RoomMessageKind =
  | 'sync-step-1'
  | 'sync-step-2'
  | 'sync-update'
  | 'awareness'
  | 'awareness-query'
  | 'bc-peer-id'
  | TrustMessageKind
  | 'doc-message'

/** What an artifact document's message may carry: its sync, signed or not; never presence. */
const DOC_MESSAGE_KINDS = new Set<RoomMessageKind>(['sync-step-1', 'sync-step-2', 'sync-update', 'trust-change', 'trust-state', 'trust-refusal'])

const SYNC = 0
const AWARENESS = 1
const QUERY_AWARENESS = 3
const BC_PEER_ID = 4

const readAwarenessUpdate = (bytes: Uint8Array): void => {
  const decoder = decoding.createDecoder(bytes)
  const count = decoding.readVarUint(decoder)
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder) // client id
    decoding.readVarUint(decoder) // clock
    const state: unknown = JSON.parse(decoding.readVarString(decoder))
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) throw new Error('Awareness state is not an object')
  }
  if (decoding.hasContent(decoder)) throw new Error('Trailing bytes in awareness update')
}

const readSync = (decoder: decoding.Decoder): RoomMessageKind => {
  const step = decoding.readVarUint(decoder)
  const payload = decoding.readVarUint8Array(decoder)
  switch (step) {
    case 0:
      Y.decodeStateVector(payload)
      return 'sync-step-1'
    case 1:
    case 2:
      // Structure only: Y.decodeUpdate reads every struct and the delete set, applying nothing.
      if (payload.length === 0) throw new Error('Empty update')
      Y.decodeUpdate(payload)
      return step === 1 ? 'sync-step-2' : 'sync-update'
    default:
      throw new Error(`Unknown sync step ${step}`)
  }
}

/** The message's kind when it is well-formed through to its last byte; null otherwise. */
export const checkRoomMessage = (message: unknown): RoomMessageKind | null => {
  const bytes = message instanceof Uint8Array ? message : message instanceof ArrayBuffer ? new Uint8Array(message) : null
  if (!bytes || bytes.length === 0) return null
  // Signed changes (trust-room-message.ts): a layout of their own, not lib0's.
  if (isTrustMessage(bytes)) return checkTrustMessage(bytes)
  if (isDocMessage(bytes)) {
    const parts = docMessageParts(bytes)
    const inner = parts && checkRoomMessage(parts.message)
    return inner && DOC_MESSAGE_KINDS.has(inner) ? 'doc-message' : null
  }
  try {
    const decoder = decoding.createDecoder(bytes)
    let kind: RoomMessageKind
    switch (decoding.readVarUint(decoder)) {
      case SYNC:
        kind = readSync(decoder)
        break
      case AWARENESS:
        readAwarenessUpdate(decoding.readVarUint8Array(decoder))
        kind = 'awareness'
        break
      case QUERY_AWARENESS:
        kind = 'awareness-query'
        break
      case BC_PEER_ID: {
        const flag = decoding.readUint8(decoder)
        if (flag !== 0 && flag !== 1) return null
        decoding.readVarString(decoder)
        kind = 'bc-peer-id'
        break
      }
      default:
        return null
    }
    return decoding.hasContent(decoder) ? null : kind
  } catch {
    return null
  }
}

/** A y-protocols awareness update that decodes through to its last byte (relay presence uses it too). */
export const isAwarenessUpdate = (bytes: Uint8Array): boolean => {
  try {
    readAwarenessUpdate(bytes)
    return true
  } catch {
    return false
  }
}
