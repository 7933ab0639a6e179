import { Show, createSignal } from 'solid-js'
import { Dialog } from '../../components/Dialog'
import { TextField } from '../../components/TextField'
import { WorkspaceDetailsSchema } from '../../../domain/workspace-meta'

export const RenameWorkspaceDialog = (props: {
  currentName: string | null
  onRename: (name: string) => Promise<void>
  onClose: () => void
}) => {
  const [name, setName] = createSignal('')
  const [error, setError] = createSignal<string | undefined>()
  const [busy, setBusy] = createSignal(false)
  let input: HTMLInputElement | HTMLTextAreaElement | undefined

  const submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault()
    const parsed = WorkspaceDetailsSchema.shape.name.safeParse(name())
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message)
      input?.focus()
      return
    }
    setBusy(true)
    try {
      await props.onRename(parsed.data)
      props.onClose()
    } catch (e) {
      setError(`Not renamed: ${e instanceof Error ? e.message : String(e)}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog
      open={props.currentName !== null}
      title={`Rename “${props.currentName ?? ''}”`}
      onClose={() => {
        setError(undefined)
        props.onClose()
      }}
    >
      <Show when={props.currentName !== null}>
        <form class="stack" onSubmit={submit} novalidate>
          <TextField
            label="New name"
            value={name()}
            onInput={setName}
            error={error()}
            maxLength={120}
            inputRef={(el) => {
              input = el
              setName(props.currentName ?? '')
              queueMicrotask(() => el.select())
            }}
          />
          <div class="actions">
            <button type="submit" class="button primary" disabled={busy()}>
              Save name
            </button>
            <button type="button" class="button" onClick={() => props.onClose()}>
              Cancel
            </button>
          </div>
        </form>
      </Show>
    </Dialog>
  )
}
