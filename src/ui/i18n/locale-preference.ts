import { isLocale, type Locale } from '../../domain/i18n/locale'

/** Where this device remembers the chosen language. Not workspace data: it never syncs. */
const KEY = 'mutual.locale'

/** The language this device chose before, or null (none chosen, or storage unavailable). */
export const readLocalePreference = (): Locale | null => {
  try {
    const stored: unknown = globalThis.localStorage?.getItem(KEY)
    return isLocale(stored) ? stored : null
  } catch {
    // Storage blocked (private mode, policy): the browser's language decides instead.
    return null
  }
}

export const writeLocalePreference = (locale: Locale): void => {
  try {
    globalThis.localStorage?.setItem(KEY, locale)
  } catch {
    // Not remembered, but the switch still applies for this visit.
  }
}
