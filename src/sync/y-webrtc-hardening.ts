import * as bc from 'lib0/broadcastchannel'
import type { Room, SignalingConn, WebrtcConn, WebrtcProvider } from 'y-webrtc'
import { checkRoomMessage } from './message-guard'
import { compressionAvailable, gunzip, gzip } from './message-compression'
import { DEFAULT_CHUNK_BYTES, MAX_MESSAGE_BYTES, makeReassembler, splitMessage } from './peer-chunks'
import { decryptRoomData, encryptRoomData } from './y-webrtc-room-crypto'
import { guardRoomSignalling, type OnRejected } from './y-webrtc-signalling'

export { guardNewSignallingConns, type OnRejected, type RejectedSource } from './y-webrtc-signalling'

/**
 * y-webrtc trusts what arrives: a message that fails to decrypt or decode throws inside an
 * event handler (an uncaught error, or an unhandled rejection), and a half-decoded update may
 * already be in the document when it throws. These wrappers sit at y-webrtc's three inputs
 * (signalling server, other tabs, peers) and let through only what decrypts with the room key
 * and decodes completely. They also chunk large peer messages (see peer-chunks.ts).
 *
 * They reach into y-webrtc 10.3's objects (the room's BroadcastChannel subscriber, each
 * connection's simple-peer, each signalling connection's socket and observers). Every such
 * access is in this file and y-webrtc-signalling.ts, so an upgrade of y-webrtc has two places
 * to check.
 */

/** Timing marks read by the sync benchmarks, around large (chunked) messages: rare, so cheap. */
const markLarge = (name: string): void => {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(`mutual:sync:${name}`)
}

// ---- other tabs: y-webrtc's BroadcastChannel subscriber ----

type RoomInternals = Room & { _bcSubscriber: (data: ArrayBuffer) => PromiseLike<unknown> }

const guardBroadcastChannel = (room: RoomInternals, key: CryptoKey, onRejected: OnRejected): void => {
  const original = room._bcSubscriber
  let queue: Promise<void> = Promise.resolve()
  const guarded = (data: unknown): PromiseLike<unknown> => {
    queue = queue.then(async () => {
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Uint8Array ? data : null
      if (!bytes) return onRejected('tab', 'a message that is not bytes')
      let plain: Uint8Array
      try {
        plain = await decryptRoomData(bytes, key)
      } catch {
        return onRejected('tab', 'a message that does not decrypt with this workspace’s key')
      }
      if (!checkRoomMessage(plain)) return onRejected('tab', 'a malformed message')
      try {
        await original(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
      } catch {
        onRejected('tab', 'a message y-webrtc could not apply')
      }
    })
    return queue
  }
  // The room subscribed its own handler when it connected; swap it for the guarded one.
  const wasSubscribed = bc.unsubscribe(room.name, original)
  room._bcSubscriber = guarded as RoomInternals["_bcSubscriber"]
  if (wasSubscribed) bc.subscribe(room.name, guarded)
}

// ---- peers: each WebRTC connection's simple-peer ----

type Observer = (...args: unknown[]) => void

interface SimplePeer {
  send(data: Uint8Array): void
  listeners(event: string): Observer[]
  removeAllListeners(event: string): void
  on(event: string, listener: Observer): void
  prependListener(event: string, listener: Observer): void
  _channel?: RTCDataChannel | null
  _pc?: RTCPeerConnection | null
}

/** Messages wait in this device's queue rather than overfill the channel's own buffer. */
const CHANNEL_HIGH_WATER = 1024 * 1024

/**
 * The largest frame the two ends agreed on. Read once per connection, when it opens (see
 * guardPeer): in Node's WebRTC every read of pc.sctp crosses into native code, and reading it
 * on every send took a quarter of a busy peer's CPU.
 */
const chunkBytesFor = (peer: SimplePeer): number => {
  const negotiated = peer._pc?.sctp?.maxMessageSize
  return negotiated && Number.isFinite(negotiated) && negotiated > 1024 ? Math.min(negotiated, DEFAULT_CHUNK_BYTES) : DEFAULT_CHUNK_BYTES
}

const guardedPeers = new WeakSet<object>()
/** When each connection was first seen, to find the ones stuck half-way (see reviveProvider). */
const firstSeen = new WeakMap<object, number>()
/** When each connection opened, and when a frame last came in on it (see dropSilentConnections). */
const openedAt = new WeakMap<object, number>()
const lastHeardAt = new WeakMap<object, number>()

/** Messages above this are gzipped on the way (initial syncs, big pastes); below, latency wins. */
const COMPRESS_ABOVE = 64 * 1024

/**
 * Lets the page paint before compressing a large message: y-webrtc passes every change it
 * receives on to its other peers, so a device that has just received a whole workspace would
 * otherwise compress it again before showing it. At most a short wait where frames are paused.
 */
const afterPaint = (): Promise<void> =>
  new Promise((resolve) => {
    const fallback = setTimeout(resolve, 50)
    if (typeof requestAnimationFrame !== 'function') return
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback)
        resolve()
      }, 0)
    )
  })

