import { foldText, wordSpans } from './normalise'

/** A piece of an excerpt: plain text, or a word that matched (shown as <mark>). */
export interface ExcerptPart {
  text: string
  match: boolean
}

export const EXCERPT_LENGTH = 160
/** How much of the excerpt comes before the first match, so it reads in context. */
const LEAD = 50
/** Characters examined word by word when folding changes a text's length (rare scripts). */
const MAX_SCANNED = 20_000

const WORD_CHAR = /[\p{L}\p{N}]/u
const isWordChar = (char: string | undefined): boolean => char !== undefined && WORD_CHAR.test(char)

/**
 * Where `word` first stands as a whole word in `folded`, or -1. The text's own (native) search
 * finds each candidate, so a long text costs a few scans, not a regular expression per word.
 */
const wholeWordAt = (folded: string, word: string, before: number): number => {
  for (let at = folded.indexOf(word); at >= 0 && at < before; at = folded.indexOf(word, at + 1)) {
    if (!isWordChar(folded[at - 1]) && !isWordChar(folded[at + word.length])) return at
  }
  return -1
}

/**
 * Where the first matching word is in `text` (offsets in the text as written), or null.
 * `matched` holds folded words. Folding keeps the length of almost every text (accents are
 * dropped one for one), so the folded text's words are looked up as they are and the offsets
 * carry over; otherwise words are folded one at a time, up to a bound.
 */
export const firstMatch = (
  text: string,
  matched: ReadonlySet<string>,
  /** foldText(text), when the caller keeps it (the search engine does, per item). */
  folded = foldText(text)
): { start: number; end: number } | null => {
  if (matched.size === 0) return null
  if (folded.length === text.length) {
    // Each matched word looked for on its own, keeping the earliest: cheap however long the
    // text and wherever the match is (a prefix matches a handful of words at most).
    let best: { start: number; end: number } | null = null
    for (const word of matched) {
      if (word.length === 0) continue
      const at = wholeWordAt(folded, word, best ? best.start : folded.length)
      if (at >= 0) best = { start: at, end: at + word.length }
    }
    return best
  }
  const span = wordSpans(text.slice(0, MAX_SCANNED)).find((s) => matched.has(s.folded))
  return span ? { start: span.start, end: span.end } : null
}

/**
 * A short stretch of `text` around its first matching word, split so the matching words can
 * be highlighted. `matched` holds folded words (what the index matched, prefixes and fuzzy
 * matches included). Whitespace is collapsed; "…" marks text left out at either end. With no
 * match in the text (the title matched), the excerpt is the text's beginning.
 */
export const makeExcerpt = (
  text: string,
  matched: ReadonlySet<string>,
  options: { length?: number; folded?: string } = {}
): ExcerptPart[] => {
  const length = options.length ?? EXCERPT_LENGTH
  const first = firstMatch(text, matched, options.folded)
  let start = first ? Math.max(0, first.start - LEAD) : 0
  // Start and end on word boundaries rather than mid-word.
  if (start > 0) {
    const before = text.slice(start, first ? first.start : start)
    const boundary = before.search(/[^\p{L}\p{N}\p{M}]/u)
    if (boundary >= 0) start += boundary + 1
  }
  let end = Math.min(text.length, Math.max(start + length, first ? first.end : 0))
  if (end < text.length) {
    const tail = text.slice(start, end)
    const lastBreak = tail.search(/[^\p{L}\p{N}\p{M}][\p{L}\p{N}\p{M}]*$/u)
    if (lastBreak > 0 && start + lastBreak >= (first ? first.end : start)) end = start + lastBreak
  }
  const window = text.slice(start, end)
  const parts: ExcerptPart[] = []
  const push = (piece: string, match: boolean): void => {
    const flat = piece.replace(/\s+/g, ' ')
    if (flat.length === 0) return
    const last = parts[parts.length - 1]
    if (last && last.match === match) last.text = (last.text + flat).replace(/\s+/g, ' ')
    else parts.push({ text: flat, match })
  }
  if (start > 0) push('… ', false)
  let at = 0
  for (const span of wordSpans(window)) {
    if (!matched.has(span.folded)) continue
    push(window.slice(at, span.start), false)
    push(window.slice(span.start, span.end), true)
    at = span.end
  }
  push(window.slice(at), false)
  if (end < text.length) push(' …', false)
  const head = parts[0]
  if (head && !head.match) head.text = head.text.trimStart()
  const tailPart = parts[parts.length - 1]
  if (tailPart && !tailPart.match && end >= text.length) tailPart.text = tailPart.text.trimEnd()
  return parts.filter((part) => part.text.length > 0)
}
