/**
 * How safe a workspace's work is, from what this device knows: whether the browser may clear
 * it, when another member's device last synced with this one, and when it was last backed up.
 */
export interface DataSafetyFacts {
  persisted: boolean | 'unknown'
  lastEditedAt: number
  lastPeerSeenAt: number | null
  lastBackupAt: number | null
  now: number
}

export type DataSafetyConcern =
  | 'storage-not-persistent'
  | 'never-synced'
  | 'not-synced-recently'
  | 'never-backed-up'
  | 'edited-since-backup'

export interface DataSafety {
  /** 'only-copy': no other device has had this work and there is no backup of it. */
  level: 'safe' | 'at-risk' | 'only-copy'
  concerns: DataSafetyConcern[]
}

/** After this long without a peer, edits made since may exist only here. */
export const PEER_STALE_MS = 7 * 24 * 60 * 60 * 1000

export const assessDataSafety = (facts: DataSafetyFacts): DataSafety => {
  const concerns: DataSafetyConcern[] = []
  if (facts.persisted !== true) concerns.push('storage-not-persistent')
  const peerHasLatest = facts.lastPeerSeenAt !== null && facts.lastPeerSeenAt >= facts.lastEditedAt
  const backupHasLatest = facts.lastBackupAt !== null && facts.lastBackupAt >= facts.lastEditedAt
  if (facts.lastPeerSeenAt === null) concerns.push('never-synced')
  else if (facts.now - facts.lastPeerSeenAt > PEER_STALE_MS) concerns.push('not-synced-recently')
  if (facts.lastBackupAt === null) concerns.push('never-backed-up')
  else if (!backupHasLatest) concerns.push('edited-since-backup')
  if (!peerHasLatest && !backupHasLatest) return { level: 'only-copy', concerns }
  return { level: concerns.length === 0 ? 'safe' : 'at-risk', concerns }
}
