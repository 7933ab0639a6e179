import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'

/** The class that keeps a block laid out however far it is from the screen (editor.css). */
export const CARET_BLOCK_CLASS = 'caret-block'

/** The top-level blocks that hold the selection's two ends, as [from, to] in the document. */
export const caretBlocks = (state: EditorState): [number, number][] => {
  const blocks = new Map<number, number>()
  for (const end of [state.selection.$anchor, state.selection.$head]) {
    if (end.depth < 1) continue
    const from = end.before(1)
    blocks.set(from, from + (end.node(1) as ProseMirrorNode).nodeSize)
  }
  return [...blocks.entries()]
}

/**
 * Keeps the block with the caret laid out.
 *
 * WHY: a long document's blocks are laid out only near the screen (`content-visibility: auto` in
 * editor.css), and the browser decides which are near only at its next frame. A block just made
 * (a list, a quote or a table from the toolbar, a new line with Enter) is skipped until then,
 * and Chromium, unable to type into a block it has not laid out, put the next letters at the
 * first block it had laid out, the next heading: typed at once after "Numbered list", the text
 * became a heading further down. The caret's block gets a class that lays it out from the moment
 * it is drawn, in the same update that makes it.
 */
export const CaretBlockDrawn = Extension.create({
  name: 'caretBlockDrawn',
  addProseMirrorPlugins: () => [
    new Plugin({
      key: new PluginKey('caretBlockDrawn'),
      props: {
        decorations: (state) =>
          DecorationSet.create(
            state.doc,
            caretBlocks(state).map(([from, to]) => Decoration.node(from, to, { class: CARET_BLOCK_CLASS }))
          )
      }
    })
  ]
})
