import { createEffect, createRoot, createSignal, on } from 'solid-js'
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

/**
 * Calls `redraw` after each switch of the interface language, for what is drawn outside Solid
 * (the editor's citations, photo frames and hints), until the returned stop is called.
 */
export const onLocaleChange = (redraw: () => void): (() => void) =>
  createRoot((dispose) => {
    createEffect(on(locale, () => redraw(), { defer: true }))
    return dispose
  })
