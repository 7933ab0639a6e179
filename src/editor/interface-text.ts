import type { Translate } from '../domain/i18n/catalogue'
import { englishText } from '../domain/i18n/english-text'
import type { Locale } from '../domain/i18n/locale'

/**
 * The interface's translator and language, for the words the editor draws itself (a photo's or
 * file's frame, a lab plan citation, the hints). The editor does not import ui/, so the
 * interface hands them in (ui/features/attachments).
 */
export interface InterfaceWords {
  translate: Translate
  /** Read when something is drawn, so it is drawn in the language of that moment. */
  locale: () => Locale
}

export interface InterfaceText extends InterfaceWords {
  /**
   * Calls `redraw` after each switch of the interface's language, so what is already on screen
   * (a citation, a frame, a hint) is drawn again in the new one. Returns how to stop.
   */
  onLanguageChange: (redraw: () => void) => () => void
}

/**
 * Without a translator (an editor made outside the app, as in tests), English straight from
 * the English catalogue, which never changes. Only for messages with plain {arguments}: no
 * plurals or selects.
 */
export const ENGLISH_TEXT: InterfaceText = {
  translate: englishText,
  locale: () => 'en',
  onLanguageChange: () => () => {}
}
