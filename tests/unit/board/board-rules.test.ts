import { describe, expect, it } from 'vitest'
import {
  addToTimer,
  canPlaceDot,
  countingDots,
  dotsLeft,
  formatTimer,
  nextSlot,
  refusedDotMessage,
  refusedDots,
  pauseTimer,
  rankNotes,
  resetTimer,
  startTimer,
  timerClock,
  timerRemainingMs,
  type Dot,
  type VoteRound
} from '../../../src/domain/board'
import { createClockOffsets } from '../../../src/domain/clock-offsets'

const round = (over: Partial<VoteRound> = {}): VoteRound => ({
  id: 'r1',
  status: 'open',
  dotsPerPerson: 3,
  allowSeveralOnOneNote: false,
  openedAt: 0,
  ...over
})
const dot = (voterId: string, slot: number, noteId: string, roundId = 'r1', id = `${roundId}:${voterId}:${slot}`): Dot => ({
  roundId,
  voterId,
  slot,
  noteId,
  id
})
const live = new Set(['a', 'b', 'c'])

describe('dot voting rules', () => {
  it('counts a second dot on one note only when the round allows it, keeping the lowest slot', () => {
    const dots = [dot('ann', 1, 'a'), dot('ann', 0, 'a'), dot('ann', 2, 'b')]
    expect(countingDots(round(), dots, live).map((d) => d.slot)).toEqual([0, 2])
    expect(countingDots(round({ allowSeveralOnOneNote: true }), dots, live)).toHaveLength(3)
  })

  it('ignores dots beyond the allowance, on deleted notes, or from another round', () => {
    const dots = [dot('ann', 0, 'a'), dot('ann', 5, 'b'), dot('ann', 1, 'gone'), dot('ann', 2, 'c', 'old')]
    expect(countingDots(round(), dots, live)).toEqual([dot('ann', 0, 'a'), dot('ann', 5, 'b')])
    expect(countingDots(round({ dotsPerPerson: 1 }), dots, live)).toEqual([dot('ann', 0, 'a')])
    expect(refusedDots(round({ dotsPerPerson: 1 }), dots, live)).toEqual([dot('ann', 5, 'b')])
  })

  it('counts the earlier of two dots placed in one slot at once, by id on every device', () => {
    const fromTab1 = dot('ann', 0, 'a', 'r1', 'r1:ann:0:x')
    const fromTab2 = dot('ann', 0, 'b', 'r1', 'r1:ann:0:y')
    const budgetOfOne = round({ dotsPerPerson: 1 })
    expect(countingDots(budgetOfOne, [fromTab2, fromTab1], live)).toEqual([fromTab1])
    expect(refusedDots(budgetOfOne, [fromTab1, fromTab2], live)).toEqual([fromTab2])
    expect(countingDots(round(), [fromTab2, fromTab1], live)).toEqual([fromTab1, fromTab2])
  })

  it('refuses a dot once the budget is spent, on a closed round, or twice on one note', () => {
    const dots = [dot('ann', 0, 'a'), dot('ann', 1, 'b')]
    expect(canPlaceDot(round(), dots, live, 'ann', 'c')).toBe(true)
    expect(canPlaceDot(round(), dots, live, 'ann', 'a')).toBe(false)
    expect(canPlaceDot(round({ allowSeveralOnOneNote: true }), dots, live, 'ann', 'a')).toBe(true)
    expect(canPlaceDot(round({ status: 'closed' }), dots, live, 'ann', 'c')).toBe(false)
    const spent = [...dots, dot('ann', 2, 'c')]
    expect(canPlaceDot(round({ allowSeveralOnOneNote: true }), spent, live, 'ann', 'a')).toBe(false)
    expect(dotsLeft(round(), countingDots(round(), spent, live), 'ann')).toBe(0)
    expect(nextSlot(round(), spent, 'ann')).toBe(3)
    expect(nextSlot(round(), [], 'ann')).toBe(0)
  })

  it('ranks notes by votes with shared ranks for ties', () => {
    const dots = [dot('ann', 0, 'b'), dot('bob', 0, 'b'), dot('ann', 1, 'a'), dot('cat', 0, 'c')]
    expect(rankNotes(dots, ['a', 'b', 'c', 'd'])).toEqual([
      { noteId: 'b', votes: 2, rank: 1 },
      { noteId: 'a', votes: 1, rank: 2 },
      { noteId: 'c', votes: 1, rank: 2 },
      { noteId: 'd', votes: 0, rank: 4 }
    ])
  })

  it('tells the person which dot was refused and why', () => {
    const fromTab1 = dot('ann', 0, 'a', 'r1', 'r1:ann:0:x')
    const fromTab2 = dot('ann', 0, 'b', 'r1', 'r1:ann:0:y')
    const one = round({ dotsPerPerson: 1 })
    expect(refusedDotMessage(one, countingDots(one, [fromTab1, fromTab2], live), fromTab2, 'Idea B')).toBe(
      'Your dot on “Idea B” was not counted: you had already placed all 1 dot, some from another tab or device at the same moment.'
    )
    const twice = dot('ann', 1, 'a', 'r1', 'r1:ann:1:y')
    expect(refusedDotMessage(round(), countingDots(round(), [fromTab1, twice], live), twice, 'Idea A')).toBe(
      'Your dot on “Idea A” was not counted: you already had a dot on it, and this vote allows one dot per note.'
    )
  })
})

