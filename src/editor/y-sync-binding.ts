/**
 * The one place that reads the collaboration binding of @tiptap/y-tiptap (pinned to an exact
 * version in package.json): its plugin state's binding and node mapping, the origin it writes
 * to Yjs with, the mark its own transactions carry, and its caret plugin's drawing. If a new
 * version changes any of these, tests/unit/editor/y-sync-binding.test.ts (and, for the
 * carets, others-carets-kept.test.ts) fail.
 */
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { DecorationSet, type EditorView } from '@tiptap/pm/view'
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  setMeta,
  yCursorPluginKey,
  ySyncPluginKey,
  type ProsemirrorMapping
} from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { countAsPersonEdit } from '../crdt/person-edits'

/** The text a live editor is bound to, with the binding's map from Yjs nodes to the editor's. */
export interface YSyncBinding {
  doc: Y.Doc
  fragment: Y.XmlFragment
  mapping: ProsemirrorMapping
}

/** The binding of an editor's state, or null before the editor is on screen (or when read-only). */
export const ySyncBinding = (state: EditorState): YSyncBinding | null => {
  const sync = ySyncPluginKey.getState(state)
  if (!sync?.binding) return null
  return { doc: sync.doc, fragment: sync.type, mapping: sync.binding.mapping }
}

/**
 * True for a Yjs transaction the binding itself wrote (this person's typing reaching the
 * document). Its positions are taken from the editor, which is already ahead of Yjs then.
 */
export const isBindingWrite = (transaction: Y.Transaction): boolean => transaction.origin === ySyncPluginKey

// Typing is this person's edit: the day's first version is taken before it (crdt/daily-versions.ts).
countAsPersonEdit(ySyncPluginKey)

/**
 * Marks an editor transaction as part of applying a change that came from Yjs, as the binding
 * marks its own: the binding then does not end this person's undo step for it, and every
 * plugin that asks isChangeOrigin treats it like the change it belongs to.
 */
export const markAsFromYjs = (tr: Transaction): Transaction => tr.setMeta(ySyncPluginKey, { isChangeOrigin: true })

/** An editor position as a Yjs relative position: anchored to the text, not to a number. */
export const toRelative = (binding: YSyncBinding, position: number): Y.RelativePosition =>
  absolutePositionToRelativePosition(position, binding.fragment, binding.mapping)

/** Where a relative position is in the editor now, or null when its place is gone. */
export const toAbsolute = (binding: YSyncBinding, position: Y.RelativePosition): number | null =>
  relativePositionToAbsolutePosition(binding.doc, binding.fragment, position, binding.mapping)

/**
 * True when the caret plugin has just stopped drawing other people's carets: it does so after
 * this person's own change to the blocks (a new line, a split, a move), until presence changes.
 */
export const othersCaretsJustHidden = (state: EditorState, previous: EditorState): boolean => {
  const before = yCursorPluginKey.getState(previous)
  return before !== undefined && before !== DecorationSet.empty && yCursorPluginKey.getState(state) === DecorationSet.empty
}

/** Asks the caret plugin to draw other people's carets again from presence, on the next tick. */
export const redrawOthersCarets = (view: EditorView): void => setMeta(view, yCursorPluginKey, { awarenessUpdated: true })
