/**
 * When to give up on a WebRTC connection, when to try again, and how many handshakes to have
 * in flight at once: pure rules, the same on every device, tested without a network
 * (tests/unit/sync/connection-policy.test.ts). The y-webrtc adapter (y-webrtc-handshakes.ts,
 * y-webrtc-hardening.ts) applies them.
 *
 * Why they are shaped this way: in a workshop of 30 on one slow machine, setting up a
 * connection (ICE and DTLS) took longer than the old fixed limits, so connections were dropped
 * while still being set up, and every drop made both ends announce and dial again. The
 * re-dials added load, which made the next attempts slower still: a retry storm in which the
 * room never came together. So: a connection still being set up is dropped only when nothing
 * has happened on it for a long time, stretched further when the device is busy; an open one
 * only when nothing arrives on it; retries back off exponentially, with jitter, so devices
 * that failed together do not retry together; and each device runs only a few handshakes at
 * once, dialling the rest of the room as those finish.
 */

/** Handshakes this device starts (offers it sends) that may be unfinished at once. */
export const MAX_PENDING_DIALS = 2
/** Handshakes other devices started with this one that it works on at once; later offers wait. */
export const MAX_PENDING_ANSWERS = 3
/**
 * An offer waits at most this long for a free slot: the device that sent it gives up on a
 * setup that made no progress for SETUP_STALL_MS, at least, so an answer after that is wasted.
 */
export const OFFER_WAIT_MS = 12_000
/** Devices that announced themselves and wait to be dialled; a larger room is dialled as it announces again. */
export const MAX_WAITING_DIALS = 64
/** An announcement older than this is stale: the device may have left. */
export const DIAL_CANDIDATE_TTL_MS = 60_000

/**
 * A connection being set up that shows no progress (no signalling message, no change of ICE
 * state) for this long, on a device that is not busy, is given up. A setup on a LAN takes a
 * second or two, through TURN a few; on a loaded two-core machine with 30 peers, 10 s and more.
 */
export const SETUP_STALL_MS = 20_000
/**
 * Both ends ask "what do you lack" the moment a connection opens, so a live one hears
 * something within a second or two; nothing this long after opening means nobody is listening.
 */
export const UNANSWERED_AFTER_MS = 10_000
/** Peers ask each other every 10 s (resync-peers.ts): silence this long after hearing something means the same. */
export const SILENT_AFTER_MS = 25_000

/** How much longer than usual this device may take: 1 when idle, up to MAX_LOAD_FACTOR when its timers run late. */
export const MAX_LOAD_FACTOR = 4
/** Timer lateness that counts as doubling the time things take. */
const LATE_MS_PER_DOUBLING = 250

export type ConnectionView =
  | { phase: 'connecting'; lastProgressAt: number }
  | { phase: 'open'; openedAt: number; lastHeardAt: number | null }

export type DropReason = 'stalled' | 'unanswered' | 'silent'

/**
 * How busy this device is, from how late its timers fire (a smoothed lateness, in ms): every
 * wait below is multiplied by it. A device whose event loop is busy is slow at every step of
 * a handshake, and so is the device at the other end, usually, in a crowded room.
 */
export const loadFactor = (lateMs: number): number =>
  Math.min(MAX_LOAD_FACTOR, Math.max(1, 1 + Math.max(0, lateMs) / LATE_MS_PER_DOUBLING))

/** Whether to drop this connection now, and why; null keeps it. */
export const dropReason = (conn: ConnectionView, now: number, load = 1): DropReason | null => {
  if (conn.phase === 'connecting') return now - conn.lastProgressAt > SETUP_STALL_MS * load ? 'stalled' : null
  if (conn.lastHeardAt === null) return now - conn.openedAt > UNANSWERED_AFTER_MS * load ? 'unanswered' : null
  return now - conn.lastHeardAt > SILENT_AFTER_MS * load ? 'silent' : null
}

/**
 * The wait before try number `attempt` (0 for the first retry): doubling from `baseMs` up to
 * `maxMs`, then a random point in its upper half ("equal jitter"), so devices that failed at
 * the same moment spread their retries out but none retries sooner than half the wait.
 */
export const backoffMs = (attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number => {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt, 30)))
  return ceiling / 2 + random() * (ceiling / 2)
}

/** Announcing "I am here" again while nobody is connected: 4 s, 8 s, 16 s … up to a minute. */
export const ANNOUNCE_BASE_MS = 4_000
export const ANNOUNCE_MAX_MS = 60_000
/** Dialling a device again after an attempt to reach it failed: 5 s, 10 s … up to a minute. */
export const REDIAL_BASE_MS = 5_000
export const REDIAL_MAX_MS = 60_000

/** The handshakes in flight on this device. */
export interface HandshakeLoad {
  dials: number
  answers: number
}

export const mayDial = (load: HandshakeLoad): boolean => load.dials < MAX_PENDING_DIALS
export const mayAnswer = (load: HandshakeLoad): boolean => load.answers < MAX_PENDING_ANSWERS

/** Retry schedule for one thing (announcing, or dialling one device): attempts and the earliest next try. */
export interface RetryState {
  attempt: number
  notBefore: number
}

export const FIRST_TRY: RetryState = { attempt: 0, notBefore: 0 }

/** After a failed try at `now`: the next one waits longer. */
export const afterFailure = (state: RetryState, now: number, baseMs: number, maxMs: number, random: () => number = Math.random): RetryState => ({
  attempt: state.attempt + 1,
  notBefore: now + backoffMs(state.attempt, baseMs, maxMs, random)
})

/**
 * Which waiting device to dial next: a random one, so that a room whose devices all heard the
 * same announcements in the same order does not dial the same few devices first.
 */
export const pickCandidate = <T>(candidates: readonly T[], random: () => number = Math.random): T | undefined =>
  candidates.length === 0 ? undefined : candidates[Math.min(candidates.length - 1, Math.floor(random() * candidates.length))]
