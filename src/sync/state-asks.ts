/**
 * One whole state at a time. When a connection opens, y-webrtc asks that peer for what this
 * device lacks (sync step 1, carrying this device's state vector). A device that has just
 * joined, or been away for weeks, meets its colleagues all at once: it asked each of them
 * with the same old vector, and each built, signed and sent the whole lab. Three colleagues
 * online meant three times the bytes, and three whole-lab checks, on the device least able to
 * afford them.
 *
 * Here an ask waits while another peer's answer is still on its way. Once that answer has been
 * dealt with (checked and applied, or refused), the waiting asks go out, built afresh: they
 * carry the vector as it is then, so they bring only what is still missing.
 *
 * Bounded, so that no peer can hold the others back for long: an answer that stops arriving
 * (no part of it for ANSWER_STALL_MS), whose check runs past ANSWER_CHECK_MS, or that is still
 * not dealt with ANSWER_MAX_MS after the ask no longer counts as on its way; a closed
 * connection's answer never will. Past those bounds the asks go out as they did before: at
 * worst a peer's state arrives twice.
 */
export const ANSWER_STALL_MS = 20_000
export const ANSWER_CHECK_MS = 60_000
export const ANSWER_MAX_MS = 120_000

export interface StateAsks {
  /**
   * An ask for `peer` is about to go out: true to send it now. False when it waits; `sendFresh`
   * is then called once it may go, to build and send a new ask (the vector will have moved on).
   */
  ask(peer: string, sendFresh: () => void): boolean
  /** A part of a large message from `peer` arrived: its answer may still be moving. */
  progressed(peer: string): void
  /** A whole state from `peer` is being checked and applied (it may take seconds). */
  checking(peer: string): void
  /**
   * A large state is on its way from elsewhere, unasked (a relay's backlog): asks wait for it as
   * for an answer being checked. Returns what to call once it has been applied or given up.
   */
  awaiting(source: string): () => void
  /** A state from `peer` has been dealt with: applied, refused or dropped. */
  answered(peer: string): void
  /** The connection to `peer` closed. */
  closed(peer: string): void
  /** Asks on their way, and asks waiting: for tests and the benchmarks. */
  counts(): { onTheirWay: number; waiting: number }
  stop(): void
}

export interface AskClock {
  now(): number
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(timer: unknown): void
}

const realClock: AskClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => {
    const timer = setTimeout(run, ms)
    ;(timer as { unref?: () => void }).unref?.()
    return timer
  },
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>)
}

interface OnItsWay {
  askedAt: number
  /** Last part of a large message from the peer, or when the ask went out. */
  heardAt: number
  /** When its state began to be checked, or null while it is still arriving. */
  checkingSince: number | null
}

export const makeStateAsks = (clock: AskClock = realClock): StateAsks => {
  const onTheirWay = new Map<string, OnItsWay>()
  /** Asks waiting, in the order they were held; each sends a fresh ask. */
  const waiting = new Map<string, () => void>()
  let timer: unknown = null
  let stopped = false

  const expiresAt = (entry: OnItsWay): number =>
    Math.min(entry.askedAt + ANSWER_MAX_MS, entry.checkingSince === null ? entry.heardAt + ANSWER_STALL_MS : entry.checkingSince + ANSWER_CHECK_MS)
  const askedNow = (now: number): OnItsWay => ({ askedAt: now, heardAt: now, checkingSince: null })

  /** Forgets answers past their limits: they no longer count as on their way. */
  const forgetExpired = (now: number): void => {
    for (const [peer, entry] of onTheirWay) if (expiresAt(entry) <= now) onTheirWay.delete(peer)
  }

  /** Forgets answers that are no longer on their way; lets the waiting asks go when none is. */
  const settle = (): void => {
    if (stopped) return
    const now = clock.now()
    forgetExpired(now)
    if (onTheirWay.size === 0 && waiting.size > 0) {
      const released = [...waiting]
      waiting.clear()
      // Counted as on their way before they are sent, so that each goes straight out.
      for (const [peer] of released) onTheirWay.set(peer, askedNow(now))
      for (const [, sendFresh] of released) sendFresh()
    }
    schedule()
  }

  /** Wakes at the next expiry while asks wait, so that a silent peer cannot hold them for ever. */
  const schedule = (): void => {
    if (timer !== null) clock.clearTimeout(timer)
    timer = null
    if (stopped || waiting.size === 0 || onTheirWay.size === 0) return
    const next = Math.min(...[...onTheirWay.values()].map(expiresAt))
    timer = clock.setTimeout(settle, Math.max(0, next - clock.now()))
  }

  return {
    ask(peer, sendFresh) {
      if (stopped) return true
      const now = clock.now()
      forgetExpired(now)
      // Nothing on its way, or a second ask of the same peer (the periodic resync): it goes.
      if (onTheirWay.size === 0 || onTheirWay.has(peer)) {
        onTheirWay.set(peer, askedNow(now))
        return true
      }
      waiting.set(peer, sendFresh)
      schedule()
      return false
    },
    progressed(peer) {
      const entry = onTheirWay.get(peer)
      if (entry && entry.checkingSince === null) entry.heardAt = clock.now()
    },
    checking(peer) {
      const entry = onTheirWay.get(peer)
      if (entry) entry.checkingSince = clock.now()
      schedule()
    },
    awaiting(source) {
      if (stopped) return () => {}
      const now = clock.now()
      const entry = { askedAt: now, heardAt: now, checkingSince: now }
      onTheirWay.set(source, entry)
      schedule()
      // Only this wait: a later one from the same source is not ended by an old release.
      return () => {
        if (onTheirWay.get(source) === entry && onTheirWay.delete(source)) settle()
      }
    },
    answered(peer) {
      if (onTheirWay.delete(peer)) settle()
    },
    closed(peer) {
      waiting.delete(peer)
      if (onTheirWay.delete(peer)) settle()
      else schedule()
    },
    counts: () => ({ onTheirWay: onTheirWay.size, waiting: waiting.size }),
    stop() {
      stopped = true
      if (timer !== null) clock.clearTimeout(timer)
      timer = null
      waiting.clear()
      onTheirWay.clear()
    }
  }
}
