import { INTL_TAGS, type Locale } from '../../domain/i18n/locale'
import { locale } from './current-locale'

/**
 * Dates, times and numbers through Intl in the interface language. Formatters are costly to
 * make, so each (language, options) pair is made once.
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>()
const cached = <F extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(id: string, make: () => F): F => {
  let found = cache.get(id)
  if (!found) {
    found = make()
    cache.set(id, found)
  }
  return found as F
}
const tag = (l: Locale): string => INTL_TAGS[l]

export type DateStyle = 'long' | 'medium' | 'medium-time' | 'short-day'

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: { dateStyle: 'long' },
  medium: { dateStyle: 'medium' },
  'medium-time': { dateStyle: 'medium', timeStyle: 'short' },
  'short-day': { day: 'numeric', month: 'short', year: 'numeric' }
}

/** "5 June 2026" / "5 Mehefin 2026". */
export const formatDate = (time: number | Date, style: DateStyle = 'long', l: Locale = locale()): string =>
  cached(`d:${l}:${style}`, () => new Intl.DateTimeFormat(tag(l), DATE_OPTIONS[style])).format(time)

/** "1,500" in either language. */
export const formatNumber = (n: number, l: Locale = locale()): string =>
  cached(`n:${l}`, () => new Intl.NumberFormat(tag(l))).format(n)

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY]
]

/** "5 minutes ago" / "5 munud yn ôl", given two timestamps in milliseconds. */
export const formatRelative = (time: number, now: number, l: Locale = locale()): string => {
  const relative = cached(`r:${l}`, () => new Intl.RelativeTimeFormat(tag(l), { numeric: 'auto' }))
  let value = (time - now) / 1000
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return relative.format(Math.round(value), unit)
    value /= size
  }
  return formatDate(time, 'medium-time', l)
}
