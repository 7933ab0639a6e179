import type { Editor } from '@tiptap/core'
import type * as Y from 'yjs'
import { editorAttributes, makeDocumentEditor, type CaretUser } from './document-editor'
import { makeStaticBody } from './static-body'

export type DeferredEditorState = { status: 'drawn' } | { status: 'editing'; editor: Editor } | { status: 'error'; message: string }

export interface DeferredEditorOptions {
  /** An empty element that becomes the writing area (role, name and focus stay on it). */
  element: HTMLElement
  fragment: Y.XmlFragment
  label: string
  /** Never builds an editor: the text is shown, kept live, and not editable. */
  readOnly: boolean
  user: () => CaretUser
  onState: (state: DeferredEditorState) => void
}

/**
 * A writing area whose TipTap editor is built only when a person starts to use it. Until then
 * `element` is the same labelled, focusable textbox, showing the text (live, peers' changes
 * included) as static markup. The first focus, press or drag builds the editor INTO that element
 * (ProseMirror's `mount`), synchronously, so focus never moves, screen readers meet no new role
 * or name, and the keystroke that follows already reaches the editor. A press places the caret
 * where it was pressed.
 */
export const makeDeferredEditor = (options: DeferredEditorOptions): { destroy(): void } => {
  const area = options.element
  for (const [name, value] of Object.entries(editorAttributes(options.label, options.readOnly))) area.setAttribute(name, value)
  area.setAttribute('contenteditable', String(!options.readOnly))
  area.setAttribute('translate', 'no')
  const body = makeStaticBody(area, options.fragment)
  let editor: Editor | null = null
  let destroyed = false

  const build = (): Editor | null => {
    if (editor || destroyed || options.readOnly) return editor
    stopListening()
    body.destroy()
    try {
      editor = makeDocumentEditor({ element: { mount: area }, fragment: options.fragment, label: options.label, awareness: null, user: options.user() })
      options.onState({ status: 'editing', editor })
    } catch (error) {
      options.onState({ status: 'error', message: error instanceof Error ? error.message : String(error) })
    }
    return editor
  }
  // Focus from the keyboard (or a script): the element already has it, and the editor's own
  // focus handling was not listening yet, so it is told the way the browser would have.
  const onFocus = (): void => {
    if (build()) area.dispatchEvent(new FocusEvent('focus'))
  }
  // A press: what was under the pointer is redrawn by the editor, so the editor takes focus and
  // puts the caret at the pressed point itself.
  const onPress = (event: MouseEvent): void => {
    if (event.button !== 0) return
    event.preventDefault()
    const made = build()
    if (!made) return
    made.view.focus()
    const hit = made.view.posAtCoords({ left: event.clientX, top: event.clientY })
    if (hit) made.commands.setTextSelection(hit.pos)
  }
  // Text dropped on the area before it was ever focused: the editor must be there to take it.
  const onDragEnter = (): void => void build()
  // Nothing may write into the static markup: any input arrives at the editor or not at all.
  const onBeforeInput = (event: Event): void => event.preventDefault()
  const listeners = [
    ['focus', onFocus],
    ['mousedown', onPress],
    ['dragenter', onDragEnter],
    ['beforeinput', onBeforeInput]
  ] as const
  const stopListening = (): void => listeners.forEach(([type, listener]) => area.removeEventListener(type, listener as EventListener))
  if (!options.readOnly) listeners.forEach(([type, listener]) => area.addEventListener(type, listener as EventListener))
  options.onState({ status: 'drawn' })

  return {
    destroy: () => {
      if (destroyed) return
      destroyed = true
      stopListening()
      body.destroy()
      editor?.destroy()
    }
  }
}
