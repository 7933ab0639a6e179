import type { Locale } from './locale'
import { en } from './messages-en'
import { cy } from './messages-cy'

/** Every message key; the English catalogue is the source, so a typo in a key is a type error. */
export type MessageKey = keyof typeof en

/** The values an ICU message's {arguments} take. */
export type MessageValues = Readonly<Record<string, string | number | Date>>

/**
 * Formats one message in the current language. Declared here, implemented in ui/i18n (it needs
 * intl-messageformat, which domain/ does not import), and passed to domain code that writes
 * fixed text, such as an export's headings.
 */
export type Translate = (key: MessageKey, values?: MessageValues) => string

export type Catalogue = Readonly<Record<MessageKey, string>>

export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { en, cy }
