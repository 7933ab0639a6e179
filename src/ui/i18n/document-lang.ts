import { createEffect } from 'solid-js'
import { INTL_TAGS } from '../../domain/i18n/locale'
import { locale } from './current-locale'

/**
 * Keeps `lang` on <html> and on the app's root element equal to the interface language, live,
 * so screen readers read the interface with the right voice. Call inside the render root.
 * Content a person wrote is marked separately (see content-lang.ts): its language is not the
 * interface's.
 */
export const followLocaleOnDocument = (root: HTMLElement): void => {
  createEffect(() => {
    const tag = INTL_TAGS[locale()]
    document.documentElement.lang = tag
    root.lang = tag
  })
}
