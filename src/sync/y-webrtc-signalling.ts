import * as decoding from 'lib0/decoding'
import type { SignalingConn, WebrtcProvider } from 'y-webrtc'
import { z } from 'zod'
import { answersNewcomer } from '../domain/peer-mesh'
import {
  abandonQuietly,
  dialPeer,
  interceptSignallingMessages,
  interceptSignallingSend,
  isInitiator,
  signallingSocketOf
} from './adapters/y-webrtc-internals'
import { connectionStats } from './connection-stats'
import type { Handshakes } from './y-webrtc-handshakes'
import { decryptRoomData, fromBase64 } from './y-webrtc-room-crypto'

/**
 * The signalling side of the y-webrtc hardening (see y-webrtc-hardening.ts): what a
 * signalling server relays reaches y-webrtc only when it is JSON, decrypts with the room key
 * and has the shape y-webrtc reads; and announcements and offers go through the room's
 * handshake pacing (y-webrtc-handshakes.ts). What it needs of y-webrtc's insides (signalling
 * connections' socket and observers) is in adapters/y-webrtc-internals.ts.
 */

export type RejectedSource = 'signalling' | 'tab' | 'peer'
export type OnRejected = (source: RejectedSource, reason: string) => void

const PeerIdSchema = z.string().min(1).max(100)
const SignalDataSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('announce'), from: PeerIdSchema }),
  z.object({
    type: z.literal('signal'),
    from: PeerIdSchema,
    to: PeerIdSchema,
    token: z.number().optional(),
    signal: z.object({ type: z.string().max(40).optional() }).passthrough()
  })
])

const PublishSchema = z.object({ type: z.literal('publish'), topic: z.string(), data: z.string().max(256 * 1024) })

/** Rooms whose signalling this device checks, by room name. */
export interface GuardedRoom {
  key: PromiseLike<CryptoKey | null>
  provider: WebrtcProvider
  onRejected: OnRejected
  /** The signalling ids of every device this one reaches, directly or through others. */
  reachable: () => Iterable<string>
  /** Paces this room's handshakes: announcements are dialled and offers answered through it. */
  handshakes: Handshakes
}
const guardedRooms = new Map<string, GuardedRoom>()
const guardedConns = new WeakSet<SignalingConn>()

/**
 * y-webrtc dials a device that announces itself only while it has fewer than maxConns
 * connections. When it is full and the announcer is out of reach of its whole group, a few
 * devices of the group dial anyway (domain/peer-mesh.ts), so a capped mesh stays in one piece.
 */
const answerUnreachable = (room: GuardedRoom, from: string, conn: SignalingConn): void => {
  const { provider } = room
  const joined = provider.room
  if (!joined || !provider.shouldConnect) return
  // While its own connections are still opening, a device does not yet see its group (in a
  // room that all arrives at once, each would think itself alone and answer everyone; the
  // extra connections slowed the whole room down). The newcomer announces itself again
  // (reviveProvider) and is answered once the room has settled.
  for (const other of joined.webrtcConns.values()) if (!other.connected) return
  if (!answersNewcomer(joined.peerId, from, room.reachable())) return
  dialPeer(provider, joined, conn, from)
}

/**
 * Someone announced itself. y-webrtc would dial it at once while it has fewer than maxConns
 * connections; here the handshake pacing dials it when a slot is free. A full device may still
 * answer a newcomer its group cannot reach (answerUnreachable).
 */
const onAnnounce = (room: GuardedRoom, from: string, conn: SignalingConn): void => {
  const { provider } = room
  const joined = provider.room
  if (!joined || !provider.shouldConnect) return
  if (from === joined.peerId || joined.webrtcConns.has(from) || joined.bcConns.has(from)) return
  if (joined.webrtcConns.size < provider.maxConns) room.handshakes.heardAnnounce(from, conn)
  else answerUnreachable(room, from, conn)
}

/**
 * Two devices that announce themselves at the same moment (both back online together) dial
 * each other at once, and each receives an offer for the connection it is itself offering.
 * y-webrtc passes that offer into its own dialling connection, and both ends then report a
 * connection open on which nothing arrives. One rule settles it, the same on both ends: the
 * device with the lower signalling id keeps dialling and ignores the other's offer; the other
 * drops its own attempt and answers. Returns whether y-webrtc should see the offer.
 */
const settleCrossedOffers = (room: GuardedRoom, from: string): boolean => {
  const joined = room.provider.room
  const mine = joined?.webrtcConns.get(from)
  if (!joined || !mine || mine.connected) return true
  if (!isInitiator(mine)) return true
  if (joined.peerId < from) return false
  // Drop our attempt quietly: y-webrtc's close handler would remove whatever connection is
  // filed under this device by then, which is the one about to answer.
  abandonQuietly(mine)
  joined.webrtcConns.delete(from)
  return true
}

/**
 * Is this relayed message one y-webrtc can act on without throwing? It must decrypt with the
 * room key (a device with a wrong secret fails here) and have the shape y-webrtc reads. An
 * answer must be for a connection this device opened: y-webrtc dereferences it unchecked.
 * Messages y-webrtc would only decrypt again to ignore (for another device, or this one's own)
 * stop here; announcements are dialled by the handshake pacing, not y-webrtc; an offer may
 * wait for a free slot, and `deliver` hands it to y-webrtc then. True: deliver it now.
 */
