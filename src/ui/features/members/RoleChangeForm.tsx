import { For, createSignal } from 'solid-js'
import { ROLES, RoleSchema, type Role } from '../../../domain/trust/roles'
import { t } from '../../i18n/t'
import { roleName, roleWithSummary } from './role-text'

/**
 * An owner's control to give one member another role. The change is a signed entry in the
 * membership log (WorkspaceTrust.setRole); the list updates when the log has folded it.
 */
export const RoleChangeForm = (props: {
  memberId: string
  name: string
  role: Role
  setRole: (memberId: string, role: Role) => Promise<void>
  /** Says how it went, in the list's own status line: this form is redrawn once the log folds the change. */
  announce: (text: string) => void
}) => {
  const [chosen, setChosen] = createSignal<Role>(props.role)
  const [busy, setBusy] = createSignal(false)
  const fieldId = `role-of-${props.memberId.replace(/[^A-Za-z0-9_-]/g, '')}`
  const submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault()
    const role = chosen()
    setBusy(true)
    try {
      await props.setRole(props.memberId, role)
      props.announce(t('members.changeRole.done', { name: props.name, role: roleName(role) }))
    } catch (error) {
      props.announce(t('members.changeRole.failed', { reason: error instanceof Error ? error.message : String(error) }))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form class="role-change" onSubmit={(e) => void submit(e)}>
      <div class="field">
        <label for={fieldId}>{t('members.changeRole.label', { name: props.name })}</label>
        <select
          id={fieldId}
          value={chosen()}
          onChange={(e) => {
            const read = RoleSchema.safeParse(e.currentTarget.value)
            if (read.success) setChosen(read.data)
          }}
        >
          {/* Most rights first, as the list is ordered. */}
          <For each={[...ROLES].reverse()}>{(role) => <option value={role}>{roleWithSummary(role)}</option>}</For>
        </select>
      </div>
      <button type="submit" class="button small" disabled={busy() || chosen() === props.role}>
        {t('members.changeRole.save')}
      </button>
    </form>
  )
}
