import { parseListText } from './list-text'

export const MAX_TAG_LENGTH = 40

/**
 * Tags are compared and stored in lower case, so "Housing" typed on one device and "housing"
 * on another are one tag rather than two that look alike.
 */
export const normaliseTag = (tag: string): string =>
  tag.trim().replace(/\s+/g, ' ').toLowerCase().slice(0, MAX_TAG_LENGTH)

/** The tags in a comma-separated field, normalised, blanks and repeats dropped. */
export const parseTags = (text: string): string[] => [
  ...new Set(parseListText(text).map(normaliseTag).filter((t) => t.length > 0))
]
