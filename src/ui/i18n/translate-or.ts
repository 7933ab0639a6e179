import { en } from '../../domain/i18n/messages-en'
import type { MessageKey, Translate } from '../../domain/i18n/catalogue'
import type { TranslateOr } from '../../domain/templates/localise-document-template'
import { t } from './t'

/**
 * The text for a key built at run time (from a template's id, say), or `fallback` when the
 * catalogue has no such key: data added later (a new template) still shows, in English, until
 * it gets its messages. tests/unit/i18n/template-messages.test.ts checks every built-in
 * template has them.
 */
export const translateOrWith =
  (translate: Translate): TranslateOr =>
  (key, fallback) =>
    Object.hasOwn(en, key) ? translate(key as MessageKey) : fallback

/** translateOrWith in the current interface language (reactive, like t()). */
export const translateOr: TranslateOr = translateOrWith(t)
