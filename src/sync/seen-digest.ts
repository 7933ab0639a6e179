import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { parsePresenceState } from '../domain/presence'
import { covers, digestSummary, EMPTY_SUMMARY, readStoredSummary, storeSummary, type StateSummary, type StateTracker, type StoredSummary } from './state-summary'

/**
 * The "seen" digest goes to every device through presence, and y-webrtc passes each presence
 * change on to all its connections too: published after every burst of edits, digests
 * outnumbered document updates 3 to 1 in a busy room. A digest is only useful when the
 * document has settled (two devices match only when they hold the same state), so a device
 * publishes once its document has been quiet for DIGEST_QUIET_MS, at most once every
 * DIGEST_MIN_INTERVAL_MS, at least every DIGEST_MAX_WAIT_MS while edits keep coming (a room
 * that is never quiet still hears from it), and only when the digest changed.
 */
const DIGEST_QUIET_MS = 1000
const DIGEST_MIN_INTERVAL_MS = 4000
const DIGEST_MAX_WAIT_MS = 10_000
const ACK_PERSIST_MS = 5000
const SYNCED_RESOLUTION_MS = 10_000
/** How many of the digests this device published lately another device's is compared with. */
const RECENT_PUBLISHED = 16

export interface SeenDigestOptions {
  doc: Y.Doc
  awareness: Awareness
  deviceId: string
  tracker: () => StateTracker
  /** Puts the digest in this device's presence. */
  publish: (digest: string) => void
  acknowledged: StoredSummary | null
  lastSyncedAt: number | null
  onAcknowledged?: (summary: StoredSummary, at: number) => void
  /** Something the status depends on changed. */
  onChange: () => void
}

export interface SeenDigest {
  /** What another device (not a tab of this browser) last reported holding. */
  acknowledged(): StateSummary
  lastSyncedAt(): number | null
  /** Compares the others' digests with this device's recent states. */
  check(): void
  /** The tracker has counted the document: publish now. */
  publishNow(): void
  destroy(): void
}

/**
 * "Has another device seen my changes?": this device publishes a digest of its settled state
 * in presence; another device reporting the same digest holds the same state, which is then
 * remembered (through onAcknowledged) as the state another device confirmed.
 */
export const startSeenDigest = (options: SeenDigestOptions): SeenDigest => {
  const { doc, awareness } = options
  let acknowledged: StateSummary = readStoredSummary(options.acknowledged) ?? EMPTY_SUMMARY
  let lastSyncedAt = options.lastSyncedAt
  let published: string | null = null
  let persistTimer: ReturnType<typeof setTimeout> | null = null
  let persistPending = false
  let destroyed = false

  const persistAcknowledged = (): void => {
    persistTimer = null
    if (!persistPending || lastSyncedAt === null) return
    persistPending = false
    options.onAcknowledged?.(storeSummary(acknowledged), lastSyncedAt)
  }

  let acknowledgedDigest = digestSummary(acknowledged)

  /**
   * Another device's digest is matched against this device's state now and the states it
   * published lately, not only the last one: it holds at least that state even if this device
   * has written on since, or has not yet published it (its digest waits for a quiet moment).
   * Against the last published digest alone, two devices that each kept changing, or one that
   * left as soon as it had its answer, could leave the other waiting for ever
   * (app/follow-rekey.ts waits on this before a re-key). Only published states are kept, and a
   * handful of them: a long lab's state vector has thousands of writers.
   */
  const recent = new Map<string, StateSummary>()
  const remember = (summary: StateSummary): string => {
    const digest = digestSummary(summary)
    recent.delete(digest)
    recent.set(digest, summary)
    if (recent.size > RECENT_PUBLISHED) recent.delete(recent.keys().next().value as string)
    return digest
  }
  /** This device's state and its digest, worked out when a digest asks for it; a change clears it. */
  let current: { digest: string; summary: StateSummary } | null = null
  const currentState = (): { digest: string; summary: StateSummary } | null => {
    if (current) return current
    const summary = options.tracker().summary()
    current = summary ? { digest: digestSummary(summary), summary } : null
    return current
  }
  const stateFor = (digest: string): StateSummary | null => {
    const known = recent.get(digest)
    if (known) return known
    const now = currentState()
    return now?.digest === digest ? now.summary : null
  }

  const check = (): void => {
    let newest: { digest: string; summary: StateSummary } | null = null
    for (const [clientId, raw] of awareness.getStates()) {
      if (clientId === doc.clientID) continue
      const state = parsePresenceState(raw)
      if (!state?.seen || state.device === options.deviceId) continue
      const summary = stateFor(state.seen)
      // A device behind what another already confirmed adds nothing.
      if (!summary || !covers(summary, acknowledged) || (newest && covers(newest.summary, summary))) continue
      // The state already confirmed, and no longer this device's: not news, and not "in step".
      if (state.seen === acknowledgedDigest && state.seen !== currentState()?.digest) continue
      newest = { digest: state.seen, summary }
    }
    if (!newest) return
    // Still in step with the same state: "last synced" moves on every few seconds, not on every look.
    const now = Date.now()
    if (acknowledgedDigest === newest.digest && lastSyncedAt !== null && now - lastSyncedAt < SYNCED_RESOLUTION_MS) return
    acknowledged = newest.summary
    acknowledgedDigest = newest.digest
    lastSyncedAt = now
    persistPending = true
    if (!persistTimer) persistTimer = setTimeout(persistAcknowledged, ACK_PERSIST_MS)
  }

  let digestTimer: ReturnType<typeof setTimeout> | null = null
  /** When the oldest and the newest change not yet in a published digest arrived (0: none). */
  let firstPendingAt = 0
  let lastChangeAt = 0
  let lastPublishedAt = 0
  const digestDueAt = (): number =>
    Math.max(lastPublishedAt + DIGEST_MIN_INTERVAL_MS, Math.min(lastChangeAt + DIGEST_QUIET_MS, firstPendingAt + DIGEST_MAX_WAIT_MS))
  const publishNow = (): void => {
    if (digestTimer) clearTimeout(digestTimer)
    digestTimer = null
    firstPendingAt = 0
    const summary = options.tracker().summary()
    if (!summary || destroyed) return
    const digest = remember(summary)
    if (published !== digest) {
      published = digest
      lastPublishedAt = Date.now()
      options.publish(digest)
    }
    options.onChange()
  }
  /** One timer for a burst of changes: when it fires early (more changes came), it waits on. */
  const onDigestTimer = (): void => {
    digestTimer = null
    const wait = digestDueAt() - Date.now()
    if (wait > 0) digestTimer = setTimeout(onDigestTimer, wait)
    else publishNow()
  }
  const onDocUpdate = (): void => {
    current = null
    lastChangeAt = Date.now()
    if (!firstPendingAt) firstPendingAt = lastChangeAt
    if (!digestTimer) digestTimer = setTimeout(onDigestTimer, Math.max(0, digestDueAt() - lastChangeAt))
  }
  doc.on('update', onDocUpdate)

  return {
    acknowledged: () => acknowledged,
    lastSyncedAt: () => lastSyncedAt,
    check,
    publishNow,
    destroy() {
      if (destroyed) return
      destroyed = true
      if (digestTimer) clearTimeout(digestTimer)
      if (persistTimer) clearTimeout(persistTimer)
      persistAcknowledged()
      doc.off('update', onDocUpdate)
    }
  }
}
