import { Show, createSignal } from 'solid-js'
import { ConfirmActions } from '../../components/ConfirmActions'
import { Dialog } from '../../components/Dialog'

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
        setMessage(`“${props.name}” is open in another tab or window. It will be deleted as soon as you close it there.`)
      )
      props.onClose()
    } catch (e) {
      setMessage(`Not deleted: ${e instanceof Error ? e.message : String(e)}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog
      open={props.name !== null}
      title={`Delete “${props.name ?? ''}” from this device?`}
      onClose={() => {
        setMessage(null)
        props.onClose()
      }}
    >
      <div class="stack">
        <p>
          This removes the workspace and everything in it from this browser. Copies held by other members are not
          affected, and you can join again from an invite link.
        </p>
        <Show when={message()}>
          <p class="error-message" role="alert">
            {message()}
          </p>
        </Show>
        <ConfirmActions tone="danger" disabled={busy()} onConfirm={() => void confirm()} onCancel={props.onClose}>
          {busy() ? 'Deleting…' : `Delete “${props.name ?? ''}”`}
        </ConfirmActions>
      </div>
    </Dialog>
  )
}
