import type { MessageKey } from '../../domain/i18n/catalogue'
import { INTL_TAGS, type Locale } from '../../domain/i18n/locale'
import { locale } from './current-locale'
import { translatorFor } from './t'

/**
 * "5 minutes ago" / "5 munud yn ôl". Through Intl.RelativeTimeFormat where the browser has the
 * language's data; where it has not (Debian's Chromium has none for Welsh, and answers in
 * English), from the catalogue's time.* messages, which hold CLDR's own forms for each plural
 * and its words for "yesterday", "last week" and the like.
 */
const UNITS = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'] as const
export type RelativeUnit = (typeof UNITS)[number]

/** How many of each unit make the next one (a month is about 4.35 weeks). */
const SIZES: Record<RelativeUnit, number> = { second: 60, minute: 60, hour: 24, day: 7, week: 4.35, month: 12, year: Number.POSITIVE_INFINITY }

/** The largest unit that keeps the figure under the next unit's size, and the rounded figure (negative is past). */
export const relativeAmount = (time: number, now: number): { value: number; unit: RelativeUnit } => {
  let value = (time - now) / 1000
  for (const unit of UNITS) {
    if (Math.abs(value) < SIZES[unit]) return { value: Math.round(value), unit }
    value /= SIZES[unit]
  }
  return { value: Math.round(value), unit: 'year' }
}

/** From the catalogue, as numeric: 'auto' says it ("yesterday" for one day past). */
export const relativeFromCatalogue = (value: number, unit: RelativeUnit, l: Locale): string => {
  const key = `time.${value <= 0 ? 'past' : 'future'}.${unit}` as MessageKey
  return translatorFor(l)(key, { count: Math.abs(value) })
}

const knows = new Map<Locale, boolean>()
const formats = new Map<Locale, Intl.RelativeTimeFormat>()
const intlFormat = (l: Locale): Intl.RelativeTimeFormat | null => {
  let known = knows.get(l)
  if (known === undefined) {
    known = Intl.RelativeTimeFormat.supportedLocalesOf([INTL_TAGS[l]]).length > 0
    knows.set(l, known)
  }
  if (!known) return null
  let made = formats.get(l)
  if (!made) {
    made = new Intl.RelativeTimeFormat(INTL_TAGS[l], { numeric: 'auto' })
    formats.set(l, made)
  }
  return made
}

/** Given two timestamps in milliseconds. */
export const formatRelative = (time: number, now: number, l: Locale = locale()): string => {
  const { value, unit } = relativeAmount(time, now)
  return intlFormat(l)?.format(value, unit) ?? relativeFromCatalogue(value, unit, l)
}
