import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { englishText } from '../domain/i18n/english-text'
import { ENGLISH_TEXT, type InterfaceText } from './interface-text'

/** The hint in an empty document (also drawn by static-body.ts before an editor exists). */
export const EMPTY_DOCUMENT_HINT = englishText('editor.hint.empty')

const key = new PluginKey('mutualPlaceholder')

/**
 * A hint in the empty paragraph where the caret is, and in an empty document. It is drawn by
 * CSS from `data-placeholder`, so it is never part of the text. In the interface's words when
 * the interface gives them (extensions.ts), drawn again when it switches language; English
 * otherwise.
 */
export const Placeholder = Extension.create<{ text: InterfaceText | null }>({
  name: 'mutualPlaceholder',
  addOptions() {
    return { text: null }
  },
  addProseMirrorPlugins() {
    const text = this.options.text ?? ENGLISH_TEXT
    return [
      new Plugin({
        key,
        // Decorations are drawn again at each update: a switch of language asks for one.
        view: (view) => ({ destroy: text.onLanguageChange(() => view.dispatch(view.state.tr.setMeta(key, 'language'))) }),
        props: {
          decorations: (state) => {
            const { doc, selection } = state
            const first = doc.firstChild
            if (doc.childCount === 1 && first?.isTextblock && first.content.size === 0) {
              return DecorationSet.create(doc, [
                Decoration.node(0, first.nodeSize, { class: 'is-empty', 'data-placeholder': text.translate('editor.hint.empty') })
              ])
            }
            const { $from, empty } = selection
            const parent = $from.parent
            if (!empty || parent.type.name !== 'paragraph' || parent.content.size > 0 || !this.editor.isFocused) {
              return null
            }
            const start = $from.before()
            return DecorationSet.create(doc, [
              Decoration.node(start, start + parent.nodeSize, { class: 'is-empty', 'data-placeholder': text.translate('editor.hint.line') })
            ])
          }
        }
      })
    ]
  }
})
