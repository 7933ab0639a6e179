import type { Editor } from '@tiptap/core'
import type * as Y from 'yjs'
import { whenIdle } from '../domain/when-idle'
import type { CaretUser } from './document-editor'
import { makeEarlyInput } from './early-input'
import { editorAttributes } from './editor-attributes'
import type { InterfaceText } from './interface-text'
import { makeStaticBody } from './static-body'

export type DeferredEditorState =
  | { status: 'drawn' }
  | { status: 'loading' }
  | { status: 'editing'; editor: Editor }
  | { status: 'error'; message: string }

export interface DeferredEditorOptions {
  /** An empty element that becomes the writing area (role, name and focus stay on it). */
  element: HTMLElement
  fragment: Y.XmlFragment
  label: string
  /** Never builds an editor: the text is shown, kept live, and not editable. */
  readOnly: boolean
  user: () => CaretUser
  onState: (state: DeferredEditorState) => void
  /** The interface's words, for what the text and its editor draw themselves (a citation, the hint); English without. */
  text?: InterfaceText
}

type EditorCode = typeof import('./document-editor')

// Once per page: every answer shares the one load, and once it has arrived an editor is built
// synchronously, in the same task as the focus or press that asked for it.
let loading: Promise<EditorCode> | null = null
let loaded: EditorCode | null = null
const loadEditorCode = (): Promise<EditorCode> => {
  loading ??= import('./document-editor').then(
    (code) => (loaded = code),
    (error: unknown) => {
      // A failed fetch (offline, a new version deployed) may succeed later: the next focus tries again.
      loading = null
      throw error
    }
  )
  return loading
}
let prefetchRequested = false
const prefetchWhenIdle = (): void => {
  if (prefetchRequested) return
  prefetchRequested = true
  whenIdle(() => void loadEditorCode().catch(() => undefined), 15_000)
}

/**
 * A writing area whose TipTap editor, and the editor's code, arrive only when a person starts to
 * use it. Until then `element` is the same labelled, focusable textbox, showing the text (live,
 * peers' changes included) as static markup. The first focus, press or drag loads the code (or
 * finds it already fetched in an idle moment) and builds the editor INTO that element
 * (ProseMirror's `mount`), so focus never moves and screen readers meet no new role or name.
 * Whatever is typed while the code loads is kept (early-input.ts), the textbox says it is busy,
 * and it is written at the caret once the editor is there; a press places the caret where it was.
 */
export const makeDeferredEditor = (options: DeferredEditorOptions): { destroy(): void } => {
  const area = options.element
  for (const [name, value] of Object.entries(editorAttributes(options.label, options.readOnly))) area.setAttribute(name, value)
  area.setAttribute('contenteditable', String(!options.readOnly))
  area.setAttribute('translate', 'no')
  const body = makeStaticBody(area, options.fragment, options.text)
  const early = makeEarlyInput()
  let phase: 'drawn' | 'loading' | 'editing' | 'error' = 'drawn'
  let destroyed = false
  let composing = false
  let waitingForComposition: EditorCode | null = null
  let press: { x: number; y: number } | null = null
  let editorMade: Editor | null = null

  const build = (code: EditorCode): void => {
    if (destroyed || phase === 'editing') return
    // An input method's text is the browser's until it is committed: building under it would break it.
    if (composing) {
      waitingForComposition = code
      return
    }
    stopListening()
    body.destroy()
    area.removeAttribute('aria-busy')
    const focused = area.ownerDocument.activeElement === area
    try {
      const editor = code.makeDocumentEditor({ element: { mount: area }, fragment: options.fragment, label: options.label, awareness: null, user: options.user(), attachments: options.text ? { text: options.text } : {} })
      phase = 'editing'
      options.onState({ status: 'editing', editor })
      if (focused) {
        // The element already has focus and the editor's focus handling was not listening yet,
        // so it is told the way the browser would have.
        area.dispatchEvent(new FocusEvent('focus'))
        placeCaretAtPress(editor)
      }
      editorMade = editor
      early.replay(editor)
    } catch (error) {
      fail(error)
    }
  }
  const placeCaretAtPress = (editor: Editor): void => {
    if (!press) return
    editor.view.focus()
    const hit = editor.view.posAtCoords({ left: press.x, top: press.y })
    if (hit) editor.commands.setTextSelection(hit.pos)
    press = null
  }
  const fail = (error: unknown): void => {
    if (destroyed) return
    phase = 'error'
    area.removeAttribute('aria-busy')
    options.onState({ status: 'error', message: error instanceof Error ? error.message : String(error) })
  }
  const start = (): void => {
    if (destroyed || options.readOnly || phase === 'editing' || phase === 'loading') return
    if (loaded) return build(loaded)
    phase = 'loading'
    area.setAttribute('aria-busy', 'true')
    options.onState({ status: 'loading' })
    loadEditorCode().then(build, fail)
  }

  const onFocus = (): void => start()
  // A press: what was under the pointer is redrawn by the editor, so the editor puts the caret
  // at the pressed point itself.
  const onPress = (event: MouseEvent): void => {
    if (event.button !== 0) return
    press = { x: event.clientX, y: event.clientY }
    if (!loaded) return start() // the browser focuses the area meanwhile; the caret follows on arrival
    event.preventDefault()
    start()
    if (editorMade) placeCaretAtPress(editorMade)
  }
  // Text dropped on the area before it was ever focused: the editor must be there to take it.
  const onDragEnter = (): void => start()
  // Nothing may write into the static markup: input is kept for the editor, or refused.
  const onBeforeInput = (event: Event): void => {
    if (event.cancelable) event.preventDefault()
    if (phase === 'loading' && event instanceof InputEvent) early.take(event)
  }
  const onCompositionStart = (): void => {
    composing = true
  }
  const onCompositionEnd = (event: CompositionEvent): void => {
    composing = false
    if (phase !== 'loading') return
    if (event.data) early.take(new InputEvent('beforeinput', { inputType: 'insertText', data: event.data }))
    // The browser wrote the composed text into the stand-in; it is drawn again from the document.
    body.redraw()
    if (waitingForComposition) build(waitingForComposition)
  }
  const listeners = [
    ['focus', onFocus],
    ['mousedown', onPress],
    ['dragenter', onDragEnter],
    ['beforeinput', onBeforeInput],
    ['compositionstart', onCompositionStart],
    ['compositionend', onCompositionEnd]
  ] as const
  const stopListening = (): void => listeners.forEach(([type, listener]) => area.removeEventListener(type, listener as EventListener))
  if (!options.readOnly) {
    listeners.forEach(([type, listener]) => area.addEventListener(type, listener as EventListener))
    prefetchWhenIdle()
  }
  options.onState({ status: 'drawn' })

  return {
    destroy: () => {
      if (destroyed) return
      destroyed = true
      stopListening()
      body.destroy()
      editorMade?.destroy()
    }
  }
}
