import { INTL_TAGS, type Locale } from '../../domain/i18n/locale'
import { formatDateIn, type DateOptions, type DateStyle } from '../../domain/i18n/format-date'
import { formatBytes } from '../../domain/storage-health'
import { locale } from './current-locale'

/**
 * Dates, times and numbers in the interface language, through Intl where the browser has the
 * language's data (see domain/i18n/format-date.ts and format-relative.ts for where it has not).
 * Formatters are costly to make, so each (language, options) pair is made once.
 */
const cache = new Map<string, Intl.NumberFormat>()
const cached = <F extends Intl.NumberFormat>(id: string, make: () => F): F => {
  let found = cache.get(id)
  if (!found) {
    found = make()
    cache.set(id, found)
  }
  return found as F
}
const tag = (l: Locale): string => INTL_TAGS[l]

export type { DateStyle }

/** "5 June 2026" / "5 Mehefin 2026", in every browser (see domain/i18n/format-date.ts). */
export const formatDate = (time: number | Date, style: DateStyle = 'long', l: Locale = locale(), options: DateOptions = {}): string =>
  formatDateIn(time, style, l, options)

/** "1,500" in either language. */
export const formatNumber = (n: number, l: Locale = locale()): string =>
  cached(`n:${l}`, () => new Intl.NumberFormat(tag(l))).format(n)

/** "20 MB", "999 beit": a file's or the device's storage size in the interface language. */
export const formatSize = (bytes: number, l: Locale = locale()): string => formatBytes(bytes, l)

export { formatRelative } from './format-relative'
