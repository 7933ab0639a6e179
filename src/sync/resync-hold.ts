/**
 * Asking peers for what this device lacks (resync-peers.ts) sends this device's state vector.
 * While a large signed state from a peer (a whole lab, for a device that has just joined) is
 * being checked and applied, that vector is still the old one, so every peer asked would
 * build, sign and send the whole lab again, and this device would check it again: double work
 * when the device is slowest. Such a state holds the periodic ask back until it has been
 * applied, refused or held for membership entries; the ask then goes out at the next poll.
 *
 * Everything is bounded so that this device never stops asking for good: a hold that is never
 * released (a check that never answers) lapses after MAX_RESYNC_HOLD_MS, and an ask held back
 * for that long goes out even while newer holds stand (peers that keep sending large states).
 */
export const MAX_RESYNC_HOLD_MS = 60_000

export interface ResyncHold {
  /** A large state is being checked and applied: returns its release (safe to call twice). */
  hold(): () => void
  /**
   * Called on every poll, `due` when the periodic ask falls on it: whether to ask peers now.
   * A due ask waits while a hold stands, then goes out at the first poll after.
   */
  mayAsk(due: boolean): boolean
}

export const makeResyncHold = (now: () => number = Date.now): ResyncHold => {
  /** When each standing hold began. */
  const holds = new Map<symbol, number>()
  /** When the ask now waiting fell due, or null when none waits. */
  let dueSince: number | null = null

  const held = (at: number): boolean => {
    for (const [hold, since] of holds) if (at - since >= MAX_RESYNC_HOLD_MS) holds.delete(hold)
    return holds.size > 0
  }

  return {
    hold() {
      const hold = Symbol('resync hold')
      holds.set(hold, now())
      return () => void holds.delete(hold)
    },
    mayAsk(due) {
      const at = now()
      if (due) dueSince ??= at
      if (dueSince === null) return false
      if (held(at) && at - dueSince < MAX_RESYNC_HOLD_MS) return false
      dueSince = null
      return true
    }
  }
}
