/**
 * Case- and accent-insensitive matching: "ynys mon" finds "Ynys Môn", "CAFÉ" finds "cafe".
 * Letters are decomposed (NFD) and their combining marks dropped, then lower-cased. The same
 * folding is used to index, to query and to highlight, so all three agree.
 */
const MARKS = /\p{M}/gu
const WORD_BREAK = /[^\p{L}\p{N}]+/u

export const foldText = (text: string): string => text.normalize('NFD').replace(MARKS, '').toLowerCase()

/** The words of a text, folded; punctuation and spaces separate words. */
export const searchWords = (text: string): string[] => foldText(text).split(WORD_BREAK).filter((word) => word.length > 0)

export interface WordSpan {
  /** Offsets in the original text. */
  start: number
  end: number
  folded: string
}

const WORD_CHARS = /[\p{L}\p{N}\p{M}]+/gu

/**
 * Each word of a text with where it is in the original (not the folded) text, so a match
 * found on folded words can be highlighted in the text as the person wrote it.
 */
export const wordSpans = (text: string, limit = Number.POSITIVE_INFINITY): WordSpan[] => {
  const spans: WordSpan[] = []
  for (const match of text.matchAll(WORD_CHARS)) {
    if (spans.length >= limit) break
    const folded = foldText(match[0])
    if (folded.length > 0) spans.push({ start: match.index, end: match.index + match[0].length, folded })
  }
  return spans
}
