import { IntlMessageFormat } from 'intl-messageformat'
import { CATALOGUES, type MessageKey, type MessageValues, type Translate } from '../../domain/i18n/catalogue'
import { INTL_TAGS, type Locale } from '../../domain/i18n/locale'

/**
 * A translator for one language: ICU MessageFormat through intl-messageformat, so Welsh plurals
 * (zero, one, two, few, many, other) come from Intl.PluralRules('cy'). Each message is parsed
 * once, on first use, and kept.
 */
export const makeTranslator = (locale: Locale): Translate => {
  const catalogue = CATALOGUES[locale]
  const parsed = new Map<MessageKey, IntlMessageFormat>()
  return (key, values) => {
    let message = parsed.get(key)
    if (!message) {
      message = new IntlMessageFormat(catalogue[key], INTL_TAGS[locale])
      parsed.set(key, message)
    }
    const text = message.format(values as MessageValues & Record<string, string | number | Date>)
    // Only plain values go in, so the output is one string; anything else is a catalogue bug.
    return typeof text === 'string' ? text : String(text)
  }
}
