import type { GateRefusal } from './change-gate'

/**
 * What became of a waiting state in the end: `decided` (applied or refused, as on every
 * device), or `let-go` undecided, to make room for a newer waiting state: a transport that can
 * fetch it again (the relay) does so once the membership it waited for may have arrived.
 */
export type WaitEnd = 'decided' | 'let-go'

/**
 * What became of a signed state from another device (docs/trust.md, "A signed compacted
 * state"): applied, dropped whole, or waiting for membership entries it cites. `decided`
 * settles once a waiting state is decided or let go, so a transport that must not move past
 * it (the relay's cursor) knows when it may.
 */
export type StateOutcome =
  | { verdict: 'accept' }
  | { verdict: 'refuse'; reason: GateRefusal | 'unreadable' }
  /**
   * Built on changes this device lacks (crdt/trust/update-areas.ts): nothing applied, nothing
   * decided. The next exchange with a peer carries it whole; the relay fetches it again once
   * the changes it builds on may have arrived (a waiting one of the same author, decided).
   */
  | { verdict: 'unplaced' }
  | { verdict: 'wait'; decided: Promise<WaitEnd> }
