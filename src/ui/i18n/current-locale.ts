import { createSignal } from 'solid-js'
import { chooseLocale, type Locale } from '../../domain/i18n/locale'
import { readLocalePreference, writeLocalePreference } from './locale-preference'

const browserLanguages = (): readonly string[] =>
  typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language]

const stored = readLocalePreference()
const [locale, setLocaleSignal] = createSignal<Locale>(stored ?? chooseLocale(browserLanguages()))
const [chosen, setChosen] = createSignal(stored !== null)

/** The interface language, a signal: everything reading it re-renders when it changes. */
export { locale }

/** Whether this device has chosen a language yet (the first-run screen offers the switch until then). */
export const localeChosen = chosen

/** Switches the interface language now and remembers it on this device. */
export const setLocale = (next: Locale): void => {
  writeLocalePreference(next)
  setChosen(true)
  setLocaleSignal(next)
}
