import { For, Show } from 'solid-js'
import { GROUP_MEMBER_DEFAULTS, GroupMemberFieldsSchema, MEMBERSHIP_TYPE_LABELS, checkWorkingGroup } from '../../../domain/lab-plan/working-group'
import { KNOWN_CCIN_MEMBERS } from '../../../domain/councils'
import { Alert } from '../../components/Alert'
import { optionsFrom } from '../../components/SelectField'
import { createRowEditing } from './create-row-editing'
import { useLabPlan } from './plan-context'
import { makeRowWrites } from './plan-row-writes'
import { AddOrChangeForm } from './AddOrChangeForm'
import { RowActions } from './RowActions'
import type { RowFieldSpec } from './row-form-fields'

const SPECS: readonly RowFieldSpec[] = [
  { key: 'council', label: 'Council or organisation', kind: 'text', maxLength: 160, required: true, hint: `For example ${KNOWN_CCIN_MEMBERS[0]}` },
  { key: 'membershipType', label: 'CCIN membership', kind: 'select', options: () => optionsFrom(MEMBERSHIP_TYPE_LABELS) },
  { key: 'person', label: 'Person', kind: 'text', maxLength: 120 },
  { key: 'role', label: 'Role in the lab', kind: 'text', maxLength: 120 }
]

/** The councils and people in the lab, their CCIN membership, and the three-members check. */
export const WorkingGroupSection = () => {
  const plan = useLabPlan()
  const editing = createRowEditing()
  const writes = makeRowWrites(plan, 'members')
  const check = () => checkWorkingGroup(plan.plan().members)
  const tooFew = () => {
    const result = check()
    return result.kind === 'too-few' ? result : null
  }
  const label = (m: { council: string; person: string }) => (m.person ? `${m.person}, ${m.council}` : m.council)
  const edited = () => plan.plan().members.find((m) => m.id === editing.editing()) ?? null
  return (
    <section class="stack plan-part" aria-labelledby="plan-group">
      <h2 id="plan-group" tabindex="-1">
        Working group
      </h2>
      <Show
        when={tooFew()}
        fallback={<p class="plan-check-ok">The group has {check().others} other CCIN members besides the lead council.</p>}
      >
        {(found) => (
          <Alert tone="warning" title="Fewer than three other CCIN members">
            <p>{found().message}</p>
          </Alert>
        )}
      </Show>
      <div class="table-scroll" tabindex="0" role="region" aria-label="Table of the working group">
        <table class="plan-table">
          <caption class="visually-hidden">The working group's councils and members</caption>
          <thead>
            <tr>
              <th scope="col">Council or organisation</th>
              <th scope="col">CCIN membership</th>
              <th scope="col">Person</th>
              <th scope="col">Role</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={plan.plan().members} fallback={<tr><td colSpan={5}>No one in the working group yet.</td></tr>}>
              {(member) => (
                <tr>
                  <th scope="row">{member.council}</th>
                  <td>{MEMBERSHIP_TYPE_LABELS[member.membershipType]}</td>
                  <td>{member.person}</td>
                  <td>{member.role}</td>
                  <td>
                    <RowActions rowId={member.id} name={label(member)} onChange={() => editing.start(member.id)} onRemove={() => writes.remove(member.id, label(member))} />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <AddOrChangeForm
        specs={SPECS}
        schema={GroupMemberFieldsSchema}
        defaults={GROUP_MEMBER_DEFAULTS}
        edited={edited()}
        name={label}
        addHeading="Add to the working group"
        addLabel="Add to the group"
        saveLabel="Save"
        writes={writes}
        editing={editing}
        newName={(value) => String(value.council)}
      />
    </section>
  )
}
