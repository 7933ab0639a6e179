import type { Room } from 'y-webrtc'
import { RELAY } from '../crdt/origins'
import { interceptDocUpdates, publishToTabs, sendToPeer } from './adapters/y-webrtc-internals'
import type { RoomMessageKind } from './message-guard'
import { mark } from './sync-marks'
import { encodeTrustMessage, TRUST_MESSAGE_HEADER_BYTES, trustKindOf, trustPayloadOf, type TrustMessageKind } from './trust-room-message'
import type { ResyncHold } from './resync-hold'
import { CHECK_STATE_OFF_THREAD_FROM_BYTES, defaultStateCheck, receiveStateOffThread, type StateCheckOffThread } from './trust/state-off-thread'
import type { TrustChannel } from './trust/trust-channel'
import { encryptRoomBytes } from './y-webrtc-room-crypto'

/**
 * Signed changes over a y-webrtc room (docs/trust.md, "Signed changes"): what the hardening
 * (y-webrtc-hardening.ts) asks of the trust channel at the room's inputs and outputs.
 */
export interface RoomTrust {
  /** Whether a checked message is a trust message, handled here rather than by y-webrtc. */
  handles(kind: RoomMessageKind): kind is TrustMessageKind
  /** Whether a peer's message is an unsigned change, which is dropped: only signed ones count. */
  unsigned(kind: RoomMessageKind): boolean
  /** A peer's unsigned change was dropped: counted for the Sync status (TrustChannel.refusedUnsigned). */
  droppedUnsigned(): void
  /**
   * Whether this message is a large signed state that receive() checks whole in the checking
   * worker (its layout, every Yjs struct, its signature): the room then checks only its size
   * budget (room-message-admission.ts), rather than decode the whole workspace twice.
   */
  checksWhole(message: Uint8Array): boolean
  /**
   * A checked trust message (or one checksWhole took on); `reply` sends a message back the way
   * it came. Settles once the message has been dealt with (applied, refused or held).
   */
  receive(message: Uint8Array, reply: (message: Uint8Array) => void): Promise<void>
  /** y-webrtc's state for a peer (sync step 2): the signed message to send in its place. */
  signStateMessage(message: Uint8Array): Promise<Uint8Array> | null
}

/** y-webrtc's sync message type and y-protocols' step 2. */
const SYNC = 0
const SYNC_STEP_2 = 1

/** The Yjs update in a sync step 2 (type, step, then a varuint length and the update). */
const stepTwoUpdate = (message: Uint8Array): Uint8Array | null => {
  if (message[0] !== SYNC || message[1] !== SYNC_STEP_2) return null
  let at = 2
  let length = 0
  for (let shift = 0; at < message.length && shift < 35; shift += 7) {
    const byte = message[at++] as number
    length += (byte & 0x7f) * 2 ** shift
    if (byte < 0x80) return at + length === message.length ? message.subarray(at) : null
  }
  return null
}

/**
 * `offThread`: where a large signed state (a whole workspace for a device that has just joined)
 * is checked, as the relay's are (relay/relay-trust.ts): in the checking worker, in browsers.
 * A state the worker could not check is dropped, as the room drops any large message it could
 * not check (room-message-admission.ts); the next exchange of states brings it again.
 * `resync`: while a large state is checked and applied, this device's periodic ask for what it
 * lacks waits (resync-hold.ts), rather than have every peer send the same whole lab again.
 */
export const roomTrust = (
  channel: TrustChannel,
  offThread: StateCheckOffThread | null = defaultStateCheck(),
  resync: ResyncHold | null = null
): RoomTrust => ({
  handles: (kind): kind is TrustMessageKind => kind === 'trust-change' || kind === 'trust-state' || kind === 'trust-refusal',
  unsigned: (kind) => kind === 'sync-step-2' || kind === 'sync-update',
  droppedUnsigned: () => channel.refusedUnsigned(),
  checksWhole: (message) =>
    offThread !== null && trustKindOf(message) === 'trust-state' && message.length - TRUST_MESSAGE_HEADER_BYTES >= CHECK_STATE_OFF_THREAD_FROM_BYTES,
  async receive(message, reply) {
    const payload = trustPayloadOf(message)
    switch (trustKindOf(message)) {
      case 'trust-change':
        return channel.receiveChange(payload, { reply: (refusal) => reply(encodeTrustMessage('trust-refusal', refusal)) })
      case 'trust-state': {
        const large = payload.length >= CHECK_STATE_OFF_THREAD_FROM_BYTES
        const release = large ? resync?.hold() : undefined
        try {
          await (offThread && large
            ? receiveStateOffThread(channel, payload, undefined, offThread, () => mark('state-checked'))
            : channel.receiveState(payload))
          return
        } finally {
          release?.()
        }
      }
      case 'trust-refusal':
        return channel.receiveRefusal(payload)
    }
  },
  signStateMessage(message) {
    const update = stepTwoUpdate(message)
    return update ? channel.signState(update).then((signed) => encodeTrustMessage('trust-state', signed)) : null
  }
})

/**
 * Takes over how the room sends document changes: this device's changes leave signed (batched
 * by the channel), an accepted change from another device is passed on exactly as its author
 * signed it, and what arrived unsigned from this browser's other tabs (same device) is left to
 * them. Returns the function that stops sending.
 */
export const sendSignedChanges = (room: Room, key: CryptoKey, channel: TrustChannel, isRoomOrigin: (origin: unknown) => boolean): (() => void) => {
  let stopped = false
  const broadcast = (message: Uint8Array): void => {
    if (stopped) return
    for (const conn of room.webrtcConns.values()) {
      try {
        sendToPeer(conn, message)
      } catch {
        // A connection closing as we speak: y-webrtc drops and renews it.
      }
    }
    void encryptRoomBytes(message, key).then((data) => publishToTabs(room, data))
  }
  const stopOutgoing = channel.onOutgoing((signed, kind) => broadcast(encodeTrustMessage(kind === 'state' ? 'trust-state' : 'trust-change', signed)))
  interceptDocUpdates(room, (update, origin) => {
    const forwarding = channel.forwarding()
    if (forwarding) return broadcast(encodeTrustMessage('trust-change', forwarding))
    // Applied by the room itself (a state from another tab) or by the channel (a signed state):
    // others get it from the next exchange of states.
    if (isRoomOrigin(origin) || channel.applying()) return
    // From the relay: others' work this device passes on, vouched for as a state, not as its own.
    if (origin === RELAY) {
      void channel.signState(update).then((signed) => broadcast(encodeTrustMessage('trust-state', signed)))
      return
    }
    channel.local(update)
  })
  return () => {
    stopped = true
    stopOutgoing()
  }
}
