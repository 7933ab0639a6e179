import { sameRefusedIncoming, type RefusedIncoming } from '../domain/refused-incoming'
import type { RelayStatus, SignallingState, SyncStatus } from '../domain/sync-status'
import { covers, type StateSummary } from './state-summary'

/**
 * The status the UI shows, from what the transports and the "seen" digest say. A change
 * counts as seen elsewhere when another device reported the same state, or when a relay
 * acknowledged holding all of it (an encrypted copy that outlives this device).
 */
export interface StatusFacts {
  signalling: SignallingState
  peers: number
  tabs: number
  /** This device's summary; null until counted. */
  local: StateSummary | null
  acknowledged: StateSummary
  relayHeld: readonly StateSummary[]
  lastSyncedAt: number | null
  relay: RelayStatus
  /** What the trust check refused from other devices; null when nothing (absent: the same). */
  refusedIncoming?: RefusedIncoming | null
}

export const makeSyncStatus = (facts: StatusFacts): SyncStatus => {
  const { local } = facts
  const seen = local !== null && (covers(facts.acknowledged, local) || facts.relayHeld.some((held) => covers(held, local)))
  return {
    signalling: facts.signalling,
    peers: facts.peers,
    tabs: facts.tabs,
    unseenChanges: local === null ? 'unknown' : seen ? 'no' : 'yes',
    lastSyncedAt: facts.lastSyncedAt,
    relay: facts.relay,
    refusedIncoming: facts.refusedIncoming ?? null
  }
}

export const sameRelayStatus = (a: RelayStatus, b: RelayStatus): boolean =>
  a.state === b.state && a.heldAt === b.heldAt && a.since === b.since && a.problem === b.problem && a.gap === b.gap && a.filesFull === b.filesFull

export const sameStatus = (a: SyncStatus, b: SyncStatus): boolean =>
  a.signalling === b.signalling &&
  a.peers === b.peers &&
  a.tabs === b.tabs &&
  a.unseenChanges === b.unseenChanges &&
  a.lastSyncedAt === b.lastSyncedAt &&
  sameRelayStatus(a.relay, b.relay) &&
  sameRefusedIncoming(a.refusedIncoming, b.refusedIncoming)
