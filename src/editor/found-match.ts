import { Extension, type Editor } from '@tiptap/core'
import { isChangeOrigin } from '@tiptap/extension-collaboration'
import { Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'

/**
 * Marks the words a search result led to, without selecting them.
 *
 * WHY: the match used to be opened as a selection, with the text focused. The next key a
 * person pressed (often "/" to search again, as the search field invites) replaced the words
 * they had been looking for; Ctrl+A and typing wiped the note. The caret now goes before the
 * match and the match is only highlighted, so typing adds text and replaces none. The mark
 * lasts until this person changes the text, or another result is opened.
 */
const foundMatchKey = new PluginKey<DecorationSet>('foundMatch')

interface FoundMatchMeta {
  range: { from: number; to: number } | null
}

/** The class of the marked words (editor.css draws it). */
const FOUND_MATCH_CLASS = 'found-match'

/** The marked words' first element in an editor's DOM, or null when nothing is marked. */
export const foundMatchElement = (editorDom: Element): Element | null => editorDom.querySelector(`.${FOUND_MATCH_CLASS}`)

/** Highlights `from`–`to` as the match a search result led to (null clears it). */
const setFoundMatch = (tr: Transaction, range: { from: number; to: number } | null): Transaction =>
  tr.setMeta(foundMatchKey, { range } satisfies FoundMatchMeta)

/** Puts the caret before the match and highlights it (positions within the document). */
export const showFoundMatch = (editor: Editor, from: number, to: number): void => {
  const { state } = editor
  editor.view.dispatch(setFoundMatch(state.tr.setSelection(TextSelection.create(state.doc, from)), { from, to }))
}

export const FoundMatch = Extension.create({
  name: 'foundMatch',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: foundMatchKey,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, previous) => {
            const meta = tr.getMeta(foundMatchKey) as FoundMatchMeta | undefined
            if (meta) {
              const { range } = meta
              if (!range || range.from >= range.to) return DecorationSet.empty
              return DecorationSet.create(tr.doc, [Decoration.inline(range.from, range.to, { class: FOUND_MATCH_CLASS })])
            }
            if (!tr.docChanged) return previous
            // This person's own edit ends the mark; another person's edit only moves it.
            if (!isChangeOrigin(tr)) return DecorationSet.empty
            return previous.map(tr.mapping, tr.doc)
          }
        },
        props: {
          decorations: (state) => foundMatchKey.getState(state) ?? DecorationSet.empty
        }
      })
    ]
  }
})
