import { Show, createSignal } from 'solid-js'
import { MAX_ALT_CHARS } from '../../../domain/attachments/attachment'
import { Dialog } from '../../components/Dialog'
import { TextField } from '../../components/TextField'
import { t } from '../../i18n/t'

/**
 * Asks for a photo's alt text: what someone who cannot see it needs to know. Saving an empty
 * description is allowed (later is fine), and the photo then keeps saying it has none.
 */
export const AltTextDialog = (props: {
  open: boolean
  initial: string
  onSave: (alt: string) => void
  onClose: () => void
  /** Where focus goes if what opened the dialog is gone (the photo's button, rebuilt on save). */
  returnFocus: () => HTMLElement | null
}) => (
  <Dialog open={props.open} title={t('attachments.describe')} onClose={props.onClose} returnFocus={props.returnFocus}>
    <Show when={props.open}>
      <AltTextForm initial={props.initial} onSave={props.onSave} onClose={props.onClose} />
    </Show>
  </Dialog>
)

const AltTextForm = (props: { initial: string; onSave: (alt: string) => void; onClose: () => void }) => {
  const [alt, setAlt] = createSignal(props.initial)
  return (
    <form
      class="stack"
      onSubmit={(event) => {
        event.preventDefault()
        props.onSave(alt())
        props.onClose()
      }}
    >
      <TextField
        label={t('attachments.alt')}
        hint={t('attachments.altHint')}
        multiline
        maxLength={MAX_ALT_CHARS}
        value={alt()}
        onInput={setAlt}
        inputRef={(el) => queueMicrotask(() => el.focus())}
      />
      <div class="actions">
        <button type="submit" class="button primary">
          {t('attachments.saveAlt')}
        </button>
        <button type="button" class="button" onClick={props.onClose}>
          {t('attachments.later')}
        </button>
      </div>
    </form>
  )
}
