import type { GateRefusal } from './change-gate'

/**
 * What became of a signed state from another device (docs/trust.md, "A signed compacted
 * state"): applied, dropped whole, or waiting for membership entries it cites. `decided`
 * settles once a waiting state is applied or dropped, so a transport that must not move past
 * it (the relay's cursor) knows when it may.
 */
export type StateOutcome =
  | { verdict: 'accept' }
  | { verdict: 'refuse'; reason: GateRefusal | 'unreadable' }
  | { verdict: 'wait'; decided: Promise<void> }
