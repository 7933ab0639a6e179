import type { SignalingConn, WebrtcConn, WebrtcProvider } from 'y-webrtc'
import { connectionStats } from './connection-stats'
import {
  ANNOUNCE_BASE_MS,
  ANNOUNCE_MAX_MS,
  DIAL_CANDIDATE_TTL_MS,
  FIRST_TRY,
  MAX_WAITING_DIALS,
  OFFER_WAIT_MS,
  REDIAL_BASE_MS,
  REDIAL_MAX_MS,
  afterFailure,
  dropReason,
  loadFactor,
  mayAnswer,
  mayDial,
  pickCandidate,
  type ConnectionView,
  type HandshakeLoad,
  type RetryState
} from './connection-policy'
import { dialPeer, isInitiator, onPeerEvent } from './adapters/y-webrtc-internals'

/**
 * Paces one room's WebRTC handshakes by the rules in connection-policy.ts. y-webrtc on its own
 * dials every device it hears announce itself (up to maxConns) and answers every offer at
 * once, so 30 devices arriving together each start dozens of handshakes; on a busy machine
 * they all run slowly, time out and start again. Here announcements and offers are held and
 * taken a few at a time: dials to a random waiting device, offers in arrival order.
 */
export interface Handshakes {
  /** A device announced itself: dial it when there is room (never at once, from y-webrtc). */
  heardAnnounce(from: string, via: SignalingConn): void
  /** An offer for a new connection: true to let y-webrtc answer it now, false when it was queued. */
  admitOffer(from: string, deliver: () => void): boolean
  /** Something happened on the connection with this device (a signalling message for it). */
  progressed(from: string): void
  /** Connections to drop now, by the policy; each is destroyed and remembered as a failure. */
  dropDead(now?: number): number
  /** Whether "I am here" is due again while this device has no peer (backs off when nobody answers). */
  announceDue(now?: number): boolean
  /** A new connection y-webrtc made (dialled or answering): watch its progress. */
  watch(conn: WebrtcConn): void
  stop(): void
}

const TICK_MS = 1_000
/** Weight of the newest lateness reading in the smoothed one. */
const LATE_SMOOTHING = 0.3

