// @tiptap/y-tiptap 3.0.9 ships without its declaration files (its package.json points at a
// path that is not published), so the few functions the editor uses are declared here.
declare module '@tiptap/y-tiptap' {
  import type { EditorState, PluginKey } from '@tiptap/pm/state'
  import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
  import type * as Y from 'yjs'

  export type ProsemirrorMapping = Map<Y.AbstractType<any>, ProseMirrorNode | ProseMirrorNode[]>

  export interface ProsemirrorBinding {
    type: Y.XmlFragment
    doc: Y.Doc
    mapping: ProsemirrorMapping
  }

  export interface YSyncPluginState {
    type: Y.XmlFragment
    doc: Y.Doc
    binding: ProsemirrorBinding | null
    /** True in the state after a transaction that applied a change from Yjs. */
    isChangeOrigin: boolean
  }

  export const ySyncPluginKey: PluginKey<YSyncPluginState>

  export function ySyncPlugin(fragment: Y.XmlFragment, options?: Record<string, unknown>): import('@tiptap/pm/state').Plugin

  /**
   * The blocks of a Yjs text as the binding draws them, and its map from each Yjs block to its
   * block; given that map (`ySyncPlugin(fragment, { mapping })`), the binding does not draw again.
   */
  export function initProseMirrorDoc(
    fragment: Y.XmlFragment,
    schema: import('@tiptap/pm/model').Schema
  ): { doc: ProseMirrorNode; mapping: ProsemirrorMapping }

  /** The collaboration caret plugin's key; its state is the DecorationSet of other people's carets. */
  export const yCursorPluginKey: PluginKey<import('@tiptap/pm/view').DecorationSet>

  export function yCursorPlugin(
    awareness: import('y-protocols/awareness').Awareness,
    options?: Record<string, unknown>
  ): import('@tiptap/pm/state').Plugin

  /** Dispatches `{ [key]: value }` as transaction meta on the view, batched to the next tick. */
  export function setMeta(view: import('@tiptap/pm/view').EditorView, key: PluginKey<any>, value: unknown): void

  export const yUndoPluginKey: PluginKey<{ undoManager: Y.UndoManager }>

  export function yUndoPlugin(options?: Record<string, unknown>): import('@tiptap/pm/state').Plugin

  export interface JsonNode {
    type: string
    attrs?: Record<string, unknown>
    content?: JsonNode[]
    text?: string
    marks?: { type: string; attrs?: Record<string, unknown> }[]
  }

  export function yXmlFragmentToProsemirrorJSON(fragment: Y.XmlFragment): JsonNode

  export function absolutePositionToRelativePosition(
    pos: number,
    type: Y.XmlFragment,
    mapping: ProsemirrorMapping
  ): Y.RelativePosition

  export function relativePositionToAbsolutePosition(
    y: Y.Doc,
    documentType: Y.XmlFragment,
    relPos: Y.RelativePosition,
    mapping: ProsemirrorMapping
  ): number | null

  export function prosemirrorJSONToYXmlFragment(
    schema: import('@tiptap/pm/model').Schema,
    state: unknown,
    fragment: Y.XmlFragment
  ): Y.XmlFragment

  export function undo(state: EditorState): boolean
  export function redo(state: EditorState): boolean
}
