import { CATALOGUES } from './catalogue'
import { INTL_TAGS, type Locale } from './locale'

/**
 * Every date Mutual shows goes through here, in the interface language.
 *
 * Through Intl where the browser has data for the language. Debian's Chromium (and other
 * builds with a trimmed ICU) has none for Welsh: `Intl.DateTimeFormat('cy-GB')` silently falls
 * back to American English ("June 5, 2026, 2:30 PM"). There the date is built from the
 * catalogue's month names (areas/dates.*.ts) in the order CLDR gives, so a Welsh date reads
 * "5 Mehefin 2026" in every browser.
 */
export type DateStyle =
  /** "5 June 2026" / "5 Mehefin 2026" */
  | 'long'
  /** "5 Jun 2026" / "5 Meh 2026" */
  | 'medium'
  /** "5 Jun 2026, 14:30" / "5 Meh 2026, 14:30" */
  | 'medium-time'
  /** "5 Jun 2026": day, short month, year (a compact date beside a title) */
  | 'short-day'
  /** "Jun 26" / "Meh 26": a month on a timeline's scale */
  | 'month-year'

export interface DateOptions {
  /** Read the time in UTC (a bare calendar date stored as midnight UTC), not this device's zone. */
  utc?: boolean
}

const INTL_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: { dateStyle: 'long' },
  medium: { dateStyle: 'medium' },
  'medium-time': { dateStyle: 'medium', timeStyle: 'short' },
  'short-day': { day: 'numeric', month: 'short', year: 'numeric' },
  'month-year': { month: 'short', year: '2-digit' }
}

const knows = new Map<Locale, boolean>()
/** Whether this browser's Intl has date data for the language (asked once per language). */
export const intlHasDates = (l: Locale): boolean => {
  let known = knows.get(l)
  if (known === undefined) {
    known = Intl.DateTimeFormat.supportedLocalesOf([INTL_TAGS[l]]).length > 0
    knows.set(l, known)
  }
  return known
}

// Formatters are costly to make: one per language, style and zone.
const formatters = new Map<string, Intl.DateTimeFormat>()
const intlFormatter = (l: Locale, style: DateStyle, utc: boolean): Intl.DateTimeFormat => {
  const id = `${l}:${style}:${utc ? 'utc' : 'local'}`
  let made = formatters.get(id)
  if (!made) {
    made = new Intl.DateTimeFormat(INTL_TAGS[l], { ...INTL_OPTIONS[style], ...(utc ? { timeZone: 'UTC' } : {}) })
    formatters.set(id, made)
  }
  return made
}

const twoDigits = (n: number): string => String(n).padStart(2, '0')

/**
 * The date built from the catalogue's names, as CLDR lays it out for en-GB and cy alike
 * (day, month, year; a 24-hour clock). Used where Intl lacks the language; exported so a test
 * can hold it to Intl's own output where Intl has the data.
 */
export const formatDateFromNames = (time: number | Date, style: DateStyle, l: Locale, options: DateOptions = {}): string => {
  const date = new Date(time)
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid time value')
  const utc = options.utc === true
  const day = utc ? date.getUTCDate() : date.getDate()
  const month = utc ? date.getUTCMonth() : date.getMonth()
  const year = utc ? date.getUTCFullYear() : date.getFullYear()
  const catalogue = CATALOGUES[l]
  const longMonth = catalogue['date.months'].split('|')[month] ?? ''
  const shortMonth = catalogue['date.monthsShort'].split('|')[month] ?? ''
  switch (style) {
    case 'long':
      return `${day} ${longMonth} ${year}`
    case 'medium':
    case 'short-day':
      return `${day} ${shortMonth} ${year}`
    case 'medium-time': {
      const hours = utc ? date.getUTCHours() : date.getHours()
      const minutes = utc ? date.getUTCMinutes() : date.getMinutes()
      return `${day} ${shortMonth} ${year}, ${twoDigits(hours)}:${twoDigits(minutes)}`
    }
    case 'month-year':
      return `${shortMonth} ${twoDigits(year % 100)}`
  }
}

/** A date for people, in the language given: the one function every screen and export uses. */
export const formatDateIn = (time: number | Date, style: DateStyle, l: Locale, options: DateOptions = {}): string =>
  intlHasDates(l) ? intlFormatter(l, style, options.utc === true).format(time) : formatDateFromNames(time, style, l, options)
