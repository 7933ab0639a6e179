import { ConfirmActions } from '../../components/ConfirmActions'
import { Dialog } from '../../components/Dialog'

/** The version a person asked to restore, until they confirm or cancel. */
export interface RestoreRequest {
  versionId: string
  versionName: string
}

/**
 * Asks before a restore, because it changes something for everyone in the workspace at once,
 * and says how to undo it: what is there now is kept as a version first. `subject` is what
 * goes back, as a sentence names it: “Final report”, or the lab’s details.
 */
export const RestoreVersionDialog = (props: {
  subject: string
  /** The subject is plural (“the lab’s details”): the sentence says “they were”, “them”. */
  plural?: boolean
  request: RestoreRequest | null
  onRestore: (request: RestoreRequest) => void
  onClose: () => void
}) => (
  <Dialog
    open={props.request !== null}
    title={`Restore ${props.subject} to “${props.request?.versionName ?? ''}”?`}
    onClose={props.onClose}
  >
    <div class="stack">
      <p>
        This puts {props.subject} back as {props.plural ? 'they were' : 'it was'} in “{props.request?.versionName}”, for
        everyone in the workspace. Changes made to {props.plural ? 'them' : 'it'} since then are taken out.
      </p>
      <p>What is there now is saved as a version first, so you can undo this by restoring that version.</p>
      <ConfirmActions
        tone="primary"
        onConfirm={() => {
          const request = props.request
          if (request) props.onRestore(request)
        }}
        onCancel={props.onClose}
      >
        Restore this version
      </ConfirmActions>
    </div>
  </Dialog>
)
