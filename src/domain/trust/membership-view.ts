import type { EntryId, TrustAnchor } from './membership-entry'
import { causalOrder, closureOf, headsOf, type MembershipLog } from './membership-log'
import { foldMembership, type MembershipState } from './membership-state'

export type StateAt = { complete: true; state: MembershipState } | { complete: false; missing: EntryId[] }

/**
 * A device's view of a workspace's membership: its log and anchor, and the state at any set
 * of heads (a change's causal reference), remembered, since every keystroke of one person
 * cites the same heads.
 */
export interface MembershipView {
  readonly log: MembershipLog
  readonly anchor: TrustAnchor
  stateAt(heads: readonly EntryId[]): StateAt
  /** The state of everything this device holds: what it shows and what its own changes cite. */
  current(): { heads: EntryId[]; state: MembershipState }
  /** Whether every entry named by `earlier` is also behind `later`. */
  includes(later: readonly EntryId[], earlier: readonly EntryId[]): boolean
}

const CACHE_LIMIT = 64
const keyOf = (heads: readonly EntryId[]): string => [...heads].sort().join(',')

export const makeMembershipView = (log: MembershipLog, anchor: TrustAnchor): MembershipView => {
  // The state at a complete set of heads never changes (entries are immutable), so it can be kept.
  const cache = new Map<string, MembershipState>()
  const stateAt = (heads: readonly EntryId[]): StateAt => {
    const key = keyOf(heads)
    const cached = cache.get(key)
    if (cached) return { complete: true, state: cached }
    const closure = closureOf(log, heads)
    if (!closure.complete) return closure
    const state = foldMembership(causalOrder(log, closure.ids), anchor)
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
    cache.set(key, state)
    return { complete: true, state }
  }
  return {
    log,
    anchor,
    stateAt,
    current() {
      const heads = headsOf(log)
      const at = stateAt(heads)
      // headsOf leaves out entries whose ancestors are missing, so this is always complete.
      return { heads, state: at.complete ? at.state : foldMembership([], anchor) }
    },
    includes(later, earlier) {
      const after = closureOf(log, later)
      return after.complete && earlier.every((id) => after.ids.has(id))
    }
  }
}
