import type { Room, SignalingConn, WebrtcConn, WebrtcProvider } from 'y-webrtc'
import {
  beforePeerConnect,
  dataChannelOf,
  interceptBroadcastChannel,
  isFromAnotherTab,
  interceptPeerData,
  interceptPeerSend,
  isInitiator,
  negotiatedMaxMessageSize,
  onPeerEvent,
  publishToTabs,
  sendToPeer
} from './adapters/y-webrtc-internals'
import { isAttachmentFrame } from './attachment-frames'
import { connectionStats } from './connection-stats'
import type { DocumentRoom } from './document-room'
import { compressionAvailable, gunzip, gzip } from './message-compression'
import { DEFAULT_CHUNK_BYTES, MAX_MESSAGE_BYTES, makeReassembler, splitMessage } from './peer-chunks'
import { admitForWholeCheck, admitNow, admitRoomMessage, type Admission } from './room-message-admission'
import { isStateAsk, stateAskMessage } from './state-ask-message'
import { makeStateAsks, type StateAsks } from './state-asks'
import { readyCheckWorker } from './untrusted-update'
import { makeHandshakes, type Handshakes } from './y-webrtc-handshakes'
import { encryptRoomBytes, encryptRoomData, decryptRoomData } from './y-webrtc-room-crypto'
import type { RoomTrust } from './y-webrtc-trust'
import { guardRoomSignalling, type OnRejected } from './y-webrtc-signalling'

export { guardNewSignallingConns, type OnRejected, type RejectedSource } from './y-webrtc-signalling'

/**
 * y-webrtc trusts what arrives: a message that fails to decrypt or decode throws inside an
 * event handler (an uncaught error, or an unhandled rejection), and a half-decoded update may
 * already be in the document when it throws. These wrappers sit at y-webrtc's three inputs
 * (signalling server, other tabs, peers) and let through only what decrypts with the room key
 * and decodes completely. They also chunk large peer messages (see peer-chunks.ts) and pace
 * handshakes (y-webrtc-handshakes.ts). What they need of y-webrtc's insides is in
 * adapters/y-webrtc-internals.ts.
 */

/**
 * Timing marks read by the sync benchmarks and e2e tests, made every time (sync-marks.ts marks
 * only the first): around large (chunked) messages, and each connection's first answer. Rare, so cheap.
 */
const markEach = (name: string): void => {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(`mutual:sync:${name}`)
}

/** Whether a message may go on: a large signed state the trust channel checks whole itself is only held to its size here. */
const admit = (message: Uint8Array, trust: RoomTrust | null): Admission | Promise<Admission> =>
  trust?.checksWhole(message) ? admitForWholeCheck(message, 'trust-state') : admitRoomMessage(message)

// ---- other tabs: y-webrtc's BroadcastChannel subscriber ----

