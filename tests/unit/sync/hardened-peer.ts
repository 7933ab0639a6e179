import { EventEmitter } from 'node:events'
import * as encoding from 'lib0/encoding'
import { Observable } from 'lib0/observable'
import type { WebrtcProvider } from 'y-webrtc'
import * as Y from 'yjs'
import { splitMessage } from '../../../src/sync/peer-chunks'
import { hardenProvider, type RejectedSource } from '../../../src/sync/y-webrtc-hardening'
import type { RoomTrust } from '../../../src/sync/y-webrtc-trust'

/** A y-webrtc sync message (0) of the given step (1: a state, 2: an update) carrying a text of `chars` characters. */
export const syncMessage = (step: 1 | 2, chars: number): Uint8Array => {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, 'x'.repeat(chars))
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc))
  return encoding.toUint8Array(encoder)
}

/** A y-webrtc provider as far as the hardening reads it: a room (with no key, no tabs) holding one connection to `remote`. */
export const fakeProvider = (peerId: string, remote: string, conn: object): WebrtcProvider =>
  Object.assign(new Observable<string>(), {
    key: Promise.resolve(null),
    shouldConnect: true,
    maxConns: 8,
    signalingConns: [],
    peerOpts: {},
    room: { name: 'room', peerId, bcConns: new Set(), webrtcConns: new Map([[remote, conn]]) }
  }) as unknown as WebrtcProvider

/**
 * One peer connection, hardened as the app hardens it (behind `trust`, the room's side of the
 * trust gate, when given), whose y-webrtc handler records what reaches it.
 */
export const hardenedPeer = (trust: RoomTrust | null = null) => {
  const peer = Object.assign(new EventEmitter(), {
    initiator: true,
    send: (_data: Uint8Array) => {},
    _channel: null,
    _pc: null
  })
  const reachedYWebrtc: Uint8Array[] = []
  peer.on('data', (message: Uint8Array) => reachedYWebrtc.push(message))
  const conn = { peer, connected: true, destroy: () => {} }
  const provider = fakeProvider('me', 'them', conn)
  const rejected: { source: RejectedSource; reason: string }[] = []
  const stop = hardenProvider(provider, 'room', (source, reason) => rejected.push({ source, reason }), () => {}, () => [], trust)
  provider.emit('peers', [{ added: ['them'], removed: [], webrtcPeers: ['them'], bcPeers: [] }])
  const receive = (message: Uint8Array): void => {
    for (const frame of splitMessage(message)) peer.emit('data', frame)
  }
  return { receive, reachedYWebrtc, rejected, stop }
}

/** Until every message already received has been dealt with (the checks keep arrival order). */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 50))
