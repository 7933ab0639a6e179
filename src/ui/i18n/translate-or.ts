import { en } from '../../domain/i18n/messages-en'
import type { MessageKey } from '../../domain/i18n/catalogue'
import { t } from './t'

/**
 * The text for a key built at run time (from a template's id, say), or `fallback` when the
 * catalogue has no such key: data added later (a new template) still shows, in English, until
 * it gets its messages. A unit test checks every built-in template has them.
 */
export const translateOr = (key: string, fallback: string): string =>
  Object.hasOwn(en, key) ? t(key as MessageKey) : fallback
