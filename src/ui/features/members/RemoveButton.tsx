import { createSignal } from 'solid-js'
import { ConfirmActions } from '../../components/ConfirmActions'
import { Dialog } from '../../components/Dialog'
import { t } from '../../i18n/t'

/** What is being removed, in the words the button and its confirmation use. */
export type RemovalTarget = { what: 'member'; name: string } | { what: 'device'; code: string }

const wordsFor = (target: RemovalTarget) =>
  target.what === 'member'
    ? {
        button: t('members.remove.member', { name: target.name }),
        title: t('members.remove.memberTitle', { name: target.name }),
        detail: t('members.remove.memberDetail', { name: target.name }),
        confirm: t('members.remove.member', { name: target.name }),
        done: t('members.remove.memberDone', { name: target.name })
      }
    : {
        button: t('members.remove.device', { code: target.code }),
        title: t('members.remove.deviceTitle', { code: target.code }),
        detail: t('members.remove.deviceDetail'),
        confirm: t('members.remove.confirmDevice'),
        done: t('members.remove.deviceDone')
      }

/**
 * Removing a member or one of their devices, after a confirmation that names them and says
 * plainly what removal cannot do: what they already have stays with them.
 */
export const RemoveButton = (props: {
  target: RemovalTarget
  remove: () => Promise<void>
  /** Says how it went, in the list's own status line: this button goes once the log folds the removal. */
  announce: (text: string) => void
}) => {
  const [open, setOpen] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const words = () => wordsFor(props.target)
  const confirm = async (): Promise<void> => {
    setBusy(true)
    const done = words().done
    try {
      await props.remove()
      props.announce(done)
    } catch (error) {
      props.announce(t('members.remove.failed', { reason: error instanceof Error ? error.message : String(error) }))
    } finally {
      setBusy(false)
      setOpen(false)
    }
  }
  return (
    <>
      <button type="button" class="button small danger-outline" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {words().button}
      </button>
      <Dialog open={open()} title={words().title} onClose={() => setOpen(false)}>
        <p>{words().detail}</p>
        <ConfirmActions tone="danger" disabled={busy()} onConfirm={() => void confirm()} onCancel={() => setOpen(false)}>
          {words().confirm}
        </ConfirmActions>
      </Dialog>
    </>
  )
}