const guardPeer = (conn: WebrtcConn, onRejected: OnRejected, onChange: () => void): void => {
  const peer = conn.peer as SimplePeer
  if (guardedPeers.has(peer)) return
  guardedPeers.add(peer)
  firstSeen.set(conn, Date.now())
  const compress = compressionAvailable()
  // Until the channel opens nothing goes out, and the safe size is used (see chunkBytesFor).
  let chunkBytes = DEFAULT_CHUNK_BYTES

  // Outgoing: compress large messages, chunk, and keep order with backpressure. A message
  // being compressed holds back the ones after it.
  const send = peer.send.bind(peer)
  const outbox: (Uint8Array | Promise<Uint8Array[]>)[] = []
  let waiting = false
  const watched = new WeakSet<RTCDataChannel>()
  const pump = (): void => {
    const channel = peer._channel
    if (!channel) return
    if (!watched.has(channel)) {
      watched.add(channel)
      channel.addEventListener('bufferedamountlow', pump)
    }
    while (outbox.length > 0) {
      const head = outbox[0] as Uint8Array | Promise<Uint8Array[]>
      if (head instanceof Promise) {
        if (!waiting) {
          waiting = true
          void head.then(
            (frames) => {
              outbox.splice(0, 1, ...frames)
              waiting = false
              pump()
            },
            () => {
              outbox.shift()
              waiting = false
              pump()
            }
          )
        }
        return
      }
      if (channel.readyState !== 'open') {
        if (channel.readyState === 'closing' || channel.readyState === 'closed') outbox.length = 0
        return
      }
      if (channel.bufferedAmount > CHANNEL_HIGH_WATER) return
      try {
        send(outbox.shift() as Uint8Array)
      } catch {
        outbox.length = 0
        return
      }
    }
  }
  peer.send = (data: Uint8Array) => {
    const limit = chunkBytes
    if (compress && data.length > COMPRESS_ABOVE) {
      markLarge('large-send-start')
      outbox.push(afterPaint().then(() => gzip(data)).then((zipped) => splitMessage(zipped, limit, true)))
    } else {
      const frames = splitMessage(data, limit)
      if (frames.length > 1) markLarge('large-send-start')
      outbox.push(...frames)
    }
    pump()
  }

  // Incoming: reassemble, decompress, check, then hand to y-webrtc, in arrival order.
  const handlers = peer.listeners('data')
  peer.removeAllListeners('data')
  const reassemble = makeReassembler()
  let receiving = false
  let inbox: Promise<void> | null = null
  const deliver = (message: Uint8Array, large: boolean): void => {
    if (!checkRoomMessage(message)) return onRejected('peer', 'a malformed message')
    if (large) markLarge('large-receive-checked')
    for (const handler of handlers) {
      try {
        handler(message)
      } catch {
        onRejected('peer', 'a message y-webrtc could not apply')
      }
    }
  }
  const receive = (message: Uint8Array, compressed: boolean, large: boolean): void => {
    if (!compressed && !inbox) return deliver(message, large)
    const ready = compressed
      ? gunzip(message, MAX_MESSAGE_BYTES).then(
          (plain) => ({ plain }),
          () => ({ plain: null })
        )
      : Promise.resolve({ plain: message as Uint8Array | null })
    const next: Promise<void> = (inbox ?? Promise.resolve()).then(async () => {
      const { plain } = await ready
      if (plain) deliver(plain, large)
      else onRejected('peer', 'a compressed message that does not unpack')
      if (inbox === next) inbox = null
    })
    inbox = next
  }
  peer.on('data', (frame: unknown) => {
    lastHeardAt.set(conn, Date.now())
    if (!(frame instanceof Uint8Array)) return onRejected('peer', 'a message that is not bytes')
    const result = reassemble(frame)
    if (result.kind === 'partial') {
      if (!receiving) markLarge('large-receive-start')
      receiving = true
      return
    }
    receiving = false
    if (result.kind === 'dropped') return onRejected('peer', result.reason)
    const large = result.message !== frame
    if (large) markLarge('large-receive-complete')
    receive(result.message, result.compressed, large)
  })
  // Before y-webrtc's own 'connect' listener, which sends at once.
  peer.prependListener('connect', () => {
    chunkBytes = chunkBytesFor(peer)
  })
  peer.on('connect', () => {
    openedAt.set(conn, Date.now())
    pump()
    onChange()
  })
  peer.on('close', onChange)
}

