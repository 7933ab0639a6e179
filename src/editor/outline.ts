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

/** Words in the whole document (table cells and list items included). */
export const countDocumentWords = (doc: ProseMirrorNode): number =>
  countWords(doc.textBetween(0, doc.content.size, '\n', ' '))
