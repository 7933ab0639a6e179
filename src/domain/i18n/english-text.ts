import type { Translate } from './catalogue'
import { en } from './messages-en'

/**
 * An English catalogue message with its plain {arguments} filled in, for code below the
 * interface that was given no translator (an editor or export made outside the app, as in
 * tests). Only for messages without plurals or selects: those need ui/i18n's translator.
 */
export const englishText: Translate = (key, values) =>
  en[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? ''))
