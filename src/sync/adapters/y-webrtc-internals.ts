import * as bc from 'lib0/broadcastchannel'
import { WebrtcConn, type Room, type SignalingConn, type WebrtcProvider } from 'y-webrtc'

/**
 * Every use of y-webrtc's (and its simple-peer's and lib0 websocket client's) private fields
 * and methods, in one place. y-webrtc has no hooks for checking what arrives, pacing
 * handshakes or chunking large messages, so the hardening (y-webrtc-hardening.ts,
 * y-webrtc-signalling.ts, y-webrtc-handshakes.ts, resync-peers.ts) wraps these.
 *
 * Pinned: y-webrtc 10.3.0 (with simple-peer 9.11.1, as y-webrtc bundles it), exactly, in
 * package.json. tests/unit/sync/y-webrtc-internals.test.ts checks the installed version and
 * that each field and method used here exists, with the type used, on real objects: an
 * upgrade that changes one fails there, not in a workshop.
 */
export const PINNED_Y_WEBRTC_VERSION = '10.3.0'

type Listener = (...args: unknown[]) => void

/** The simple-peer inside a WebrtcConn, as far as this file uses it. */
interface SimplePeerInternals {
  initiator?: boolean
  send(data: Uint8Array): void
  destroy(): void
  on(event: string, listener: Listener): void
  prependListener(event: string, listener: Listener): void
  listeners(event: string): Listener[]
  removeAllListeners(event: string): void
  _channel?: RTCDataChannel | null
  _pc?: RTCPeerConnection | null
}

const peerOf = (conn: WebrtcConn): SimplePeerInternals => conn.peer as SimplePeerInternals

// ---- peers (WebrtcConn → simple-peer) ----

/** Whether this device sent the offer for the connection. */
export const isInitiator = (conn: WebrtcConn): boolean => peerOf(conn).initiator === true

/** Listens to one of the connection's simple-peer events ('connect', 'close', 'data', 'signal', 'iceStateChange'). */
export const onPeerEvent = (conn: WebrtcConn, event: string, listener: Listener): void => peerOf(conn).on(event, listener)

/** Runs before y-webrtc's own listener for 'connect' (which sends at once). */
export const beforePeerConnect = (conn: WebrtcConn, listener: () => void): void => peerOf(conn).prependListener('connect', listener)

/** Sends bytes on the connection, as y-webrtc does (through whatever wraps its send). */
export const sendToPeer = (conn: WebrtcConn, data: Uint8Array): void => peerOf(conn).send(data)

/** The connection's data channel, once simple-peer has one. */
export const dataChannelOf = (conn: WebrtcConn): RTCDataChannel | null => peerOf(conn)._channel ?? null

/** The largest message the two ends agreed on (SCTP), when known. */
export const negotiatedMaxMessageSize = (conn: WebrtcConn): number | null => peerOf(conn)._pc?.sctp?.maxMessageSize ?? null

/**
 * Replaces what y-webrtc sends on a connection: `wrap` gets simple-peer's own send and returns
 * the send y-webrtc (and everything else) will call from now on.
 */
export const interceptPeerSend = (conn: WebrtcConn, wrap: (send: (data: Uint8Array) => void) => (data: Uint8Array) => void): void => {
  const peer = peerOf(conn)
  peer.send = wrap(peer.send.bind(peer))
}

/**
 * Puts `handle` between a connection's incoming frames and y-webrtc: y-webrtc's own 'data'
 * listeners are taken off and handed to `wrap`, which returns the one listener left.
 */
export const interceptPeerData = (conn: WebrtcConn, wrap: (deliver: readonly Listener[]) => (frame: unknown) => void): void => {
  const peer = peerOf(conn)
  const handlers = peer.listeners('data')
  peer.removeAllListeners('data')
  peer.on('data', wrap(handlers) as Listener)
}

/**
 * Ends an attempt without y-webrtc's close handler, which would remove whatever connection is
 * filed under the device by then (the one about to replace it) and announce this device again.
 */
export const abandonQuietly = (conn: WebrtcConn): void => {
  const peer = peerOf(conn)
  peer.removeAllListeners('close')
  peer.destroy()
}

