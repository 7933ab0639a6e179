import { Show, createSignal } from 'solid-js'
import { ConfirmActions } from '../../components/ConfirmActions'
import { Dialog } from '../../components/Dialog'
import { t } from '../../i18n/t'

/** Confirms a deletion by naming the workspace, and says plainly what deleting does. */
export const DeleteWorkspaceDialog = (props: {
  name: string | null
  onDelete: (onBlocked: () => void) => Promise<void>
  onClose: () => void
}) => {
  const [busy, setBusy] = createSignal(false)
  const [message, setMessage] = createSignal<string | null>(null)

  const confirm = async (): Promise<void> => {
    setBusy(true)
    setMessage(null)
    try {
      await props.onDelete(() =>
        setMessage(t('workspaces.delete.blocked', { name: props.name ?? '' }))
      )
      props.onClose()
    } catch (e) {
      setMessage(t('workspaces.delete.failed', { reason: e instanceof Error ? e.message : String(e) }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog
      open={props.name !== null}
      title={t('workspaces.delete.title', { name: props.name ?? '' })}
      onClose={() => {
        setMessage(null)
        props.onClose()
      }}
    >
      <div class="stack">
        <p>{t('workspaces.delete.body')}</p>
        <Show when={message()}>
          <p class="error-message" role="alert">
            {message()}
          </p>
        </Show>
        <ConfirmActions tone="danger" disabled={busy()} onConfirm={() => void confirm()} onCancel={props.onClose}>
          {busy() ? t('workspaces.delete.busy') : t('workspaces.delete.confirm', { name: props.name ?? '' })}
        </ConfirmActions>
      </div>
    </Dialog>
  )
}
