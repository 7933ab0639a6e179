import { createMemo, createRoot } from 'solid-js'
import type { MessageKey, MessageValues, Translate } from '../../domain/i18n/catalogue'
import type { Locale } from '../../domain/i18n/locale'
import { locale } from './current-locale'
import { makeTranslator } from './make-translator'

const translators = new Map<Locale, Translate>()
const translatorFor = (l: Locale): Translate => {
  let made = translators.get(l)
  if (!made) {
    made = makeTranslator(l)
    translators.set(l, made)
  }
  return made
}

// One app-wide memo (owned by its own root, never disposed): the translator follows the signal.
const current = createRoot(() => createMemo(() => translatorFor(locale())))

/**
 * The text for a key in the current language. Reactive: called inside JSX or a memo, it
 * re-runs when the language changes.
 */
export const t: Translate = (key: MessageKey, values?: MessageValues) => current()(key, values)

/** The current translator as a value, for domain/editor code that takes one as a parameter. */
export const currentTranslator = (): Translate => current()
