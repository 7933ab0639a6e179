import type { InterfaceText } from '../../editor/interface-text'
import { locale, onLocaleChange } from './current-locale'
import { t } from './t'

/**
 * The interface's words for what the editor draws itself (frames, citations, hints): t reads the
 * current language when called, and what is on screen is drawn again when it switches.
 */
export const EDITOR_INTERFACE_TEXT: InterfaceText = { translate: t, locale, onLanguageChange: onLocaleChange }
