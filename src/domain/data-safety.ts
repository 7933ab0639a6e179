/**
 * How safe a workspace's work is, from what this device knows: whether the browser may clear
 * it, when another member's device or the relay last held everything here, when it was last
 * backed up, and whether there is any work in it yet.
 */
export interface DataSafetyFacts {
  persisted: boolean | 'unknown'
  lastEditedAt: number
  lastPeerSeenAt: number | null
  /** When the relay last acknowledged holding everything this device had. */
  lastRelayHeldAt: number | null
  lastBackupAt: number | null
  /**
   * Whether the workspace holds work beyond how it was set up (a note, document, board, map or
   * report). A brand-new workspace has nothing yet to lose.
   */
  hasWork: boolean
  now: number
}

export type DataSafetyConcern =
  | 'storage-not-persistent'
  | 'never-synced'
  | 'not-synced-recently'
  | 'never-backed-up'
  | 'edited-since-backup'

export type DataSafetyLevel =
  /** Another device or the relay, and a recent backup, hold this work. */
  | 'safe'
  /** Held somewhere else, but less safely than it could be. */
  | 'at-risk'
  /** Held only here, but there is no work in it yet: worth knowing, not worth alarm. */
  | 'nothing-to-lose'
  /** Real work that no other device, relay or backup holds. */
  | 'only-copy'

export interface DataSafety {
  level: DataSafetyLevel
  concerns: DataSafetyConcern[]
}

/** After this long without a peer, edits made since may exist only here. */
export const PEER_STALE_MS = 7 * 24 * 60 * 60 * 1000

const holdsLatest = (at: number | null, lastEditedAt: number): boolean => at !== null && at >= lastEditedAt

export const assessDataSafety = (facts: DataSafetyFacts): DataSafety => {
  const concerns: DataSafetyConcern[] = []
  if (facts.persisted !== true) concerns.push('storage-not-persistent')
  const relayHasLatest = holdsLatest(facts.lastRelayHeldAt, facts.lastEditedAt)
  const elsewhereHasLatest = holdsLatest(facts.lastPeerSeenAt, facts.lastEditedAt) || relayHasLatest
  const backupHasLatest = holdsLatest(facts.lastBackupAt, facts.lastEditedAt)
  // A relay holding everything is as good as a device that synced: members get it from there.
  if (!relayHasLatest) {
    if (facts.lastPeerSeenAt === null) concerns.push('never-synced')
    else if (facts.now - facts.lastPeerSeenAt > PEER_STALE_MS) concerns.push('not-synced-recently')
  }
  if (facts.lastBackupAt === null) concerns.push('never-backed-up')
  else if (!backupHasLatest) concerns.push('edited-since-backup')
  if (!elsewhereHasLatest && !backupHasLatest) return { level: facts.hasWork ? 'only-copy' : 'nothing-to-lose', concerns }
  return { level: concerns.length === 0 ? 'safe' : 'at-risk', concerns }
}

/** How loudly to say it: a warning only when real work may be lost. */
export const dataSafetyTone = (level: DataSafetyLevel): 'ok' | 'neutral' | 'info' | 'warning' => {
  switch (level) {
    case 'safe':
      return 'ok'
    case 'nothing-to-lose':
      return 'neutral'
    case 'at-risk':
      return 'info'
    case 'only-copy':
      return 'warning'
  }
}
