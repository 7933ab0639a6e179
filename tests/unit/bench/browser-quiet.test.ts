import { describe, expect, it } from 'vitest'
import { quietAfter, type CpuReading } from '../../bench/support/browser-quiet'

/** Readings a second apart, from the CPU each second used (ms of CPU time in that second). */
const readingsOf = (usedPerSecond: number[]): CpuReading[] => {
  const readings: CpuReading[] = [{ atMs: 0, cpuMs: 0 }]
  for (const used of usedPerSecond) {
    const last = readings.at(-1) as CpuReading
    readings.push({ atMs: last.atMs + 1_000, cpuMs: last.cpuMs + used })
  }
  return readings
}

const rule = { busyBelow: 0.1, windows: 3 }

describe('a bench host is quiet before a join starts (browser-quiet)', () => {
  it('is not quiet while the host still works after its import', () => {
    // A host that has just imported a lab: over a core for seconds (local history copies, indexing).
    expect(quietAfter(readingsOf([900, 1_400, 700, 600]), rule)).toBe(false)
  })

  it('is quiet after three quiet seconds in a row, not after two', () => {
    expect(quietAfter(readingsOf([1_200, 800, 40, 30]), rule)).toBe(false)
    expect(quietAfter(readingsOf([1_200, 800, 40, 30, 60]), rule)).toBe(true)
  })

  it('counts a busy second among quiet ones as busy', () => {
    expect(quietAfter(readingsOf([40, 30, 250, 20]), rule)).toBe(false)
  })

  it('takes a sum that went down (a process ended) as busy, since what it used is unknown', () => {
    expect(quietAfter(readingsOf([20, -500, 20, 20]), rule)).toBe(false)
  })

  it('needs as many readings as windows, and one more', () => {
    expect(quietAfter(readingsOf([0, 0]), rule)).toBe(false)
    expect(quietAfter([], rule)).toBe(false)
  })
})
