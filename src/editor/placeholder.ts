import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'

/** The hint in an empty document (also drawn by static-body.ts before an editor exists). */
export const EMPTY_DOCUMENT_HINT = 'Start writing…'

/**
 * A hint in the empty paragraph where the caret is, and in an empty document. It is drawn by
 * CSS from `data-placeholder`, so it is never part of the text.
 */
export const Placeholder = Extension.create<{ empty: string; line: string }>({
  name: 'mutualPlaceholder',
  addOptions() {
    return { empty: EMPTY_DOCUMENT_HINT, line: 'Write here…' }
  },
  addProseMirrorPlugins() {
    const options = this.options
    return [
      new Plugin({
        key: new PluginKey('mutualPlaceholder'),
        props: {
          decorations: (state) => {
            const { doc, selection } = state
            const first = doc.firstChild
            if (doc.childCount === 1 && first?.isTextblock && first.content.size === 0) {
              return DecorationSet.create(doc, [
                Decoration.node(0, first.nodeSize, { class: 'is-empty', 'data-placeholder': options.empty })
              ])
            }
            const { $from, empty } = selection
            const parent = $from.parent
            if (!empty || parent.type.name !== 'paragraph' || parent.content.size > 0 || !this.editor.isFocused) {
              return null
            }
            const start = $from.before()
            return DecorationSet.create(doc, [
              Decoration.node(start, start + parent.nodeSize, { class: 'is-empty', 'data-placeholder': options.line })
            ])
          }
        }
      })
    ]
  }
})
