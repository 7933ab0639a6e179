import { describe, expect, it } from 'vitest'
import { checkpointsToDrop, type RetainedCheckpoint } from '../../../src/domain/checkpoint-retention'

const MINUTE = 60_000
const now = Date.UTC(2026, 11, 6, 9, 0)

/** One checkpoint every `every` ms for `span` ms before now. */
const series = (every: number, span: number, reason: RetainedCheckpoint['reason'] = 'activity', bytes = 1000): RetainedCheckpoint[] => {
  const out: RetainedCheckpoint[] = []
  for (let at = now - span, id = 1; at <= now; at += every, id += 1) out.push({ id, at, reason, bytes })
  return out
}

const keptOf = (all: RetainedCheckpoint[], cap?: number) => {
  const dropped = new Set(checkpointsToDrop(all, now, cap))
  return all.filter((c) => !dropped.has(c.id))
}

describe('local checkpoint retention', () => {
  it('keeps every checkpoint of the last hour, then thins out with age', () => {
    const all = series(10 * MINUTE, 60 * 24 * 60 * MINUTE) // every 10 minutes for 60 days
    const kept = keptOf(all)
    const age = (c: RetainedCheckpoint) => now - c.at
    expect(kept.filter((c) => age(c) < 60 * MINUTE)).toHaveLength(all.filter((c) => age(c) < 60 * MINUTE).length)
    // One per quarter hour for the rest of the day, about one a day to 30 days, one a week after.
    expect(kept.filter((c) => age(c) >= 60 * MINUTE && age(c) < 24 * 60 * MINUTE).length).toBeLessThanOrEqual(24 * 4)
    expect(kept.filter((c) => age(c) >= 24 * 60 * MINUTE && age(c) < 30 * 24 * 60 * MINUTE).length).toBeLessThanOrEqual(31)
    expect(kept.filter((c) => age(c) >= 30 * 24 * 60 * MINUTE).length).toBeLessThanOrEqual(6)
    expect(kept.length).toBeLessThan(all.length / 20)
  })

  it('keeps the checkpoints from before a run of deletions, however dense', () => {
    const runs = series(MINUTE, 3 * 60 * MINUTE, 'before-deletions')
    expect(keptOf(runs)).toHaveLength(runs.length)
  })

  it('drops the oldest past the byte cap, but always keeps the newest', () => {
    const big = series(MINUTE, 30 * MINUTE, 'activity', 1_000_000)
    const kept = keptOf(big, 5_000_000)
    expect(kept.reduce((s, c) => s + c.bytes, 0)).toBeLessThanOrEqual(5_000_000)
    expect(kept.map((c) => c.at)).toContain(now)
    expect(Math.min(...kept.map((c) => c.at))).toBeGreaterThan(now - 10 * MINUTE)
    expect(keptOf([{ id: 1, at: now, reason: 'open', bytes: 10_000_000 }], 1000)).toHaveLength(1)
  })
})

describe('local copies of versions', () => {
  it('are all kept, however close together, until the byte cap', () => {
    const versions = series(MINUTE, 60 * 24 * 60 * MINUTE, 'version', 10).slice(0, 500)
    expect(keptOf(versions)).toHaveLength(500)
    expect(keptOf(versions, 1000).length).toBeLessThan(500)
  })
})
