import { Show, createSignal } from 'solid-js'
import { Dialog } from '../../components/Dialog'
import { TextField } from '../../components/TextField'
import { WorkspaceDetailsSchema } from '../../../domain/workspace-meta'
import { t } from '../../i18n/t'
import { inChosenLanguage } from '../../i18n/known-in-language'

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
    if (busy()) return
    const parsed = WorkspaceDetailsSchema.shape.name.safeParse(name())
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message)
      input?.focus()
      return
    }
    setBusy(true)
    try {
      await props.onRename(parsed.data)
      close()
    } catch (e) {
      setError(t('workspaces.rename.failed', { reason: inChosenLanguage(e instanceof Error ? e.message : String(e)) }))
    } finally {
      setBusy(false)
    }
  }

  // However it closes (Escape, Cancel, a rename), the next opening starts without old errors.
  const close = (): void => {
    setError(undefined)
    props.onClose()
  }

  return (
    <Dialog open={props.currentName !== null} title={t('workspaces.rename.title', { name: props.currentName ?? '' })} onClose={close}>
      <Show when={props.currentName !== null}>
        <form class="stack" onSubmit={submit} novalidate>
          <TextField
            label={t('workspaces.rename.newName')}
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
            {/* aria-disabled, not disabled: a disabled button drops keyboard focus to the page. */}
            <button type="submit" class="button primary" aria-disabled={busy() || undefined}>
              {t('workspaces.rename.save')}
            </button>
            <button type="button" class="button" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </Show>
    </Dialog>
  )
}
