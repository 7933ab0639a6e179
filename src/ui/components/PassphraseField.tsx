import { createSignal } from 'solid-js'
import { t } from '../i18n/t'
import { TextField } from './TextField'

/**
 * A passphrase, masked as it is typed, with a button that shows it to check for typos. The
 * button is a toggle (aria-pressed) with one name, so a screen reader says whether it is on.
 */
export const PassphraseField = (props: {
  label: string
  value: string
  onInput: (value: string) => void
  hint?: string
  error?: string | undefined
  autocomplete: 'new-password' | 'current-password' | 'off'
  inputRef?: (el: HTMLInputElement | HTMLTextAreaElement) => void
}) => {
  const [shown, setShown] = createSignal(false)
  return (
    <div class="passphrase-field">
      <TextField
        label={props.label}
        hint={props.hint}
        value={props.value}
        onInput={props.onInput}
        error={props.error}
        type={shown() ? 'text' : 'password'}
        autocomplete={props.autocomplete}
        inputRef={props.inputRef}
      />
      <button type="button" class="button" aria-pressed={shown()} onClick={() => setShown((s) => !s)}>
        {t('form.showPassphrase')}
      </button>
    </div>
  )
}
