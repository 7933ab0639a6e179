import { Extension } from '@tiptap/core'
import { isChangeOrigin } from '@tiptap/extension-collaboration'
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import * as Y from 'yjs'
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
 */
export const makeCaretInPlacePlugin = (): Plugin => {
  let held: HeldCaret | null = null
  return new Plugin({
    key: new PluginKey('caretInPlace'),
    view: (view) => {
      const doc = ySyncBinding(view.state)?.doc
      if (!doc) return {}
      const hold = (transaction: Y.Transaction): void => {
        held = null
        if (isBindingWrite(transaction) || transaction.origin instanceof Y.UndoManager) return
        const binding = ySyncBinding(view.state)
        const { selection } = view.state
        if (!binding || !(selection instanceof TextSelection)) return
        try {
          held = { anchor: toRelative(binding, selection.anchor), head: toRelative(binding, selection.head) }
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
        }
      }
    },
    appendTransaction: (transactions, _oldState, state) => {
      if (!held || !transactions.some((tr) => tr.docChanged && isChangeOrigin(tr))) return null
      const binding = ySyncBinding(state)
      if (!binding) return null
      const { selection } = state
      const anchor = exactlyWhere(binding, held.anchor) ?? selection.anchor
      const head = exactlyWhere(binding, held.head) ?? selection.head
      if (anchor === selection.anchor && head === selection.head) return null
      const size = state.doc.content.size
      if (anchor < 0 || head < 0 || anchor > size || head > size) return null
      const caret = TextSelection.between(state.doc.resolve(anchor), state.doc.resolve(head))
      return markAsFromYjs(state.tr.setSelection(caret))
    }
  })
}

/** The editor extension of makeCaretInPlacePlugin. */
export const CaretInPlace = Extension.create({
  name: 'caretInPlace',
  addProseMirrorPlugins: () => [makeCaretInPlacePlugin()]
})
