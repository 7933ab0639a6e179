import { translateKnown } from '../../domain/i18n/known-text'
import { currentTranslator } from './t'

/**
 * A refusal written below the interface (a schema's check on what someone typed, a storage or
 * comment problem) in the chosen language. Those layers write the English catalogue's words,
 * so the words name their message (see known-text.ts); text the catalogue does not hold, or
 * text already in the chosen language, is shown as it is.
 */
export const inChosenLanguage = (text: string): string => translateKnown(currentTranslator(), text)
