import { describe, expect, it } from 'vitest'
import { formatDateFromNames, formatDateIn, type DateStyle } from '../../../src/domain/i18n/format-date'
import { INTL_TAGS, LOCALES } from '../../../src/domain/i18n/locale'

/**
 * Issue 16 (#12): Debian's Chromium has no Welsh date data, so Intl writes a Welsh date as
 * "June 5, 2026". Mutual then builds it from the catalogue's month names. Node ships full ICU,
 * so here the built date is held to what Intl itself writes in each language, for every month
 * and around midnight.
 */
const STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: { dateStyle: 'long' },
  medium: { dateStyle: 'medium' },
  'medium-time': { dateStyle: 'medium', timeStyle: 'short' },
  'short-day': { day: 'numeric', month: 'short', year: 'numeric' },
  'month-year': { month: 'short', year: '2-digit' }
}

const times = Array.from({ length: 12 }, (_, month) => [
  new Date(2026, month, 1, 0, 0),
  new Date(2025, month, 28, 23, 59),
  new Date(2031, month, 9, 9, 5)
]).flat()

describe('Welsh and English dates', () => {
  it.each(LOCALES)('built from the catalogue’s names, read as Intl with full data writes them (%s)', (l) => {
    for (const [style, options] of Object.entries(STYLES) as [DateStyle, Intl.DateTimeFormatOptions][]) {
      const intl = new Intl.DateTimeFormat(INTL_TAGS[l], options)
      const utc = new Intl.DateTimeFormat(INTL_TAGS[l], { ...options, timeZone: 'UTC' })
      for (const time of times) {
        expect(formatDateFromNames(time, style, l), `${style} ${time.toISOString()}`).toBe(intl.format(time))
        expect(formatDateFromNames(time, style, l, { utc: true }), `${style} UTC ${time.toISOString()}`).toBe(utc.format(time))
      }
    }
  })

  it('writes the Welsh months by their Welsh names', () => {
    const names = Array.from({ length: 12 }, (_, month) => formatDateFromNames(Date.UTC(2026, month, 5, 12), 'long', 'cy', { utc: true }).split(' ')[1])
    expect(names).toEqual(['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'])
    expect(formatDateFromNames(Date.UTC(2026, 5, 5, 14, 30), 'medium-time', 'cy', { utc: true })).toBe('5 Meh 2026, 14:30')
    expect(formatDateFromNames(Date.UTC(2026, 5, 5), 'month-year', 'cy', { utc: true })).toBe('Meh 26')
  })

  it('refuses a time that is not a time, as Intl does', () => {
    expect(() => formatDateFromNames(Number.NaN, 'long', 'cy')).toThrow(RangeError)
    expect(() => formatDateIn(Number.NaN, 'long', 'cy')).toThrow(RangeError)
  })

  it('gives the same day in either language for a date read in UTC', () => {
    expect(formatDateIn(Date.UTC(2026, 2, 14), 'long', 'en', { utc: true })).toBe('14 March 2026')
    expect(formatDateIn(Date.UTC(2026, 2, 14), 'long', 'cy', { utc: true })).toBe('14 Mawrth 2026')
  })
})
