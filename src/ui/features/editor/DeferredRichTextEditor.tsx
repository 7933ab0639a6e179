import { Show, createSignal, onCleanup, onMount } from 'solid-js'
import type * as Y from 'yjs'
import type { CaretUser } from '../../../editor/document-editor'
import { makeDeferredEditor, type DeferredEditorState } from '../../../editor/deferred-editor'
import { Alert } from '../../components/Alert'
import { CONTENT_LANG } from '../../i18n/content-lang'
import { EDITOR_INTERFACE_TEXT } from '../../i18n/editor-interface-text'
import { t } from '../../i18n/t'

/**
 * A short rich text among several on one page (the EOI's six answers): shown at once, live,
 * as a labelled textbox, with its editor built the moment a person focuses, presses or drops
 * on it (editor/deferred-editor.ts). Building six editors on opening took most of the time
 * the lab plan took to open.
 */
export const DeferredRichTextEditor = (props: { fragment: Y.XmlFragment; label: string; readOnly: boolean; user: () => CaretUser }) => {
  let area: HTMLDivElement | undefined
  const [state, setState] = createSignal<DeferredEditorState>({ status: 'drawn' })
  onMount(() => {
    const deferred = makeDeferredEditor({
      element: area as HTMLDivElement,
      fragment: props.fragment,
      label: props.label,
      readOnly: props.readOnly,
      user: props.user,
      onState: setState,
      // A citation and the hint in the reader's language, in the drawn copy and in the editor.
      text: EDITOR_INTERFACE_TEXT
    })
    onCleanup(deferred.destroy)
  })
  const failure = (): string | null => {
    const now = state()
    return now.status === 'error' ? now.message : null
  }
  return (
    <>
      <Show when={failure()}>
        {(message) => (
          <Alert tone="error" title={t('document.openFailed')}>
            <p>{message()}</p>
          </Alert>
        )}
      </Show>
      <div class="editor-host" data-editor-state={state().status === 'editing' ? 'ready' : state().status} {...CONTENT_LANG}>
        <div ref={area} />
      </div>
    </>
  )
}