const acceptSignal = async (message: unknown, conn: SignalingConn, deliver: () => void): Promise<boolean> => {
  if (typeof message !== 'object' || message === null) return false
  const type = (message as { type?: unknown }).type
  if (type !== 'publish') return true
  const publish = PublishSchema.safeParse(message)
  if (!publish.success) return false
  const room = guardedRooms.get(publish.data.topic)
  if (!room) return true // not one of ours: y-webrtc ignores topics it has no room for
  try {
    const key = await room.key
    if (!key) return false
    const plain = await decryptRoomData(fromBase64(publish.data.data), key)
    connectionStats.signallingRead++
    const data = SignalDataSchema.safeParse(decoding.readAny(decoding.createDecoder(plain)))
    if (!data.success) {
      room.onRejected('signalling', 'a signalling message of an unknown shape')
      return false
    }
    const joined = room.provider.room
    if (!joined) return true // not open yet: y-webrtc ignores it too
    const signal = data.data
    if (signal.from === joined.peerId || joined.bcConns.has(signal.from)) return false
    if (signal.type === 'announce') {
      onAnnounce(room, signal.from, conn)
      return false
    }
    if (signal.to !== joined.peerId) return false
    room.handshakes.progressed(signal.from)
    if (signal.signal.type === 'answer') return joined.webrtcConns.has(signal.from)
    if (signal.signal.type !== 'offer') return true
    if (!settleCrossedOffers(room, signal.from)) return false
    // An offer on a connection that exists (renegotiation, or answering a crossed offer) goes through.
    if (joined.webrtcConns.has(signal.from)) return true
    return room.handshakes.admitOffer(signal.from, deliver)
  } catch {
    room.onRejected('signalling', 'a signalling message that does not decrypt with this workspace’s key')
    return false
  }
}

/** Tells every room that uses this signalling connection what it refused. */
const rejectFromConn = (conn: SignalingConn, reason: string): void => {
  for (const room of guardedRooms.values()) {
    if ((room.provider.signalingConns as SignalingConn[]).includes(conn)) room.onRejected('signalling', reason)
  }
}

/** WebSocket.OPEN, the same in browsers and Node's ws. */
const SOCKET_OPEN = 1

/**
 * y-webrtc sends signalling messages when its (asynchronous) encryption finishes, through lib0,
 * which sends on whatever socket it has: while that socket is still opening after a reconnect,
 * WebSocket.send throws, uncaught, inside a promise. Such a message is dropped instead; on
 * reconnecting, y-webrtc subscribes and announces this device again, and connections that
 * lost a step are dropped and retried (reviveProvider).
 */
const guardSend = (conn: SignalingConn): void =>
  interceptSignallingSend(conn, (send) => (message: unknown) => {
    const ws = signallingSocketOf(conn)
    if (!ws || ws.readyState !== SOCKET_OPEN) return
    try {
      send(message)
    } catch {
      // Closed between the check and the send: as above.
    }
  })
const guardedSockets = new WeakSet<object>()

/**
 * lib0's signalling client runs JSON.parse on every text frame inside the socket's onmessage,
 * before any handler of ours can see it: a server sending text that is not JSON makes it throw
 * uncaught. This parses first, drops anything but a JSON object, and hands lib0 the parsed
 * object (which it passes on as it is). lib0 makes a new socket on every reconnect, and sets
 * its onmessage before the socket can open, so each one is wrapped when it connects.
 */
const guardSocketText = (conn: SignalingConn): void => {
  const ws = signallingSocketOf(conn)
  const original = ws?.onmessage
  if (!ws || typeof original !== 'function' || guardedSockets.has(ws)) return
  guardedSockets.add(ws)
  ws.onmessage = function (event) {
    const data = event.data
    if (typeof data !== 'string') return original.call(this, event)
    let message: unknown
    try {
      message = JSON.parse(data)
    } catch {
      return rejectFromConn(conn, 'a signalling message that is not JSON')
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      return rejectFromConn(conn, 'a signalling message that is not a JSON object')
    }
    original.call(this, { data: message })
  }
}

/**
 * Puts a check in front of a signalling connection's message handlers (y-webrtc's, shared by
 * every room on the connection). Messages keep their order: each waits for the one before.
 */
export const guardSignallingConn = (conn: SignalingConn): void => {
  if (guardedConns.has(conn)) return
  guardedConns.add(conn)
  guardSend(conn)
  guardSocketText(conn)
  conn.on('connect', () => guardSocketText(conn))
  interceptSignallingMessages(conn, (handlers) => {
    let queue: Promise<void> = Promise.resolve()
    return (message: unknown, ...rest: unknown[]) => {
      const deliver = (): void => {
        for (const handler of handlers) {
          try {
            handler(message, ...rest)
          } catch {
            // y-webrtc threw on a message that passed the check; dropping it is all we can do.
          }
        }
      }
      queue = queue.then(async () => {
        if (await acceptSignal(message, conn, deliver)) deliver()
      })
    }
  })
}

/** Checks this room's signalling from now on; returns a function that stops it. */
export const guardRoomSignalling = (roomName: string, room: GuardedRoom): (() => void) => {
  guardedRooms.set(roomName, room)
  room.provider.signalingConns.forEach((conn) => guardSignallingConn(conn))
  return () => {
    if (guardedRooms.get(roomName)?.provider === room.provider) guardedRooms.delete(roomName)
  }
}

/** Signalling connections are made on connect(): guard the new ones. */
export const guardNewSignallingConns = (provider: WebrtcProvider): void =>
  provider.signalingConns.forEach((conn) => guardSignallingConn(conn))
