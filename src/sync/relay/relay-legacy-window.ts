/**
 * The `legacy` first catch-up (docs/trust.md, "Relay entries" 2, and "What the legacy
 * exception allows"). In a workspace made before trust, the relay's log begins with unsigned
 * (envelope version 1) entries that every old member already holds. A device with signed sync
 * drops unsigned entries, except on its first catch-up of such a workspace: a HELLO from seq 0,
 * so it holds nothing of the room yet. Then, and only then, an unsigned entry is accepted
 * (through the same decode checks as any entry) when its seq is
 * - at most the head the relay named in that first WELCOME (nothing appended since), and
 * - below the first signed entry, snapshot or part of the room (once an upgraded device has
 *   written, everything an honest device appends is signed).
 * The window closes at the first signed message or CAUGHT_UP, and never opens again for this
 * connection; a reconnect during that catch-up keeps it, with the same bound.
 */
export interface LegacyWindow {
  /** WELCOME arrived for a HELLO from `after`; `legacy`: the workspace's trust anchor is `legacy`. */
  welcome(after: number, head: number, legacy: boolean): void
  /** A signed message (or a part of one) arrived: nothing unsigned is accepted from here on. */
  signed(): void
  caughtUp(): void
  /** Whether an unsigned entry or snapshot at `seq` is accepted. */
  admits(seq: number): boolean
}

export const makeLegacyWindow = (): LegacyWindow => {
  let state: 'unopened' | 'open' | 'closed' = 'unopened'
  let below = 0
  return {
    welcome(after, head, legacy) {
      if (state !== 'unopened') return
      state = after === 0 && legacy && head > 0 ? 'open' : 'closed'
      below = head + 1
    },
    signed() {
      state = 'closed'
    },
    caughtUp() {
      state = 'closed'
    },
    admits: (seq) => state === 'open' && seq < below
  }
}
