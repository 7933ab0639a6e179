import type { EditorState } from '@tiptap/pm/state'
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey
} from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { makeTextAnchor, type CommentAnchor } from '../crdt/comments'

/**
 * Converts between editor positions and comment anchors (Yjs relative positions). The
 * editor's Yjs binding knows which Yjs text each editor position is in.
 */

const binding = (state: EditorState) => {
  const sync = ySyncPluginKey.getState(state)
  return sync?.binding ? { doc: sync.doc, type: sync.type, mapping: sync.binding.mapping } : null
}

const toTypeIndex = (state: EditorState, position: number) => {
  const b = binding(state)
  if (!b) return null
  const relative = absolutePositionToRelativePosition(position, b.type, b.mapping)
  return Y.createAbsolutePositionFromRelativePosition(relative, b.doc)
}

/** The anchor for the text between two editor positions, or null without a Yjs binding. */
export const anchorForRange = (state: EditorState, from: number, to: number): CommentAnchor | null => {
  const start = toTypeIndex(state, from)
  const end = toTypeIndex(state, to)
  return start && end ? makeTextAnchor(start, end) : null
}

/** Where an anchor is in the editor now, or null when its text is gone (detached). */
export const rangeForAnchor = (state: EditorState, anchor: CommentAnchor): { from: number; to: number } | null => {
  const b = binding(state)
  if (!b) return null
  const from = relativePositionToAbsolutePosition(b.doc, b.type, anchor.start, b.mapping)
  const to = relativePositionToAbsolutePosition(b.doc, b.type, anchor.end, b.mapping)
  if (from === null || to === null || to <= from) return null
  return { from, to }
}
