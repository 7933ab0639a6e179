import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { countWords, isSectionId, type OutlineEntry } from '../domain/report'

/** The document's top-level headings, in order, with where each starts. */
export const readOutline = (doc: ProseMirrorNode): OutlineEntry[] => {
  const entries: OutlineEntry[] = []
  doc.forEach((node, offset) => {
    if (node.type.name !== 'heading') return
    const id = node.attrs.sectionId
    entries.push({
      level: Number(node.attrs.level) || 1,
      text: node.textContent,
      sectionId: isSectionId(id) ? id : null,
      position: offset
    })
  })
  return entries
}

/**
 * Words a person wrote: the body text (table cells and list items included), not headings,
 * which a new report brings with it from its template.
 */
export const countDocumentWords = (doc: ProseMirrorNode): number => {
  let words = 0
  doc.descendants((node) => {
    if (node.type.name === 'heading') return false
    if (node.isTextblock) {
      words += countWords(node.textBetween(0, node.content.size, '\n', ' '))
      return false
    }
    return true
  })
  return words
}
