/** The interface languages Mutual ships. English is the source; Welsh for the Welsh Language Standards. */
export const LOCALES = ['en', 'cy'] as const
export type Locale = (typeof LOCALES)[number]

export const isLocale = (value: unknown): value is Locale => value === 'en' || value === 'cy'

/**
 * The language's own name, shown on the switch in that language (a Welsh speaker looks for
 * "Cymraeg", not "Welsh").
 */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', cy: 'Cymraeg' }

/** The BCP 47 tag `Intl` formats with: British English, and Welsh as written in the UK. */
export const INTL_TAGS: Record<Locale, string> = { en: 'en-GB', cy: 'cy-GB' }

/**
 * The browser's preferred languages, in order, decide: the first that Mutual has wins
 * ("cy-GB" and "cy" are Welsh, any "en-…" is English). Anything else falls back to English,
 * which is also what the e2e tests' en-US Chromium gets.
 */
export const chooseLocale = (preferred: readonly string[]): Locale => {
  for (const tag of preferred.slice(0, 20)) {
    const primary = tag.toLowerCase().split('-')[0]
    if (isLocale(primary)) return primary
  }
  return 'en'
}
