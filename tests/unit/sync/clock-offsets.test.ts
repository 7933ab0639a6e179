import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { CLOCK_READING_WINDOW_MS, createClockOffsets } from '../../../src/domain/clock-offsets'
import { CLOCK_FIELD, shareClock } from '../../../src/sync/clock-presence'

const fast = 'f'.repeat(32)

describe('clock offsets', () => {
  it('knows nothing of a device until its second reading (the first may be a late hand-over)', () => {
    const offsets = createClockOffsets()
    expect(offsets.offsetOf(fast, 0)).toBe(0)
    expect(offsets.offsetOf(undefined, 0)).toBe(0)
    offsets.observe(fast, 1_000 + 90_000, 1_000)
    expect(offsets.offsetOf(fast, 1_000)).toBe(0)
    offsets.observe(fast, 15_000 + 90_000, 15_000)
    expect(offsets.offsetOf(fast, 15_000)).toBe(90_000)
  })

  it('takes the largest recent reading: a reading that came late never pulls the estimate back', () => {
    const offsets = createClockOffsets()
    offsets.observe(fast, 0, 0)
    offsets.observe(fast, 10_000 + 5_000, 10_000)
    // Passed on 12 s after it was read: it looks 12 s further behind than the clock is.
    offsets.observe(fast, 11_000 + 5_000 - 12_000, 11_000)
    expect(offsets.offsetOf(fast, 12_000)).toBe(5_000)
    // The same reading handed on again adds nothing.
    offsets.observe(fast, 15_000, 20_000)
    expect(offsets.offsetOf(fast, 20_000)).toBe(5_000)
  })

  it('lets old readings go, so a corrected clock is followed within the window', () => {
    const offsets = createClockOffsets()
    offsets.observe(fast, 0, 0)
    offsets.observe(fast, 1_000 + 60_000, 1_000)
    const later = 1_000 + CLOCK_READING_WINDOW_MS + 5_000
    offsets.observe(fast, later, later)
    expect(offsets.offsetOf(fast, later)).toBe(0)
    // With nothing recent at all, the latest reading still stands.
    expect(offsets.offsetOf(fast, later + 10 * CLOCK_READING_WINDOW_MS)).toBe(0)
  })

  it('ignores readings that are not numbers, or from a clock more than a day out', () => {
    const offsets = createClockOffsets()
    offsets.observe(fast, Number.NaN, 0)
    offsets.observe(fast, Number.POSITIVE_INFINITY, 0)
    offsets.observe(fast, 1e300, 0)
    offsets.observe(fast, 2e300, 1_000)
    expect(offsets.offsetOf(fast, 1_000)).toBe(0)
    offsets.observe(fast, 2_000 + 30_000, 2_000)
    offsets.observe(fast, 3_000 + 30_000, 3_000)
    offsets.observe(fast, 4_000 + 2 * 24 * 60 * 60_000, 4_000)
    expect(offsets.offsetOf(fast, 4_000)).toBe(30_000)
  })
})

describe('sharing clocks through presence', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  const person = (device: string, memberId: string) => ({
    user: { name: 'Kim Lee', color: '#2563eb', organisation: 'Lambeth Council', memberId },
    device
  })

  it('reads another device’s clock from its presence, and not this browser’s own tabs', () => {
    vi.useFakeTimers({ now: 1_000_000 })
    const here = new Awareness(new Y.Doc())
    const there = new Awareness(new Y.Doc())
    const tab = new Awareness(new Y.Doc())
    here.setLocalState(person('1'.repeat(32), 'a'.repeat(32)))
    there.setLocalState(person(fast, 'b'.repeat(32)))
    tab.setLocalState(person('1'.repeat(32), 'a'.repeat(32)))
    const shared = shareClock(here, '1'.repeat(32))
    const send = (from: Awareness): void =>
      applyAwarenessUpdate(here, encodeAwarenessUpdate(from, [from.clientID]), 'peer')
    // The other device's clock is two minutes fast; it says so twice, a presence renewal apart.
    for (let i = 0; i < 2; i++) {
      there.setLocalStateField(CLOCK_FIELD, Date.now() + 120_000)
      tab.setLocalStateField(CLOCK_FIELD, Date.now() + 999_000)
      send(there)
      send(tab)
      vi.advanceTimersByTime(15_000)
    }
    expect(shared.offsets.offsetOf(fast, Date.now())).toBe(120_000)
    expect(shared.offsets.offsetOf('1'.repeat(32), Date.now())).toBe(0)
    // Every presence this device sends carries its reading, taken as it is sent.
    vi.advanceTimersByTime(1_234)
    here.setLocalStateField('view', { artifactId: null })
    expect(here.getLocalState()?.[CLOCK_FIELD]).toBe(Date.now())
    shared.stop()
    vi.advanceTimersByTime(1_000)
    here.setLocalStateField('view', { artifactId: null })
    expect(here.getLocalState()?.[CLOCK_FIELD]).toBe(Date.now() - 1_000)
    here.destroy()
    there.destroy()
    tab.destroy()
  })
})
