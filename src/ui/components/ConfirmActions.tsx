import type { JSX } from 'solid-js'
import { t } from '../i18n/t'

/**
 * The buttons of a confirmation: the action, then Cancel. The safe choice has focus first, so
 * a stray Enter never deletes, removes or restores anything.
 */
export const ConfirmActions = (props: {
  /** The action's button text, naming what it does: “Remove column”. */
  children: JSX.Element
  tone: 'danger' | 'primary'
  disabled?: boolean
  onConfirm: () => void
  onCancel: () => void
}) => (
  <div class="actions">
    <button type="button" class={`button ${props.tone}`} disabled={props.disabled} onClick={() => props.onConfirm()}>
      {props.children}
    </button>
    <button type="button" class="button" autofocus onClick={() => props.onCancel()}>
      {t('common.cancel')}
    </button>
  </div>
)
