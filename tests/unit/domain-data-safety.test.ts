import { describe, expect, it } from 'vitest'
import { assessDataSafety, PEER_STALE_MS } from '../../src/domain/data-safety'

const base = { persisted: true as const, lastEditedAt: 1_000, lastPeerSeenAt: null, lastBackupAt: null, now: 2_000 }

describe('data safety', () => {
  it('calls a workspace never synced and never backed up the only copy', () => {
    expect(assessDataSafety(base)).toEqual({ level: 'only-copy', concerns: ['never-synced', 'never-backed-up'] })
  })

  it('is safe when a peer has seen the latest edits and a recent backup exists on persistent storage', () => {
    expect(assessDataSafety({ ...base, lastPeerSeenAt: 1_500, lastBackupAt: 1_200 })).toEqual({ level: 'safe', concerns: [] })
  })

  it('is at risk, not only-copy, when a backup holds the latest edits but storage may be cleared', () => {
    expect(assessDataSafety({ ...base, persisted: false, lastBackupAt: 1_500 })).toEqual({
      level: 'at-risk',
      concerns: ['storage-not-persistent', 'never-synced']
    })
  })

  it('flags edits made after the last peer and the last backup as held only here', () => {
    const result = assessDataSafety({ ...base, lastEditedAt: 5_000, lastPeerSeenAt: 4_000, lastBackupAt: 3_000, now: 6_000 })
    expect(result).toEqual({ level: 'only-copy', concerns: ['edited-since-backup'] })
    const stale = assessDataSafety({ ...base, lastPeerSeenAt: 1_500, lastBackupAt: 1_500, now: 1_500 + PEER_STALE_MS + 1 })
    expect(stale).toEqual({ level: 'at-risk', concerns: ['not-synced-recently'] })
  })
})
