import type { JsonNode } from '@tiptap/y-tiptap'
import { safeHref } from '../safe-url'

/**
 * Exports read the body as editor JSON. It may come from a peer, so every converter walks it
 * tolerantly: unknown nodes give their text, unknown marks are ignored, and links are
 * re-checked (a peer running other code could have stored any href).
 */
export type { JsonNode }

export type InlineMark =
  | { type: 'bold' | 'italic' | 'underline' | 'strike' }
  | { type: 'link'; href: string }
  /** Mutual's own words in a person's text (a citation), in the language they are written in: citations-as-text.ts. */
  | { type: 'lang'; lang: string }

export interface InlineRun {
  text: string
  marks: InlineMark[]
  /** A line break inside the paragraph (hard break). */
  hardBreak?: boolean
}

const MARK_ORDER = ['lang', 'link', 'bold', 'italic', 'underline', 'strike'] as const
/** A language tag ("cy-GB"), nothing else: the mark's value is written into markup. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z]{2})?$/

/** The marks of a text node this export understands, in a fixed nesting order. */
export const marksOf = (node: JsonNode): InlineMark[] => {
  const marks: InlineMark[] = []
  for (const type of MARK_ORDER) {
    const mark = node.marks?.find((m) => m.type === type)
    if (!mark) continue
    if (type === 'link') {
      const href = safeHref(mark.attrs?.href)
      if (href) marks.push({ type: 'link', href })
    } else if (type === 'lang') {
      const lang = mark.attrs?.lang
      if (typeof lang === 'string' && LANGUAGE_TAG.test(lang)) marks.push({ type: 'lang', lang })
    } else {
      marks.push({ type })
    }
  }
  return marks
}

/** The inline content of a textblock as runs of text with their marks. */
export const inlineRuns = (node: JsonNode): InlineRun[] => {
  const runs: InlineRun[] = []
  const visit = (child: JsonNode): void => {
    if (child.type === 'text' && typeof child.text === 'string') runs.push({ text: child.text, marks: marksOf(child) })
    else if (child.type === 'hardBreak') runs.push({ text: '', marks: [], hardBreak: true })
    else child.content?.forEach(visit)
  }
  node.content?.forEach(visit)
  return runs
}

export const plainText = (node: JsonNode): string => {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'hardBreak') return '\n'
  return (node.content ?? []).map(plainText).join('')
}

export const headingLevel = (node: JsonNode): 1 | 2 | 3 => {
  const level = Number(node.attrs?.level)
  return level === 1 || level === 2 ? level : 3
}

export const sameMark = (a: InlineMark, b: InlineMark): boolean =>
  a.type === b.type && (a.type !== 'link' || (b.type === 'link' && a.href === b.href)) && (a.type !== 'lang' || (b.type === 'lang' && a.lang === b.lang))

/** Table rows as cells, each cell its block children; the first row is the header row. */
export const tableRows = (table: JsonNode): { header: boolean; cells: JsonNode[][] }[] =>
  (table.content ?? [])
    .filter((row) => row.type === 'tableRow')
    .map((row) => ({
      header: (row.content ?? []).every((cell) => cell.type === 'tableHeader'),
      cells: (row.content ?? []).map((cell) => cell.content ?? [])
    }))