const guardBroadcastChannel = (room: Room, key: CryptoKey, onRejected: OnRejected, trust: RoomTrust | null, documents: DocumentRoom | null): void => {
  documents?.reachTabs((message) => void encryptRoomBytes(message, key).then((data) => publishToTabs(room, data)))
  interceptBroadcastChannel(room, (original) => {
    let queue: Promise<void> = Promise.resolve()
    return (data: unknown, origin?: unknown): PromiseLike<unknown> => {
      // This tab's own message, echoed back by lib0: already in the document. Decrypting,
      // checking and applying it again doubled the cost of every large change (a whole
      // workspace arriving from the relay was decoded twice more, once in a worker).
      if (!isFromAnotherTab(origin)) return queue
      queue = queue.then(async () => {
        const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Uint8Array ? data : null
        if (!bytes) return onRejected('tab', 'a message that is not bytes')
        let plain: Uint8Array
        try {
          plain = await decryptRoomData(bytes, key)
        } catch {
          return onRejected('tab', 'a message that does not decrypt with this workspace’s key')
        }
        const admission = await admit(plain, trust)
        if (!admission.ok) return onRejected('tab', admission.reason)
        // An artifact document's message never reaches y-webrtc, which knows one document.
        if (admission.kind === 'doc-message') {
          if (!documents) return onRejected('tab', 'a message for an artifact document, which this device does not take')
          return documents.receiveFromTab(plain)
        }
        // Signed changes go to the trust channel; another tab is this device, so its unsigned
        // states still reach y-webrtc.
        if (trust?.handles(admission.kind)) {
          void trust.receive(plain, (reply) => void encryptRoomBytes(reply, key).then((data) => publishToTabs(room, data)))
          return
        }
        try {
          await original(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
        } catch {
          onRejected('tab', 'a message y-webrtc could not apply')
        }
      })
      return queue
    }
  })
}

// ---- peers: each WebRTC connection's simple-peer ----

/** Messages wait in this device's queue rather than overfill the channel's own buffer. */
const CHANNEL_HIGH_WATER = 1024 * 1024

/**
 * The largest frame the two ends agreed on. Read once per connection, when it opens (see
 * guardPeer): in Node's WebRTC every read of pc.sctp crosses into native code, and reading it
 * on every send took a quarter of a busy peer's CPU.
 */
const chunkBytesFor = (conn: WebrtcConn): number => {
  const negotiated = negotiatedMaxMessageSize(conn)
  return negotiated && Number.isFinite(negotiated) && negotiated > 1024 ? Math.min(negotiated, DEFAULT_CHUNK_BYTES) : DEFAULT_CHUNK_BYTES
}

const guardedPeers = new WeakSet<object>()
/** Devices this page has had a connection with: a new one to the same device is a re-dial. */
const everConnectedTo = new Set<string>()

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

/** Attachment frames (attachment-frames.ts) go to the attachment exchange, never to y-webrtc. */
export type OnAttachmentFrame = (conn: WebrtcConn, frame: Uint8Array) => void

/** What a peer connection needs of its room beyond its own: pacing, one whole state at a time, the artifact documents. */
interface RoomPacing {
  handshakes: Handshakes
  asks: StateAsks
  /** A fresh ask for what this device lacks, with its state vector as it is now. */
  freshAsk: () => Uint8Array
  /** Where artifact documents' messages go (document-room.ts); none: they are refused. */
  documents: DocumentRoom | null
}

const guardPeer = (
  conn: WebrtcConn,
  { handshakes, asks, freshAsk, documents }: RoomPacing,
  onRejected: OnRejected,
  onChange: () => void,
  trust: RoomTrust | null,
  onAttachment: OnAttachmentFrame
): void => {
  if (guardedPeers.has(conn)) return
  guardedPeers.add(conn)
  if (isInitiator(conn)) connectionStats.dialled++
  else connectionStats.answered++
  if (everConnectedTo.has(conn.remotePeerId)) connectionStats.redialled++
  everConnectedTo.add(conn.remotePeerId)
  const compress = compressionAvailable()
  const peerId = conn.remotePeerId
  const link = { id: peerId, send: (message: Uint8Array) => sendToPeer(conn, message) }
  let answers = 0
  /** A state from this peer has been dealt with: the asks waiting for it may go (state-asks.ts). */
  const answered = (): void => {
    asks.answered(peerId)
    if (answers++ === 0) markEach('peer-first-answer')
  }
  // Until the channel opens nothing goes out, and the safe size is used (see chunkBytesFor).
  let chunkBytes = DEFAULT_CHUNK_BYTES

  // Outgoing: compress large messages, chunk, and keep order with backpressure. A message
  // being compressed holds back the ones after it.
  const outbox: (Uint8Array | Promise<Uint8Array[]>)[] = []
  let waiting = false
  let send: (data: Uint8Array) => void = () => {}
  const watched = new WeakSet<RTCDataChannel>()
  const pump = (): void => {
    const channel = dataChannelOf(conn)
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
  interceptPeerSend(conn, (original) => {
    send = original
    const framesOf = (data: Uint8Array): Uint8Array[] | Promise<Uint8Array[]> => {
      const limit = chunkBytes
      if (compress && data.length > COMPRESS_ABOVE) {
        markEach('large-send-start')
        return afterPaint().then(() => gzip(data)).then((zipped) => splitMessage(zipped, limit, true))
      }
      const frames = splitMessage(data, limit)
      if (frames.length > 1) markEach('large-send-start')
      return frames
    }
    const sendFreshAsk = (): void => {
      try {
        sendToPeer(conn, freshAsk())
      } catch {
        // A connection closing as we speak: y-webrtc drops and renews it.
      }
    }
    return (data: Uint8Array) => {
      // While another peer's answer is on its way, an ask waits and goes out afresh later.
      if (isStateAsk(data) && !asks.ask(peerId, sendFreshAsk)) return
      // y-webrtc's state for this peer leaves signed (it holds back what follows until then).
      const signing = trust?.signStateMessage(data) ?? null
      const frames = signing ? signing.then(framesOf) : framesOf(data)
      if (frames instanceof Promise) outbox.push(frames)
      else outbox.push(...frames)
      pump()
    }
  })

  // Incoming: reassemble, decompress, check, then hand to y-webrtc, in arrival order.
  interceptPeerData(conn, (handlers) => {
    const reassemble = makeReassembler()
    let receiving = false
    let inbox: Promise<void> | null = null
    const deliver = (message: Uint8Array, admission: Admission, large: boolean): void => {
      if (!admission.ok) {
        // A large message refused whole is most likely the answer to this device's ask.
        if (large) answered()
        return onRejected('peer', admission.reason)
      }
      if (large) markEach('large-receive-checked')
      // An artifact document's message never reaches y-webrtc, which knows one document.
      if (admission.kind === 'doc-message') {
        if (!documents) return onRejected('peer', 'a message for an artifact document, which this device does not take')
        return void documents.receive(link, message)
      }
      const answer = admission.kind === 'trust-state' || admission.kind === 'sync-step-2'
      if (trust?.handles(admission.kind)) {
        if (!answer) return void trust.receive(message, (reply) => sendToPeer(conn, reply))
        asks.checking(peerId)
        void trust.receive(message, (reply) => sendToPeer(conn, reply)).finally(answered)
        return
      }
      if (answer) answered()
      if (trust?.unsigned(admission.kind)) {
        // From a device on a Mutual from before signing, or anyone else with the key: the person is told.
        trust.droppedUnsigned()
        return onRejected('peer', 'a change that is not signed')
      }
      for (const handler of handlers) {
        try {
          handler(message)
        } catch {
          onRejected('peer', 'a message y-webrtc could not apply')
        }
      }
    }
    const receive = (message: Uint8Array, compressed: boolean, large: boolean): void => {
      // Everyday messages: small, checked at once, in order (nothing is waiting before them).
      const now = compressed || inbox ? null : admitNow(message)
      if (now) return deliver(message, now, large)
      const ready: Promise<{ plain: Uint8Array; admission: Admission } | null> = (
        compressed ? gunzip(message, MAX_MESSAGE_BYTES) : Promise.resolve(message)
      ).then(
        async (plain) => ({ plain, admission: await admit(plain, trust) }),
        () => null
      )
      const next: Promise<void> = (inbox ?? Promise.resolve()).then(async () => {
        const checked = await ready
        if (checked) deliver(checked.plain, checked.admission, large)
        else {
          answered()
          onRejected('peer', 'a compressed message that does not unpack within the size limit')
        }
        if (inbox === next) inbox = null
      })
      inbox = next
    }
    return (frame: unknown) => {
      if (!(frame instanceof Uint8Array)) return onRejected('peer', 'a message that is not bytes')
      const result = reassemble(frame)
      if (result.kind === 'partial') {
        asks.progressed(peerId)
        if (!receiving) {
          markEach('large-receive-start')
          // A large message is checked in a worker once it is whole: start that worker now, so
          // loading its script overlaps the arrival of the rest (a whole lab takes seconds).
          readyCheckWorker()
        }
        receiving = true
        return
      }
      receiving = false
      if (result.kind === 'dropped') return onRejected('peer', result.reason)
      if (!result.compressed && isAttachmentFrame(result.message)) return onAttachment(conn, result.message)
      const large = result.message !== frame
      if (large) markEach('large-receive-complete')
      receive(result.message, result.compressed, large)
    }
  })
  // Before y-webrtc's own 'connect' listener, which sends at once.
  beforePeerConnect(conn, () => {
    chunkBytes = chunkBytesFor(conn)
  })
  onPeerEvent(conn, 'connect', () => {
    connectionStats.opened++
    pump()
    documents?.connected(link)
    onChange()
  })
  onPeerEvent(conn, 'close', () => {
    asks.closed(peerId)
    documents?.closed(peerId)
    onChange()
  })
  // After the data interception: every frame counts as hearing from the peer, chunks too.
  handshakes.watch(conn)
}

/** Each guarded provider's handshake pacing (y-webrtc-handshakes.ts). */
const handshakesOf = new WeakMap<WebrtcProvider, Handshakes>()

/**
 * Guards one provider: its signalling connections now, its room (BroadcastChannel) once the
 * key is derived, and every peer connection as it appears; and paces its handshakes. Returns
 * a function that stops guarding the room's signalling (call it before the provider is
 * destroyed).
 */
export const hardenProvider = (
  provider: WebrtcProvider,
  roomName: string,
  onRejected: OnRejected,
  onChange: () => void,
  reachable: () => Iterable<string> = () => [],
  trust: RoomTrust | null = null,
  onAttachment: OnAttachmentFrame = () => onRejected('peer', 'a file message, which this device does not take'),
  /** Shared with the device's other transports (the relay's backlog), or this room's own. */
  sharedAsks: StateAsks | null = null,
  /** The session's artifact documents over this room (document-room.ts); none: their messages are refused. */
  documents: DocumentRoom | null = null
): (() => void) => {
  // One offer and one answer per connection, the ICE candidates inside them, instead of a
  // signalling message per candidate: every device in the room reads (decrypts) every
  // signalling message, so in a room of 30 each candidate costs 29 decryptions.
  provider.peerOpts = { trickle: false, ...(provider.peerOpts as object) }
  const handshakes = makeHandshakes(provider)
  handshakesOf.set(provider, handshakes)
  const asks = sharedAsks ?? makeStateAsks()
  const pacing: RoomPacing = { handshakes, asks, freshAsk: () => stateAskMessage(provider.doc), documents }
  const stopSignalling = guardRoomSignalling(roomName, { key: provider.key, provider, onRejected, reachable, handshakes })
  let stopped = false
  void Promise.resolve(provider.key).then((key) => {
    const room = provider.room
    if (stopped || !room || !key) return
    guardBroadcastChannel(room, key, onRejected, trust, documents)
  })
  const onPeers = (): void => {
    provider.room?.webrtcConns.forEach((conn) => guardPeer(conn, pacing, onRejected, onChange, trust, onAttachment))
    onChange()
  }
  provider.on('peers', onPeers)
  return () => {
    stopped = true
    handshakes.stop()
    if (!sharedAsks) asks.stop()
    provider.off('peers', onPeers)
    stopSignalling()
  }
}

// ---- recovery: y-webrtc announces a device only when its signalling connection opens ----

/**
 * y-webrtc says "I am here" once, when its signalling connection opens. If that announcement
 * crossed with another device's (both came back online at once, or one subscribed a moment
 * late), or an offer was lost, the two wait for each other for ever. Call this now and then:
 * it drops connections that are dead by the policy (connection-policy.ts; never one whose
 * setup is still moving) and, while no peer is connected (backing off, with jitter, while
 * nobody answers) or when `always` says so, announces this device again, exactly as y-webrtc
 * does. Devices already connected to this one ignore the announcement.
 */
export const reviveProvider = async (provider: WebrtcProvider, always = false, now = Date.now()): Promise<void> => {
  const room = provider.room
  const handshakes = handshakesOf.get(provider)
  if (!room || !provider.shouldConnect || !handshakes) return
  handshakes.dropDead(now)
  if (!handshakes.announceDue(now) && !always) return
  const key = await provider.key
  if (!key || provider.room !== room || !provider.shouldConnect) return
  const data = await encryptRoomData({ type: 'announce', from: room.peerId }, key)
  for (const conn of provider.signalingConns as SignalingConn[]) {
    if (!conn.connected) continue
    conn.send({ type: 'subscribe', topics: [room.name] })
    conn.send({ type: 'publish', topic: room.name, data })
    connectionStats.reannounced++
  }
}

/**
 * Both devices can end up holding a connection that reports itself open while nothing sent
 * on it arrives (seen when two devices come back online at the same moment and their
 * offers cross): y-webrtc then counts the peer as connected and never connects again. A
 * connection that has gone silent, or whose setup stopped moving, is dropped by the policy
 * (connection-policy.ts), so the two connect afresh. Call it on every poll; returns how many
 * were dropped.
 */
export const dropSilentConnections = (provider: WebrtcProvider, now = Date.now()): number => {
  if (!provider.room || !provider.shouldConnect) return 0
  return handshakesOf.get(provider)?.dropDead(now) ?? 0
}
