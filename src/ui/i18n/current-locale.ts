import { createSignal } from 'solid-js'
import { chooseLocale, type Locale } from '../../domain/i18n/locale'
import { readLocalePreference, writeLocalePreference } from './locale-preference'

const browserLanguages = (): readonly string[] =>
  typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language]

const stored = readLocalePreference()
const [locale, setLocaleSignal] = createSignal<Locale>(stored ?? chooseLocale(browserLanguages()))

/** The interface language, a signal: everything reading it re-renders when it changes. */
export { locale }

/** Switches the interface language now and remembers it on this device. */
export const setLocale = (next: Locale): void => {
  writeLocalePreference(next)
  setLocaleSignal(next)
}
