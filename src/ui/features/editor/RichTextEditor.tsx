import type { Editor } from '@tiptap/core'
import { Show, createEffect, createSignal, on, onCleanup, onMount } from 'solid-js'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { makeDocumentEditor, makeReadOnlyEditor, relabelEditor, type CaretUser } from '../../../editor/document-editor'
import { Alert } from '../../components/Alert'
import { t } from '../../i18n/t'
import { CONTENT_LANG } from '../../i18n/content-lang'
import type { AttachmentNodeOptions } from '../../../editor/attachment-node'

export type EditorLifecycle = { status: 'loading' } | { status: 'ready' } | { status: 'error'; message: string }

export interface RichTextEditorProps {
  fragment: Y.XmlFragment
  /** Accessible name of the writing area. */
  label: string
  readOnly: boolean
  /** Read-only text that can still be selected to comment on (a commenter's view). */
  commentOnly?: boolean
  awareness: Awareness | null
  user: CaretUser
  onReady: (editor: Editor | null) => void
  onLinkRequest?: () => void
  onCommentRequest?: () => void
  onCommentActivate?: (threadId: string) => void
  /** Photos and files in the text: loading, describing, dropping and pasting. */
  attachments?: Partial<AttachmentNodeOptions>
}

/**
 * The writing area, bound live to an artifact's body. It mounts the TipTap editor into its
 * own element and hands the editor to the page (for the toolbar, outline and comments).
 */
export const RichTextEditor = (props: RichTextEditorProps) => {
  let host: HTMLDivElement | undefined
  const [lifecycle, setLifecycle] = createSignal<EditorLifecycle>({ status: 'loading' })
  /** The label follows the interface's language while the editor stays open. */
  const keepLabel = (editor: Editor, readOnly: boolean): void =>
    createEffect(on(() => props.label, (label) => relabelEditor(editor, label, readOnly), { defer: true }))
  onMount(() => {
    performance.mark('mutual:editor:mount')
    try {
      if (props.readOnly) {
        const view = makeReadOnlyEditor({ element: host as HTMLElement, fragment: props.fragment, label: props.label, attachments: props.attachments })
        props.onReady(view.editor)
        keepLabel(view.editor, true)
        onCleanup(() => {
          props.onReady(null)
          view.destroy()
        })
      } else {
        const editor = makeDocumentEditor({
          element: host as HTMLElement,
          fragment: props.fragment,
          label: props.label,
          awareness: props.awareness,
          user: props.user,
          onLinkRequest: () => props.onLinkRequest?.(),
          onCommentRequest: () => props.onCommentRequest?.(),
          onCommentActivate: (id) => props.onCommentActivate?.(id),
          attachments: props.attachments,
          editable: !props.commentOnly
        })
        props.onReady(editor)
        keepLabel(editor, !!props.commentOnly)
        onCleanup(() => {
          props.onReady(null)
          editor.destroy()
        })
      }
      setLifecycle({ status: 'ready' })
      // Read by the editor benchmark: from mounting to an editor ready for typing.
      performance.mark('mutual:editor:ready')
    } catch (error) {
      setLifecycle({ status: 'error', message: error instanceof Error ? error.message : String(error) })
    }
  })
  return (
    <>
      <Show when={lifecycle().status === 'error' && lifecycle()}>
        {(failed) => (
          <Alert tone="error" title={t('document.openFailed')}>
            <p>{(failed() as { message: string }).message}</p>
          </Alert>
        )}
      </Show>
      <div class="editor-host" ref={host} data-editor-state={lifecycle().status} {...CONTENT_LANG} />
    </>
  )
}
