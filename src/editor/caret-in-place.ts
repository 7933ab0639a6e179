import { Extension } from '@tiptap/core'
import { isChangeOrigin } from '@tiptap/extension-collaboration'
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import * as Y from 'yjs'
import { watchScreenSelection, type ScreenSelection, type ScreenSelectionWatch, type WatchScreenSelection } from './screen-selection'
import { isBindingWrite, markAsFromYjs, toAbsolute, toRelative, ySyncBinding, type YSyncBinding } from './y-sync-binding'

/** This person's caret (or text selection) as Yjs relative positions, held across one change. */
interface HeldCaret {
  anchor: Y.RelativePosition
  head: Y.RelativePosition
}

/** Whether a Yjs node is still in the text: each step up to the fragment is a live child of its parent. */
const isInText = (node: Y.AbstractType<any>, fragment: Y.XmlFragment): boolean => {
  let current: Y.AbstractType<any> = node
  while (current !== fragment) {
    const parent = current.parent
    if (!(parent instanceof Y.XmlFragment) || !parent.toArray().includes(current as Y.XmlElement)) return false
    current = parent
  }
  return true
}

/**
 * Where a held position is now, when Yjs knows exactly: the node it is anchored in (the
 * paragraph, heading or text) is still in the text. Null when that node was deleted, as
 * when a block is moved (deleted and written again); the binding's own guess stands then.
 */
const exactlyWhere = (binding: YSyncBinding, position: Y.RelativePosition): number | null => {
  const decoded = Y.createAbsolutePositionFromRelativePosition(position, binding.doc)
  if (!decoded || !isInText(decoded.type, binding.fragment)) return null
  return toAbsolute(binding, position)
}

/**
 * The caret as this person last placed it: on screen, when they have just clicked and the editor
 * has not read it yet (screen-selection.ts), else the editor's own. Null for a selection that is
 * not text (a selected image), which the binding places itself.
 */
const placedCaret = (view: EditorView, screen: ScreenSelectionWatch): ScreenSelection | null => {
  const { selection } = view.state
  if (!(selection instanceof TextSelection) || !selection.visible) return null
  return screen.read() ?? { anchor: selection.anchor, head: selection.head }
}

/** A caret at these positions, or null when they are not inside the document. */
const caretAt = (state: EditorState, anchor: number, head: number): Transaction | null => {
  const size = state.doc.content.size
  if (anchor < 0 || head < 0 || anchor > size || head > size) return null
  return state.tr.setSelection(TextSelection.between(state.doc.resolve(anchor), state.doc.resolve(head)))
}

/**
 * Keeps this person's caret where they put it while others' changes arrive.
 *
 * WHY: after a change from another person, the collaboration binding puts the caret back from
 * Yjs relative positions, which is exact, and then second-guesses the result: a caret at the
 * start of its line (always so in an empty line) is moved to "the same" line found by type,
 * attributes and text. Empty paragraphs are all the same by that test, so when someone typed
 * into an empty line higher up, the caret went to the next empty line down (from Findings to
 * Case studies), and the other people's view of this caret went with it.
 *
 * This plugin holds the caret as relative positions just before each Yjs change that did not
 * come from this editor's own typing (or from undo, which restores its own selection), and
 * after the binding has redrawn the text it puts the caret at the Yjs position whenever the
 * node that position is anchored in is still in the text.
 *
 * The caret held is the one on screen: a click the editor has not read yet when a change
 * arrives (or when other people's carets are redrawn) is kept, not undone.
 */
export const makeCaretInPlacePlugin = (watchScreen: WatchScreenSelection = watchScreenSelection): Plugin => {
  let held: HeldCaret | null = null
  let shown: { view: EditorView; screen: ScreenSelectionWatch } | null = null
  return new Plugin({
    key: new PluginKey('caretInPlace'),
    view: (view) => {
      const doc = ySyncBinding(view.state)?.doc
      if (!doc) return {}
      const screen = watchScreen(view)
      shown = { view, screen }
      const hold = (transaction: Y.Transaction): void => {
        held = null
        if (isBindingWrite(transaction) || transaction.origin instanceof Y.UndoManager) return
        const binding = ySyncBinding(view.state)
        const caret = placedCaret(view, screen)
        if (!binding || !caret) return
        try {
          held = { anchor: toRelative(binding, caret.anchor), head: toRelative(binding, caret.head) }
        } catch {
          // A position the binding cannot express: its own restoring stands.
          held = null
        }
      }
      const release = (): void => {
        held = null
      }
      doc.on('beforeTransaction', hold)
      doc.on('afterTransaction', release)
      return {
        destroy: () => {
          doc.off('beforeTransaction', hold)
          doc.off('afterTransaction', release)
          held = null
          screen.destroy()
          shown = null
        }
      }
    },
    appendTransaction: (transactions, oldState, state) => {
      const { selection } = state
      if (held && transactions.some((tr) => tr.docChanged && isChangeOrigin(tr))) {
        const binding = ySyncBinding(state)
        if (!binding) return null
        const anchor = exactlyWhere(binding, held.anchor) ?? selection.anchor
        const head = exactlyWhere(binding, held.head) ?? selection.head
        if (anchor === selection.anchor && head === selection.head) return null
        const tr = caretAt(state, anchor, head)
        return tr && markAsFromYjs(tr)
      }
      // A redraw that changes neither text nor caret (other people's carets moving) would draw
      // the caret the editor holds over a click it has not read yet: the click is taken first.
      // The view still shows the old state here, and the text is the same in both.
      if (!shown || shown.view.state !== oldState || transactions.some((tr) => tr.docChanged || tr.selectionSet)) return null
      const onScreen = placedCaret(shown.view, shown.screen)
      if (!onScreen || (onScreen.anchor === selection.anchor && onScreen.head === selection.head)) return null
      return caretAt(state, onScreen.anchor, onScreen.head)
    }
  })
}

/** The editor extension of makeCaretInPlacePlugin. */
export const CaretInPlace = Extension.create({
  name: 'caretInPlace',
  addProseMirrorPlugins: () => [makeCaretInPlacePlugin()]
})
