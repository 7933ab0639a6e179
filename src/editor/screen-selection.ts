import type { EditorView } from '@tiptap/pm/view'

/** A caret or selection as editor positions: where it starts (anchor) and where it ends (head). */
export interface ScreenSelection {
  anchor: number
  head: number
}

/** Tells, for one editor, where the person has just put their caret on screen. */
export interface ScreenSelectionWatch {
  /** The caret the person has put on screen and the editor has not read yet, or null. */
  read(): ScreenSelection | null
  destroy(): void
}

export type WatchScreenSelection = (view: EditorView) => ScreenSelectionWatch

/** The browser's selection in the editor as positions in the document it shows, or null. */
const readBrowserSelection = (view: EditorView): ScreenSelection | null => {
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

/**
 * Watches for a caret the person has moved on screen that the editor has not read yet.
 *
 * WHY: a click, a tap or an arrow key moves the browser's caret at once, but ProseMirror reads
 * it only on the browser's next "selectionchange" event, a task later. A change from another
 * person arriving in between is drawn with the caret the editor still holds, which puts the
 * caret back where it was: the click is lost.
 *
 * The browser's selection is taken only in that window: from the person's press or key in the
 * editor until the next "selectionchange" (when the editor reads it too) or until the editor
 * loses focus. At other times the browser's selection can be behind the editor's, not ahead:
 * while the editor takes focus from a script (after "go to this section"), the browser puts its
 * caret at the start for a moment before the editor draws its own.
 */
export const watchScreenSelection: WatchScreenSelection = (view) => {
  const page = view.dom.ownerDocument
  let personMovedIt = false
  const moved = (): void => {
    personMovedIt = true
  }
  const editorReadIt = (): void => {
    personMovedIt = false
  }
  view.dom.addEventListener('pointerdown', moved, true)
  view.dom.addEventListener('keydown', moved, true)
  view.dom.addEventListener('focusout', editorReadIt)
  page.addEventListener('selectionchange', editorReadIt)
  return {
    read: () => (personMovedIt ? readBrowserSelection(view) : null),
    destroy: () => {
      view.dom.removeEventListener('pointerdown', moved, true)
      view.dom.removeEventListener('keydown', moved, true)
      view.dom.removeEventListener('focusout', editorReadIt)
      page.removeEventListener('selectionchange', editorReadIt)
    }
  }
}