/**
 * Guards one provider: its signalling connections now, its room (BroadcastChannel) once the
 * key is derived, and every peer connection as it appears. Returns a function that stops
 * guarding the room's signalling (call it before the provider is destroyed).
 */
export const hardenProvider = (
  provider: WebrtcProvider,
  roomName: string,
  onRejected: OnRejected,
  onChange: () => void,
  reachable: () => Iterable<string> = () => []
): (() => void) => {
  const stopSignalling = guardRoomSignalling(roomName, { key: provider.key, provider, onRejected, reachable })
  let stopped = false
  void Promise.resolve(provider.key).then((key) => {
    const room = provider.room as RoomInternals | null
    if (stopped || !room || !key) return
    guardBroadcastChannel(room, key, onRejected)
  })
  const onPeers = (): void => {
    provider.room?.webrtcConns.forEach((conn) => guardPeer(conn, onRejected, onChange))
    onChange()
  }
  provider.on('peers', onPeers)
  return () => {
    stopped = true
    provider.off('peers', onPeers)
    stopSignalling()
  }
}

// ---- recovery: y-webrtc announces a device only when its signalling connection opens ----

/** A connection that has not opened after this long will not: ICE takes a second or two on a LAN, a few through TURN. */
const STUCK_AFTER_MS = 12_000

/**
 * y-webrtc says "I am here" once, when its signalling connection opens. If that announcement
 * crossed with another device's (both came back online at once, or one subscribed a moment
 * late), or an offer was lost, the two wait for each other for ever. Call this now and then:
 * it drops connections stuck half-way (y-webrtc then announces again) and, while no peer is
 * connected or when `always` says so, announces this device again, exactly as y-webrtc does.
 * Devices already connected to this one ignore the announcement.
 */
export const reviveProvider = async (provider: WebrtcProvider, always = false, now = Date.now()): Promise<void> => {
  const room = provider.room
  if (!room || !provider.shouldConnect) return
  let connected = 0
  for (const conn of [...room.webrtcConns.values()]) {
    if (conn.connected) connected++
    else if (now - (firstSeen.get(conn) ?? now) > STUCK_AFTER_MS) conn.destroy()
  }
  if (connected > 0 && !always) return
  const key = await provider.key
  if (!key || provider.room !== room || !provider.shouldConnect) return
  const data = await encryptRoomData({ type: 'announce', from: room.peerId }, key)
  for (const conn of provider.signalingConns as SignalingConn[]) {
    if (!conn.connected) continue
    conn.send({ type: 'subscribe', topics: [room.name] })
    conn.send({ type: 'publish', topic: room.name, data })
  }
}

/** A peer answers "what do you lack" at once (see resyncPeers, every 10 s): silence this long means nobody is listening. */
const SILENT_AFTER_MS = 25_000
/**
 * Both ends send that question the moment a connection opens, so a live one hears something
 * within a second; nothing this long after opening means the same. Short, because until both
 * ends have dropped a dead pair neither will connect to the other again.
 */
const UNANSWERED_AFTER_MS = 5_000

/**
 * Both devices can end up holding a connection that reports itself open while nothing sent
 * on it arrives (seen when two devices come back online at the same moment and their
 * offers cross): y-webrtc then counts the peer as connected and never connects again. A
 * connection that has gone silent is dropped, so y-webrtc announces this device again and
 * the two connect afresh. Call it on every poll; returns how many were dropped.
 */
export const dropSilentConnections = (provider: WebrtcProvider, now = Date.now()): number => {
  const room = provider.room
  if (!room || !provider.shouldConnect) return 0
  let dropped = 0
  for (const conn of [...room.webrtcConns.values()]) {
    const opened = openedAt.get(conn)
    if (!conn.connected || opened === undefined) continue
    const heard = lastHeardAt.get(conn)
    const silent = heard === undefined ? now - opened > UNANSWERED_AFTER_MS : now - heard > SILENT_AFTER_MS
    if (!silent) continue
    conn.destroy()
    dropped++
  }
  return dropped
}

