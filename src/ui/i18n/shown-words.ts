import { appWordsIn } from '../../domain/i18n/app-words'
import type { MessageKey } from '../../domain/i18n/catalogue'
import { CONTENT_LANG } from './content-lang'
import { t } from './t'

/** Stored text as shown, and the `lang` of the element showing it. */
export interface ShownWords {
  text: string
  /** "" for a person's words (language unknown, content-lang.ts); none for Mutual's, which take the interface's. */
  lang: string | undefined
}

/**
 * Stored text in the current language when Mutual wrote it and nobody changed it (see
 * domain/i18n/app-words.ts for how that is known), else as the person wrote it. Reactive, like t().
 */
export const shownWords = (stored: string, keys: readonly MessageKey[]): ShownWords => {
  const mutuals = appWordsIn(stored, keys, t)
  return mutuals === null ? { text: stored, lang: CONTENT_LANG.lang } : { text: mutuals, lang: undefined }
}
