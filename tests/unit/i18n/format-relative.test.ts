import { describe, expect, it } from 'vitest'
import { INTL_TAGS, LOCALES } from '../../../src/domain/i18n/locale'
import { formatRelative, relativeAmount, relativeFromCatalogue, type RelativeUnit } from '../../../src/ui/i18n/format-relative'

/**
 * Issue 16 (#12): Debian's Chromium has no Welsh data for Intl.RelativeTimeFormat and writes
 * "5 minutes ago" in a Welsh interface. Mutual then says it from the catalogue. Node ships
 * full ICU, so the catalogue's words are held to Intl's own, for every figure each unit takes.
 */
const RANGES: Record<RelativeUnit, number> = { second: 59, minute: 59, hour: 23, day: 6, week: 4, month: 11, year: 120 }

describe('times past and to come, from the catalogue', () => {
  it.each(LOCALES)('say what Intl with full data says (%s)', (l) => {
    const intl = new Intl.RelativeTimeFormat(INTL_TAGS[l], { numeric: 'auto' })
    for (const [unit, most] of Object.entries(RANGES) as [RelativeUnit, number][]) {
      for (let value = -most; value <= most; value++) {
        expect(relativeFromCatalogue(value, unit, l), `${value} ${unit}`).toBe(intl.format(value, unit))
      }
    }
  })

  it('picks the unit a person would use', () => {
    const now = Date.UTC(2026, 5, 5, 12)
    expect(relativeAmount(now - 5 * 60_000, now)).toEqual({ value: -5, unit: 'minute' })
    expect(relativeAmount(now - 26 * 3_600_000, now)).toEqual({ value: -1, unit: 'day' })
    expect(relativeAmount(now - 400 * 86_400_000, now)).toEqual({ value: -1, unit: 'year' })
    expect(relativeAmount(now + 3 * 86_400_000, now)).toEqual({ value: 3, unit: 'day' })
    expect(formatRelative(now - 26 * 3_600_000, now, 'cy')).toBe('ddoe')
    expect(relativeFromCatalogue(-2, 'month', 'cy')).toBe('2 fis yn ôl')
  })
})
