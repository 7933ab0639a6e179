import { Extension } from '@tiptap/core'
import { isChangeOrigin } from '@tiptap/extension-collaboration'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { CommentAnchor } from '../crdt/comments'
import { rangeForAnchor } from './comment-anchors'

export interface CommentHighlightInput {
  anchors: ReadonlyMap<string, CommentAnchor>
  /** Resolved threads are not highlighted. */
  resolved: ReadonlySet<string>
  active: string | null
}

interface HighlightState extends CommentHighlightInput {
  /** Where each thread's text is now; null when detached. */
  ranges: Map<string, { from: number; to: number } | null>
  decorations: DecorationSet
}

export const commentHighlightKey = new PluginKey<HighlightState>('commentHighlights')

const resolveAll = (state: EditorState, anchors: ReadonlyMap<string, CommentAnchor>) => {
  const ranges = new Map<string, { from: number; to: number } | null>()
  for (const [id, anchor] of anchors) ranges.set(id, rangeForAnchor(state, anchor))
  return ranges
}

const decorate = (state: { doc: EditorState['doc'] }, value: Omit<HighlightState, 'decorations'>): DecorationSet => {
  const decorations: Decoration[] = []
  for (const [id, range] of value.ranges) {
    if (!range || value.resolved.has(id)) continue
    const active = value.active === id
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: active ? 'comment-anchor comment-anchor-active' : 'comment-anchor',
        'data-comment-id': id
      })
    )
  }
  return DecorationSet.create(state.doc, decorations)
}

/** Sends new anchors (or the active thread) to the highlight plugin. */
export const setCommentHighlights = (tr: Transaction, input: CommentHighlightInput): Transaction =>
  tr.setMeta(commentHighlightKey, input)

export const commentRanges = (state: EditorState): ReadonlyMap<string, { from: number; to: number } | null> =>
  commentHighlightKey.getState(state)?.ranges ?? new Map()

/**
 * Highlights commented text. Positions come from the comments' Yjs anchors whenever the
 * document changes from Yjs (a peer's edit, the first render) or the comments change; the
 * person's own typing maps the ranges directly, which is cheaper and exact, because the
 * Yjs side of their edit is written only after this runs.
 */
export const CommentHighlights = Extension.create<{ onActivate: (id: string) => void }>({
  name: 'commentHighlights',
  addOptions() {
    return { onActivate: () => undefined }
  },
  addProseMirrorPlugins() {
    const onActivate = (id: string): void => this.options.onActivate(id)
    return [
      new Plugin<HighlightState>({
        key: commentHighlightKey,
        state: {
          init: (_config, state) => {
            const value = { anchors: new Map(), resolved: new Set<string>(), active: null, ranges: new Map() }
            return { ...value, decorations: decorate(state, value) }
          },
          apply: (tr, previous, _old, state) => {
            const input = tr.getMeta(commentHighlightKey) as CommentHighlightInput | undefined
            if (!input && !tr.docChanged) return previous
            const base = input ? { ...previous, ...input } : previous
            let ranges: HighlightState['ranges']
            if (input || isChangeOrigin(tr)) {
              ranges = resolveAll(state, base.anchors)
            } else {
              ranges = new Map()
              for (const [id, range] of previous.ranges) {
                if (!range) {
                  ranges.set(id, null)
                  continue
                }
                const from = tr.mapping.map(range.from, 1)
                const to = tr.mapping.map(range.to, -1)
                ranges.set(id, to > from ? { from, to } : null)
              }
            }
            const next = { anchors: base.anchors, resolved: base.resolved, active: base.active, ranges }
            return { ...next, decorations: decorate(state, next) }
          }
        },
        props: {
          decorations: (state) => commentHighlightKey.getState(state)?.decorations ?? DecorationSet.empty,
          handleClick: (view, position) => {
            const ranges = commentHighlightKey.getState(view.state)?.ranges
            const resolved = commentHighlightKey.getState(view.state)?.resolved
            if (!ranges) return false
            for (const [id, range] of ranges) {
              if (range && !resolved?.has(id) && position >= range.from && position <= range.to) {
                onActivate(id)
                break
              }
            }
            return false
          }
        }
      })
    ]
  }
})
