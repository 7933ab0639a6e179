import { INTL_TAGS, type Locale } from '../../domain/i18n/locale'
import { locale } from './current-locale'

const formats = new Map<Locale, Intl.NumberFormat>()

/**
 * Whole pence as pounds in the interface language through Intl: "£1,250.00" in English and
 * in Welsh, "-£12.00" below zero. Pence stay integers until here, so nothing is lost to floats
 * before the last step.
 */
export const formatMoney = (pence: number, l: Locale = locale()): string => {
  let format = formats.get(l)
  if (!format) {
    format = new Intl.NumberFormat(INTL_TAGS[l], { style: 'currency', currency: 'GBP' })
    formats.set(l, format)
  }
  return format.format(pence / 100)
}
