import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { firstMatch } from '../domain/search/excerpt'

/** Blocks examined for a match: bounds the work on a very long report. */
const MAX_BLOCKS = 20_000

/**
 * Where the first of the given folded words is in a document, in editor positions, or null.
 * Each text block is read with one stand-in character per inline leaf (a line break, an
 * image), so offsets in its text are offsets in the block.
 */
export const findFirstMatch = (doc: ProseMirrorNode, terms: ReadonlySet<string>): { from: number; to: number } | null => {
  let found: { from: number; to: number } | null = null
  let blocks = 0
  doc.descendants((node, pos) => {
    if (found || blocks >= MAX_BLOCKS) return false
    if (!node.isTextblock) return true
    blocks += 1
    const match = firstMatch(node.textBetween(0, node.content.size, undefined, '\ufffc'), terms)
    if (match) found = { from: pos + 1 + match.start, to: pos + 1 + match.end }
    return false
  })
  return found
}
