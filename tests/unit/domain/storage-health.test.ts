import { describe, expect, it } from 'vitest'
import { assessStorage, formatBytes, NEARLY_FULL_FRACTION } from '../../../src/domain/storage-health'

describe('assessStorage', () => {
  it('is fine when storage is persistent and has room', () => {
    expect(assessStorage({ persisted: true, usageBytes: 1_000, quotaBytes: 1_000_000 })).toEqual({ level: 'ok' })
  })

  it('warns that data may be evicted when the browser has not made it persistent', () => {
    expect(assessStorage({ persisted: false, usageBytes: 1_000, quotaBytes: 1_000_000 })).toEqual({
      level: 'may-be-evicted'
    })
  })

  it('says it does not know when the browser will not say', () => {
    expect(assessStorage({ persisted: 'unknown', usageBytes: null, quotaBytes: null })).toEqual({ level: 'unknown' })
  })

  it('puts nearly full ahead of everything else, from the threshold on', () => {
    expect(assessStorage({ persisted: false, usageBytes: 800, quotaBytes: 1000 })).toEqual({
      level: 'nearly-full',
      usedFraction: NEARLY_FULL_FRACTION
    })
    expect(assessStorage({ persisted: true, usageBytes: 950, quotaBytes: 1000 })).toEqual({
      level: 'nearly-full',
      usedFraction: 0.95
    })
    expect(assessStorage({ persisted: true, usageBytes: 799, quotaBytes: 1000 })).toEqual({ level: 'ok' })
  })

  it('ignores a quota of zero or missing figures rather than dividing by them', () => {
    expect(assessStorage({ persisted: true, usageBytes: 10, quotaBytes: 0 })).toEqual({ level: 'ok' })
    expect(assessStorage({ persisted: true, usageBytes: null, quotaBytes: 1000 })).toEqual({ level: 'ok' })
  })
})

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [999, '999 bytes'],
    [1000, '1.0 KB'],
    [1536, '1.5 KB'],
    [12_345, '12 KB'],
    [999_499, '999 KB'],
    [999_999, '1.0 MB'],
    [9_960, '10 KB'],
    [9_940, '9.9 KB'],
    [5_300_000, '5.3 MB'],
    [2_000_000_000, '2.0 GB'],
    [7.5e12, '7.5 TB'],
    [3e15, '3,000 TB']
  ])('%d bytes reads as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text)
  })
})