export const makeHandshakes = (provider: WebrtcProvider, random: () => number = Math.random): Handshakes => {
  const lastProgress = new WeakMap<object, number>()
  const openedAt = new WeakMap<object, number>()
  const lastHeard = new WeakMap<object, number>()
  const watched = new WeakSet<object>()
  const droppedByUs = new WeakSet<object>()
  /** Devices that announced themselves and wait to be dialled, with when they were heard. */
  const waiting = new Map<string, { via: SignalingConn; heardAt: number }>()
  /** Offers waiting for a free slot, oldest first. */
  let offers: { from: string; at: number; deliver: () => void }[] = []
  /** Offers handed to y-webrtc whose connection it has not created yet (it decrypts first). */
  const answering = new Map<string, number>()
  const redial = new Map<string, RetryState>()
  let announce: RetryState = FIRST_TRY
  let lateMs = 0
  let expectedAt = Date.now() + TICK_MS
  let stopped = false

  const conns = (): Map<string, WebrtcConn> => provider.room?.webrtcConns ?? new Map()

  const inFlight = (now: number): HandshakeLoad => {
    let dials = 0
    let answers = 0
    for (const [id, conn] of conns()) {
      // y-webrtc has made the connection for an offer handed to it: count it from here on.
      answering.delete(id)
      if (conn.connected) continue
      if (isInitiator(conn)) dials++
      else answers++
    }
    for (const [id, at] of answering) {
      if (now - at > OFFER_WAIT_MS) answering.delete(id)
      else answers++
    }
    return { dials, answers }
  }

  const failed = (id: string, now: number): void => {
    redial.set(id, afterFailure(redial.get(id) ?? FIRST_TRY, now, REDIAL_BASE_MS, REDIAL_MAX_MS, random))
  }

  /** Starts whatever the limits allow: queued offers first (someone is waiting), then dials. */
  const pump = (now = Date.now()): void => {
    const room = provider.room
    if (stopped || !room || !provider.shouldConnect) return
    offers = offers.filter((offer) => now - offer.at <= OFFER_WAIT_MS)
    while (offers.length > 0 && mayAnswer(inFlight(now))) {
      const offer = offers.shift() as (typeof offers)[number]
      answering.set(offer.from, now)
      offer.deliver()
    }
    for (const [id, entry] of waiting) {
      if (now - entry.heardAt > DIAL_CANDIDATE_TTL_MS || room.webrtcConns.has(id) || room.bcConns.has(id)) waiting.delete(id)
    }
    while (room.webrtcConns.size < provider.maxConns && mayDial(inFlight(now))) {
      const ready = [...waiting.keys()].filter((id) => (redial.get(id)?.notBefore ?? 0) <= now)
      const id = pickCandidate(ready, random)
      if (id === undefined) return
      const entry = waiting.get(id) as { via: SignalingConn }
      waiting.delete(id)
      dialPeer(provider, room, entry.via, id)
    }
  }

  const tick = (): void => {
    const now = Date.now()
    lateMs = (1 - LATE_SMOOTHING) * lateMs + LATE_SMOOTHING * Math.max(0, now - expectedAt)
    expectedAt = now + TICK_MS
    pump(now)
  }
  const timer = setInterval(tick, TICK_MS)
  ;(timer as { unref?: () => void }).unref?.()

  const viewOf = (conn: WebrtcConn): ConnectionView => {
    const opened = openedAt.get(conn)
    if (!conn.connected || opened === undefined) return { phase: 'connecting', lastProgressAt: lastProgress.get(conn) ?? Date.now() }
    return { phase: 'open', openedAt: opened, lastHeardAt: lastHeard.get(conn) ?? null }
  }

  return {
    heardAnnounce(from, via) {
      if (stopped) return
      if (!waiting.has(from) && waiting.size >= MAX_WAITING_DIALS) {
        const oldest = waiting.keys().next().value
        if (oldest !== undefined) waiting.delete(oldest)
      }
      waiting.delete(from)
      waiting.set(from, { via, heardAt: Date.now() })
      if (!mayDial(inFlight(Date.now()))) connectionStats.dialsDeferred++
      pump()
    },
    admitOffer(from, deliver) {
      const now = Date.now()
      if (offers.length === 0 && mayAnswer(inFlight(now))) {
        answering.set(from, now)
        return true
      }
      connectionStats.offersDeferred++
      // A newer offer from the same device replaces its older one.
      offers = offers.filter((offer) => offer.from !== from)
      offers.push({ from, at: now, deliver })
      return false
    },
    progressed(from) {
      const conn = conns().get(from)
      if (conn) lastProgress.set(conn, Date.now())
    },
    dropDead(now = Date.now()) {
      const load = loadFactor(lateMs)
      let dropped = 0
      for (const [id, conn] of [...conns()]) {
        const reason = dropReason(viewOf(conn), now, load)
        if (!reason) continue
        droppedByUs.add(conn)
        if (reason === 'stalled') connectionStats.droppedWhileConnecting++
        else connectionStats.droppedSilent++
        failed(id, now)
        conn.destroy()
        dropped++
      }
      return dropped
    },
    announceDue(now = Date.now()) {
      if ([...conns().values()].some((conn) => conn.connected)) {
        announce = FIRST_TRY
        return false
      }
      if (now < announce.notBefore) return false
      announce = afterFailure(announce, now, ANNOUNCE_BASE_MS, ANNOUNCE_MAX_MS, random)
      return true
    },
    watch(conn) {
      if (watched.has(conn)) return
      watched.add(conn)
      const id = conn.remotePeerId
      const touch = (): void => {
        lastProgress.set(conn, Date.now())
      }
      touch()
      onPeerEvent(conn, 'signal', touch)
      onPeerEvent(conn, 'iceStateChange', touch)
      onPeerEvent(conn, 'data', () => lastHeard.set(conn, Date.now()))
      onPeerEvent(conn, 'connect', () => {
        openedAt.set(conn, Date.now())
        redial.delete(id)
        pump()
      })
      onPeerEvent(conn, 'close', () => {
        if (!openedAt.has(conn) && !droppedByUs.has(conn)) {
          connectionStats.closedBeforeOpen++
          failed(id, Date.now())
        }
        // Let y-webrtc's own close handler remove it first.
        queueMicrotask(() => pump())
      })
    },
    stop() {
      stopped = true
      clearInterval(timer)
      waiting.clear()
      offers = []
    }
  }
}
