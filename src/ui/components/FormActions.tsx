import type { JSX } from 'solid-js'
import { t } from '../i18n/t'

/** A dialog form's buttons: submit (named for what it does), then Cancel. */
export const FormActions = (props: { children: JSX.Element; onCancel: () => void }) => (
  <div class="actions">
    <button type="submit" class="button primary">
      {props.children}
    </button>
    <button type="button" class="button" onClick={() => props.onCancel()}>
      {t('common.cancel')}
    </button>
  </div>
)
