import { describe, expect, it } from 'vitest'
import {
  ANNOUNCE_BASE_MS,
  ANNOUNCE_MAX_MS,
  FIRST_TRY,
  MAX_LOAD_FACTOR,
  MAX_PENDING_ANSWERS,
  MAX_PENDING_DIALS,
  SETUP_STALL_MS,
  afterFailure,
  backoffMs,
  dropReason,
  loadFactor,
  mayAnswer,
  mayDial,
  pickCandidate
} from '../../../src/sync/connection-policy'
import { makeRandom } from '../../fuzz/seeded-random'

const T0 = 1_000_000

describe('which connections to drop', () => {
  it('never drops a connection whose setup keeps moving, however long it takes', () => {
    // A setup on a loaded machine: a signalling message or ICE change every few seconds, for a minute.
    for (let at = T0; at < T0 + 60_000; at += 4_000) {
      expect(dropReason({ phase: 'connecting', lastProgressAt: at }, at + 3_999)).toBeNull()
    }
    // The old rule dropped anything not open 12 s after it was first seen.
    expect(dropReason({ phase: 'connecting', lastProgressAt: T0 + 14_000 }, T0 + 15_000)).toBeNull()
  })

  it('drops a setup that made no progress for a generous time, later still on a busy device', () => {
    const stuck = { phase: 'connecting' as const, lastProgressAt: T0 }
    expect(dropReason(stuck, T0 + 12_001)).toBeNull()
    expect(dropReason(stuck, T0 + SETUP_STALL_MS + 1)).toBe('stalled')
    expect(dropReason(stuck, T0 + SETUP_STALL_MS + 1, 2)).toBeNull()
    expect(dropReason(stuck, T0 + 2 * SETUP_STALL_MS + 1, 2)).toBe('stalled')
  })

  it('gives an open connection time to answer before calling it dead, more when the device is busy', () => {
    const unanswered = { phase: 'open' as const, openedAt: T0, lastHeardAt: null }
    // The old rule dropped it after 5 s, before a loaded peer had sent its first message.
    expect(dropReason(unanswered, T0 + 6_000)).toBeNull()
    expect(dropReason(unanswered, T0 + 10_001)).toBe('unanswered')
    expect(dropReason(unanswered, T0 + 10_001, 3)).toBeNull()
    expect(dropReason(unanswered, T0 + 30_001, 3)).toBe('unanswered')
  })

  it('drops an open connection that went silent, and keeps one that talks', () => {
    expect(dropReason({ phase: 'open', openedAt: T0, lastHeardAt: T0 + 60_000 }, T0 + 80_000)).toBeNull()
    expect(dropReason({ phase: 'open', openedAt: T0, lastHeardAt: T0 + 60_000 }, T0 + 86_000)).toBe('silent')
  })

  it('reads a busy device from its timers: on time is 1, late stretches every wait, up to a cap', () => {
    expect(loadFactor(0)).toBe(1)
    expect(loadFactor(-50)).toBe(1)
    expect(loadFactor(250)).toBe(2)
    expect(loadFactor(100_000)).toBe(MAX_LOAD_FACTOR)
  })
})

describe('backing off', () => {
  it('doubles the wait after each failure up to a cap, never below half of it, with jitter', () => {
    const low = (): number => 0
    const high = (): number => 0.999999
    expect(backoffMs(0, 4_000, 60_000, low)).toBe(2_000)
    expect(backoffMs(0, 4_000, 60_000, high)).toBeCloseTo(4_000, 0)
    expect(backoffMs(1, 4_000, 60_000, low)).toBe(4_000)
    expect(backoffMs(3, 4_000, 60_000, high)).toBeCloseTo(32_000, 0)
    expect(backoffMs(10, 4_000, 60_000, low)).toBe(30_000)
    expect(backoffMs(1_000, 4_000, 60_000, high)).toBeLessThanOrEqual(60_000)
  })

  it('spreads devices that failed together: their next tries differ', () => {
    const random = makeRandom(7)
    const next = Array.from({ length: 30 }, () => afterFailure(FIRST_TRY, T0, 5_000, 60_000, () => random.next()).notBefore)
    expect(new Set(next).size).toBe(30)
    expect(Math.max(...next) - Math.min(...next)).toBeGreaterThan(1_000)
  })

  it('announces a lonely device less and less often: over ten minutes, a handful of times, not every 4 s', () => {
    // The old rule announced every 4 s while alone: 150 times in ten minutes, to the whole room.
    const random = makeRandom(3)
    let state = FIRST_TRY
    let announced = 0
    for (let now = T0; now < T0 + 600_000; now += 2_000) {
      if (now < state.notBefore) continue
      announced++
      state = afterFailure(state, now, ANNOUNCE_BASE_MS, ANNOUNCE_MAX_MS, () => random.next())
    }
    expect(announced).toBeGreaterThan(5)
    expect(announced).toBeLessThan(30)
  })
})

describe('handshakes in flight', () => {
  it('lets a device start only a few handshakes at once, and answer only a few', () => {
    // y-webrtc dials up to maxConns (8) at once and answers every offer.
    expect(MAX_PENDING_DIALS).toBeLessThanOrEqual(3)
    expect(MAX_PENDING_ANSWERS).toBeLessThanOrEqual(3)
    expect(mayDial({ dials: 0, answers: 5 })).toBe(true)
    expect(mayDial({ dials: MAX_PENDING_DIALS, answers: 0 })).toBe(false)
    expect(mayAnswer({ dials: 5, answers: MAX_PENDING_ANSWERS - 1 })).toBe(true)
    expect(mayAnswer({ dials: 0, answers: MAX_PENDING_ANSWERS })).toBe(false)
  })

  it('dials waiting devices in a random order, so a room does not all dial the first to announce', () => {
    const random = makeRandom(11)
    const waiting = Array.from({ length: 29 }, (_, i) => `peer-${i}`)
    const first = Array.from({ length: 30 }, () => pickCandidate(waiting, () => random.next()))
    expect(new Set(first).size).toBeGreaterThan(10)
    expect(pickCandidate([], () => 0.5)).toBeUndefined()
  })
})
