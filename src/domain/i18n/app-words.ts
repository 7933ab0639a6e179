import { CATALOGUES, type MessageKey, type Translate } from './catalogue'
import { en } from './messages-en'

/*
 * Words Mutual writes into a workspace on a person's behalf (a new lab plan's title, the columns
 * a board template starts with) are stored in the language of whoever made the thing. Until
 * someone changes them they are still Mutual's words, so every reader sees them in their own
 * language. They are recognised by being exactly one part of the catalogue message that wrote
 * them, in any language Mutual speaks (a template's parts are joined by '|'). Anything else is a
 * person's own words and is shown as stored. Someone who types exactly Mutual's words gets the
 * same words back in the reader's language: nothing they meant is lost.
 */

/** Which part of which message `stored` is, in any language; null for a person's own words. */
const partOf = (stored: string, keys: readonly MessageKey[]): { key: MessageKey; index: number } | null => {
  for (const key of keys) {
    for (const catalogue of Object.values(CATALOGUES)) {
      const index = catalogue[key].split('|').indexOf(stored)
      if (index >= 0) return { key, index }
    }
  }
  return null
}

/** Mutual's stored words in the language `translate` speaks, or null when a person wrote them. */
export const appWordsIn = (stored: string, keys: readonly MessageKey[], translate: Translate): string | null => {
  const part = partOf(stored, keys)
  return part ? (translate(part.key).split('|')[part.index] ?? null) : null
}

/** Mutual's stored words in every language it speaks (so search finds them in each), or none for a person's. */
export const appWordsEverywhere = (stored: string, keys: readonly MessageKey[]): string[] => {
  const part = partOf(stored, keys)
  return part ? Object.values(CATALOGUES).map((catalogue) => catalogue[part.key].split('|')[part.index] ?? stored) : []
}

/** Catalogue keys built at run time (from a template's id), keeping those the catalogue has. */
export const knownKeys = (keys: readonly string[]): MessageKey[] => keys.filter((key): key is MessageKey => Object.hasOwn(en, key))
