import type { EditorView } from '@tiptap/pm/view'

/** A caret or selection as editor positions: where it starts (anchor) and where it ends (head). */
export interface ScreenSelection {
  anchor: number
  head: number
}

/** Reads the caret a person has on screen, as positions in what the editor shows. */
export type ScreenSelectionReader = (view: EditorView) => ScreenSelection | null

/**
 * The caret or selection this person has on screen in the editor, as positions in the document
 * the editor shows, or null when the editor has no focus, an input method is composing, or the
 * browser's selection is not inside the editor.
 *
 * WHY: a click (or a tap) moves the browser's caret at once, but ProseMirror reads it only on the
 * browser's next "selectionchange" event, a task later. A change from another person arriving in
 * between is drawn with the caret the editor still holds, which puts the caret back where it was
 * before the click: the click is lost. Read from the screen, the click is kept.
 */
export const readScreenSelection: ScreenSelectionReader = (view) => {
  if (!view.hasFocus() || view.composing) return null
  const selection = view.dom.ownerDocument.getSelection()
  const { anchorNode, focusNode } = selection ?? {}
  if (!selection || !anchorNode || !focusNode || !view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return null
  try {
    return { anchor: view.posAtDOM(anchorNode, selection.anchorOffset), head: view.posAtDOM(focusNode, selection.focusOffset) }
  } catch {
    // A place the editor cannot map (inside another person's caret label): what it holds stands.
    return null
  }
}
