import { describe, expect, it } from 'vitest'
import { assessDataSafety, dataSafetyTone, PEER_STALE_MS } from '../../src/domain/data-safety'

const base = {
  persisted: true as const,
  lastEditedAt: 1_000,
  lastPeerSeenAt: null,
  lastRelayHeldAt: null,
  lastBackupAt: null,
  hasWork: true,
  now: 2_000
}

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

  it('counts a copy the relay acknowledged holding as a copy elsewhere', () => {
    expect(assessDataSafety({ ...base, lastRelayHeldAt: 1_500 })).toEqual({ level: 'at-risk', concerns: ['never-backed-up'] })
    // Held before the latest edits: those edits are on this device only.
    expect(assessDataSafety({ ...base, lastRelayHeldAt: 500 }).level).toBe('only-copy')
  })

  it('stays calm while there is nothing yet to lose (a new workspace with no work in it), firm once there is', () => {
    const fresh = assessDataSafety({ ...base, hasWork: false })
    expect(fresh.level).toBe('nothing-to-lose')
    expect(fresh.concerns).toEqual(['never-synced', 'never-backed-up'])
    expect(dataSafetyTone(fresh.level)).toBe('neutral')
    expect(dataSafetyTone(assessDataSafety(base).level)).toBe('warning')
    expect(dataSafetyTone(assessDataSafety({ ...base, persisted: false, lastBackupAt: 1_500 }).level)).toBe('info')
    // With nothing to lose and everything held elsewhere, it is simply safe.
    expect(assessDataSafety({ ...base, hasWork: false, lastPeerSeenAt: 1_500, lastBackupAt: 1_500 }).level).toBe('safe')
  })
})
