import { EventEmitter } from 'node:events'
import type { WebrtcConn } from 'y-webrtc'
import { sendToPeer } from '../../../src/sync/adapters/y-webrtc-internals'
import type { PeerLink } from '../../../src/sync/attachment-exchange'
import type { DocumentRoom } from '../../../src/sync/document-room'
import { splitMessage } from '../../../src/sync/peer-chunks'
import { hardenProvider, type RejectedSource } from '../../../src/sync/y-webrtc-hardening'
import { fakeProvider } from './hardened-peer'

/** One end of a connection: hardened as the app hardens it, its artifact documents behind `documents`. */
const end = (name: string, remote: string, documents: (links: () => PeerLink[]) => DocumentRoom) => {
  const peer = Object.assign(new EventEmitter(), {
    initiator: name < remote,
    send: (_data: Uint8Array) => {},
    // What the hardening's outbox looks at before sending: an open channel with room.
    _channel: { readyState: 'open', bufferedAmount: 0, addEventListener: () => {} },
    _pc: null
  })
  /** What reached y-webrtc's own handler (the workspace document's messages). */
  const reachedYWebrtc: Uint8Array[] = []
  peer.on('data', (message: Uint8Array) => reachedYWebrtc.push(message))
  const conn = { peer, connected: true, remotePeerId: remote, destroy: () => {} }
  const link: PeerLink = { id: remote, send: (message) => sendToPeer(conn as unknown as WebrtcConn, message) }
  const room = documents(() => [link])
  const provider = fakeProvider(name, remote, conn)
  const rejected: { source: RejectedSource; reason: string }[] = []
  const stop = hardenProvider(provider, 'room', (source, reason) => rejected.push({ source, reason }), () => {}, () => [], null, undefined, null, room)
  provider.emit('peers', [{ added: [remote], removed: [], webrtcPeers: [remote], bcPeers: [] }])
  /** A message arriving from the other end, in frames, as the data channel delivers it. */
  const receive = (message: Uint8Array): void => {
    for (const frame of splitMessage(message)) peer.emit('data', frame)
  }
  return { peer, room, rejected, reachedYWebrtc, receive, stop }
}

/**
 * Two devices with one WebRTC connection between them, in this process: what one end sends
 * arrives at the other a moment later (never in the same task, as on a network), through both
 * ends' hardening. `connect()` opens the connection (each end's 'connect').
 */
export const linkedPeers = (documents: { a: (links: () => PeerLink[]) => DocumentRoom; b: (links: () => PeerLink[]) => DocumentRoom }) => {
  const a = end('a', 'b', documents.a)
  const b = end('b', 'a', documents.b)
  a.peer.send = (data) => void setTimeout(() => b.peer.emit('data', data), 0)
  b.peer.send = (data) => void setTimeout(() => a.peer.emit('data', data), 0)
  return {
    a,
    b,
    connect() {
      a.peer.emit('connect')
      b.peer.emit('connect')
    },
    stop() {
      for (const side of [a, b]) {
        side.stop()
        side.room.destroy()
      }
    }
  }
}