describe('shared timer', () => {
  it('keeps the end time while running, so every device and a reload agree', () => {
    const running = startTimer(resetTimer(300_000), 1_000)
    expect(running).toEqual({ status: 'running', durationMs: 300_000, endsAt: 301_000 })
    expect(timerRemainingMs(running, 61_000)).toBe(240_000)
    expect(timerRemainingMs(running, 999_999)).toBe(0)
  })

  it('pauses, adds a minute and resumes from what was left', () => {
    const paused = pauseTimer(startTimer(resetTimer(120_000), 0), 30_000)
    expect(paused).toEqual({ status: 'paused', durationMs: 120_000, remainingMs: 90_000 })
    const longer = addToTimer(paused, 60_000, 40_000)
    expect(timerRemainingMs(longer, 50_000)).toBe(150_000)
    expect(timerRemainingMs(startTimer(longer, 100_000), 110_000)).toBe(140_000)
    expect(timerRemainingMs(addToTimer(startTimer(resetTimer(1_000), 0), 60_000, 5_000), 5_000)).toBe(60_000)
  })

  it('runs by the clock of the device that started it, which another device reads through its offset', () => {
    const facilitator = 'a'.repeat(32)
    const running = startTimer(resetTimer(600_000), 1_000_000, facilitator)
    expect(timerClock(running)).toBe(facilitator)
    // A participant whose clock is three minutes fast, a minute later: 09:00 left, not 06:00.
    const participantNow = 1_000_000 + 180_000 + 60_000
    const offset = createClockOffsets()
    offset.observe(facilitator, 900_000, 900_000 + 180_000)
    offset.observe(facilitator, 990_000, 990_000 + 180_000)
    expect(timerRemainingMs(running, participantNow + offset.offsetOf(facilitator, participantNow))).toBe(540_000)
    // Paused or stopped, it runs by nobody's clock.
    expect(timerClock(pauseTimer(running, 1_060_000))).toBeUndefined()
    // A timer saved before timers kept their clock reads by this device's own.
    expect(timerClock(startTimer(resetTimer(1_000), 0))).toBeUndefined()
  })

  it('formats minutes and seconds, rounding up the last second', () => {
    expect(formatTimer(245_000)).toBe('4:05')
    expect(formatTimer(8_200)).toBe('0:09')
    expect(formatTimer(0)).toBe('0:00')
  })
})
