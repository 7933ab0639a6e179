import { Show, Suspense, createSignal, type Component } from 'solid-js'
import type * as Y from 'yjs'
import { Dialog } from '../../components/Dialog'
import { t } from '../../i18n/t'

/** What a "new …" form receives inside its dialog. */
export interface NewArtifactFormProps {
  doc: Y.Doc
  workspaceId: string
  onCancel: () => void
  onCreated: () => void
}

/**
 * A sidebar "New …" button that opens its form in a dialog. The form is passed lazily, so
 * its code (and the templates it lists) loads only when someone wants to create one.
 */
export const CreateButton = (props: {
  label: string
  title: string
  form: Component<NewArtifactFormProps>
  doc: Y.Doc
  workspaceId: string
  readOnly: boolean
}) => {
  const [open, setOpen] = createSignal(false)
  return (
    <>
      <button type="button" class="button small" disabled={props.readOnly} onClick={() => setOpen(true)}>
        {props.label}
      </button>
      <Dialog open={open()} title={props.title} onClose={() => setOpen(false)}>
        <Show when={open()}>
          <Suspense fallback={<p class="loading">{t('common.loading')}</p>}>
            <props.form
              doc={props.doc}
              workspaceId={props.workspaceId}
              onCancel={() => setOpen(false)}
              onCreated={() => setOpen(false)}
            />
          </Suspense>
        </Show>
      </Dialog>
    </>
  )
}