/** Opens a connection to a device as y-webrtc does on hearing its announcement. */
export const dialPeer = (provider: WebrtcProvider, room: Room, via: SignalingConn, remote: string): void => {
  room.webrtcConns.set(remote, new WebrtcConn(via, true, remote, room))
  provider.emit('peers', [{ added: [remote], removed: [], webrtcPeers: [...room.webrtcConns.keys()], bcPeers: [...room.bcConns] }])
}

// ---- other tabs: the room's BroadcastChannel subscriber ----

type BcSubscriber = (data: ArrayBuffer, origin?: unknown) => PromiseLike<unknown>

/**
 * lib0's publish hands a message to this tab's own subscribers as well as to other tabs, and
 * y-webrtc publishes with no origin; what came from another tab lib0 marks with this origin.
 */
export const isFromAnotherTab = (origin: unknown): boolean => origin === 'broadcastchannel'
interface RoomInternals {
  name: string
  _bcSubscriber: BcSubscriber
}

/** Swaps the room's BroadcastChannel handler for `wrap(original)`, subscribed in its place when it was. */
export const interceptBroadcastChannel = (room: Room, wrap: (original: BcSubscriber) => (data: unknown, origin?: unknown) => PromiseLike<unknown>): void => {
  const internals = room as unknown as RoomInternals
  const original = internals._bcSubscriber
  const guarded = wrap(original) as BcSubscriber
  const wasSubscribed = bc.unsubscribe(internals.name, original)
  internals._bcSubscriber = guarded
  if (wasSubscribed) bc.subscribe(internals.name, guarded)
}

// ---- signalling connections (lib0 WebsocketClient) ----

interface SignallingSocket {
  readyState: number
  onmessage: ((this: unknown, event: { data: unknown }) => void) | null
}
interface SignallingInternals {
  ws: SignallingSocket | null
  _observers: Map<string, Set<Listener>>
  send(message: unknown): void
}
const signallingOf = (conn: SignalingConn): SignallingInternals => conn as unknown as SignallingInternals

/** The connection's current socket (lib0 makes a new one on every reconnect). */
export const signallingSocketOf = (conn: SignalingConn): SignallingSocket | null => signallingOf(conn).ws

/** Replaces what is sent on the signalling connection: `wrap` gets lib0's send. */
export const interceptSignallingSend = (conn: SignalingConn, wrap: (send: (message: unknown) => void) => (message: unknown) => void): void => {
  const internals = signallingOf(conn)
  internals.send = wrap(internals.send.bind(conn))
}

/**
 * Puts one listener in front of the connection's 'message' observers (y-webrtc's, shared by
 * every room on it): they are handed to `wrap`; false when there were none to take over.
 */
export const interceptSignallingMessages = (conn: SignalingConn, wrap: (handlers: readonly Listener[]) => Listener): boolean => {
  const observers = signallingOf(conn)._observers.get('message')
  if (!observers) return false
  const handlers = [...observers]
  observers.clear()
  observers.add(wrap(handlers))
  return true
}

// ---- the room's document updates (Room._docUpdateHandler) ----

type DocUpdateHandler = (update: Uint8Array, origin: unknown) => void
interface RoomUpdateInternals {
  doc: { on(event: 'update', f: DocUpdateHandler): void; off(event: 'update', f: DocUpdateHandler): void }
  bcconnected: boolean
  _docUpdateHandler: DocUpdateHandler
}

/**
 * Replaces how the room sends document changes (y-webrtc sends every update, unsigned, to
 * peers and tabs): `handler` is called instead, for every update, from now on, including after
 * the room disconnects and connects again (it reads the field each time).
 */
export const interceptDocUpdates = (room: Room, handler: DocUpdateHandler): void => {
  const internals = room as unknown as RoomUpdateInternals
  const connected = internals.bcconnected
  if (connected) internals.doc.off('update', internals._docUpdateHandler)
  internals._docUpdateHandler = handler
  if (connected) internals.doc.on('update', handler)
}

/** Publishes already encrypted bytes to the room's other tabs, as y-webrtc does. */
export const publishToTabs = (room: Room, data: Uint8Array): void => {
  if ((room as unknown as RoomUpdateInternals).bcconnected) bc.publish((room as unknown as RoomInternals).name, data)
}
