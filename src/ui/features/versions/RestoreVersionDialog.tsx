import { ConfirmActions } from '../../components/ConfirmActions'
import { Dialog } from '../../components/Dialog'
import { t } from '../../i18n/t'

/** The version a person asked to restore, until they confirm or cancel. */
export interface RestoreRequest {
  versionId: string
  versionName: string
}

/**
 * Asks before a restore, because it changes something for everyone in the workspace at once,
 * and says how to undo it: what is there now is kept as a version first. `subject` is what
 * goes back: an item's title, or (with `details`) the lab's details.
 */
export const RestoreVersionDialog = (props: {
  subject: string
  /** What goes back is the lab's details, not an item: the sentences name them. */
  details?: boolean
  request: RestoreRequest | null
  onRestore: (request: RestoreRequest) => void
  onClose: () => void
}) => (
  <Dialog
    open={props.request !== null}
    title={t('restore.title', { details: props.details ? 'yes' : 'no', subject: props.subject, version: props.request?.versionName ?? '' })}
    onClose={props.onClose}
  >
    <div class="stack">
      <p>{t('restore.body', { details: props.details ? 'yes' : 'no', subject: props.subject, version: props.request?.versionName ?? '' })}</p>
      <p>{t('restore.undo')}</p>
      <ConfirmActions
        tone="primary"
        onConfirm={() => {
          const request = props.request
          if (request) props.onRestore(request)
        }}
        onCancel={props.onClose}
      >
        {t('restore.confirm')}
      </ConfirmActions>
    </div>
  </Dialog>
)
