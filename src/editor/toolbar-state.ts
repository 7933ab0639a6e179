import type { EditorState } from '@tiptap/pm/state'
import { yUndoPluginKey } from '@tiptap/y-tiptap'

/**
 * A short key for everything the toolbar shows: the marks and blocks around the selection,
 * whether it is empty, and whether there is anything to undo or redo. Typing rarely changes
 * it, so the toolbar is recomputed only when it does, not on every keystroke.
 */
export const toolbarStateKey = (state: EditorState): string => {
  const { $from, from, to, empty } = state.selection
  const blocks: string[] = []
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth)
    blocks.push(node.type.name === 'heading' ? `heading${String(node.attrs.level)}` : node.type.name)
  }
  const names = new Set((state.storedMarks ?? $from.marks()).map((mark) => mark.type.name))
  // A selection is bold when its text is: the marks inside it count, not only those at its start.
  if (!empty) {
    state.doc.nodesBetween(from, to, (node) => {
      for (const mark of node.marks) names.add(mark.type.name)
    })
  }
  const marks = [...names].sort().join(',')
  const { undo, redo } = undoRedoAvailable(state)
  return `${empty ? 'caret' : `${from}-${to}`}|${blocks.join('>')}|${marks}|${undo ? 1 : 0}${redo ? 1 : 0}`
}

/**
 * Whether Undo and Redo have anything to do: what the collaboration undo and redo commands
 * check before they would run, read from the undo manager's stacks. Asking the commands
 * (`editor.can().undo()`) builds every command of the editor each time, which in a long report
 * was a good part of drawing the toolbar. The undo manager's own stacks, not the plugin's
 * flags, which lag one transaction behind them.
 */
export const undoRedoAvailable = (state: EditorState): { undo: boolean; redo: boolean } => {
  const undo = yUndoPluginKey.getState(state)?.undoManager
  return { undo: (undo?.undoStack.length ?? 0) > 0, redo: (undo?.redoStack.length ?? 0) > 0 }
}
