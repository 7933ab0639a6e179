import { Extension } from '@tiptap/core'
import { isChangeOrigin } from '@tiptap/extension-collaboration'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { isSectionId, makeSectionId } from '../domain/report'

const key = new PluginKey('sectionIds')

const headingIds = (doc: ProseMirrorNode): Map<string, number> => {
  const ids = new Map<string, number>()
  doc.forEach((node, offset) => {
    const id = node.type.name === 'heading' ? node.attrs.sectionId : null
    if (typeof id === 'string' && !ids.has(id)) ids.set(id, offset)
  })
  return ids
}

/**
 * Gives every top-level heading a unique, stable section id. Runs only on this person's own
 * edits: ids of headings made elsewhere come with them, so two peers never race to name the
 * same heading. When an edit duplicates an id (a heading split in two, a section copied),
 * the heading that had it before keeps it and the copy gets a new one.
 */
export const SectionIds = Extension.create({
  name: 'sectionIds',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key,
        appendTransaction: (transactions: readonly Transaction[], oldState, newState) => {
          if (!transactions.some((tr) => tr.docChanged) || transactions.some(isChangeOrigin)) return null
          if (this.editor && !this.editor.isEditable) return null
          const before = headingIds(oldState.doc)
          const keeper = new Map<string, number>()
          for (const [id, position] of before) {
            let mapped: number | null = position
            for (const tr of transactions) {
              if (mapped === null) break
              const result = tr.mapping.mapResult(mapped, 1)
              mapped = result.deletedAfter ? null : result.pos
            }
            if (mapped !== null) keeper.set(id, mapped)
          }
          const seen = new Set<string>()
          const changes: { position: number; node: ProseMirrorNode }[] = []
          newState.doc.forEach((node, offset) => {
            if (node.type.name !== 'heading') return
            const id = node.attrs.sectionId
            if (!isSectionId(id)) {
              changes.push({ position: offset, node })
              return
            }
            // The heading that had this id before the edit keeps it, wherever it now is.
            const original = keeper.get(id)
            const copy = original !== undefined && original !== offset && headingAt(newState.doc, original, id)
            if (seen.has(id) || copy) changes.push({ position: offset, node })
            else seen.add(id)
          })
          if (changes.length === 0) return null
          const tr = newState.tr
          for (const change of changes) {
            tr.setNodeMarkup(change.position, undefined, { ...change.node.attrs, sectionId: makeSectionId() })
          }
          return tr
        }
      })
    ]
  }
})

/** True when the heading at `position` still has section id `id` (it is the one that keeps it). */
const headingAt = (doc: ProseMirrorNode, position: number, id: string): boolean => {
  if (position < 0 || position >= doc.content.size) return false
  const node = doc.nodeAt(position)
  return node?.type.name === 'heading' && node.attrs.sectionId === id
}
