import { CATALOGUES } from './i18n/catalogue'
import { INTL_TAGS, type Locale } from './i18n/locale'

/** What the browser tells us about this origin's storage, in plain numbers. */
export interface StorageFacts {
  persisted: boolean | 'unknown'
  usageBytes: number | null
  quotaBytes: number | null
}

export type StorageRisk =
  | { level: 'ok' }
  | { level: 'may-be-evicted' }
  | { level: 'nearly-full'; usedFraction: number }
  | { level: 'unknown' }

/** Above this share of the quota, writes may start failing soon. */
export const NEARLY_FULL_FRACTION = 0.8

/** The most urgent thing to tell a person about their storage. */
export const assessStorage = (facts: StorageFacts): StorageRisk => {
  if (facts.usageBytes !== null && facts.quotaBytes !== null && facts.quotaBytes > 0) {
    const usedFraction = facts.usageBytes / facts.quotaBytes
    if (usedFraction >= NEARLY_FULL_FRACTION) return { level: 'nearly-full', usedFraction }
  }
  if (facts.persisted === false) return { level: 'may-be-evicted' }
  if (facts.persisted === 'unknown') return { level: 'unknown' }
  return { level: 'ok' }
}

const numberFormats = new Map<string, Intl.NumberFormat>()
const numberIn = (l: Locale, decimals: number): Intl.NumberFormat => {
  const id = `${l}:${decimals}`
  let made = numberFormats.get(id)
  if (!made) {
    made = new Intl.NumberFormat(INTL_TAGS[l], { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    numberFormats.set(id, made)
  }
  return made
}

/**
 * 1536 → "1.5 KB"; uses powers of 1,000 as people read them on their devices. The figure goes
 * through Intl in the interface language, the unit's name comes from its catalogue (size.units:
 * "bytes" are "beit" in Welsh).
 */
export const formatBytes = (bytes: number, l: Locale = 'en'): string => {
  const units = CATALOGUES[l]['size.units'].split('|')
  let value = bytes
  let unit = 0
  const decimals = (): number => (unit === 0 || value >= 9.95 ? 0 : 1)
  const shown = (): number => Number(value.toFixed(decimals()))
  // Step up while the figure as shown would reach 1,000, so 999,999 bytes reads "1.0 MB", not "1000 KB".
  while (shown() >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit += 1
  }
  return `${numberIn(l, decimals()).format(shown())} ${units[unit]}`
}
