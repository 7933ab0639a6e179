import { For, Show } from 'solid-js'
import { GROUP_MEMBER_DEFAULTS, GroupMemberFieldsSchema, MEMBERSHIP_TYPE_LABELS, MIN_OTHER_MEMBERS, checkWorkingGroup } from '../../../domain/lab-plan/working-group'
import { KNOWN_CCIN_MEMBERS } from '../../../domain/councils'
import { Alert } from '../../components/Alert'
import { createRowEditing } from './create-row-editing'
import { useLabPlan } from './plan-context'
import { makeRowWrites } from './plan-row-writes'
import { AddOrChangeForm } from './AddOrChangeForm'
import { RowActions } from './RowActions'
import type { RowFieldSpec } from './row-form-fields'
import { t } from '../../i18n/t'
import { localisedOptions, membershipLabel } from './plan-labels'

const specs = (): readonly RowFieldSpec[] => [
  { key: 'council', label: t('labPlan.group.council'), kind: 'text', maxLength: 160, required: true, hint: t('labPlan.group.council.hint', { example: KNOWN_CCIN_MEMBERS[0] ?? '' }) },
  { key: 'membershipType', label: t('labPlan.group.membership'), kind: 'select', options: () => localisedOptions(MEMBERSHIP_TYPE_LABELS, membershipLabel) },
  { key: 'person', label: t('labPlan.group.person'), kind: 'text', maxLength: 120 },
  { key: 'role', label: t('labPlan.group.role'), kind: 'text', maxLength: 120 }
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
        {t('labPlan.group')}
      </h2>
      <Show
        when={tooFew()}
        fallback={<p class="plan-check-ok">{t('labPlan.group.othersOk', { count: check().others })}</p>}
      >
        {(found) => (
          <Alert tone="warning" title={t('labPlan.group.tooFewTitle')}>
            <p>{t('labPlan.group.tooFew', { min: MIN_OTHER_MEMBERS, others: found().others, needed: MIN_OTHER_MEMBERS - found().others })}</p>
          </Alert>
        )}
      </Show>
      <div class="table-scroll" tabindex="0" role="region" aria-label={t('labPlan.group.table')}>
        <table class="plan-table">
          <caption class="visually-hidden">{t('labPlan.group.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('labPlan.group.council')}</th>
              <th scope="col">{t('labPlan.group.membership')}</th>
              <th scope="col">{t('labPlan.group.person')}</th>
              <th scope="col">{t('labPlan.group.roleColumn')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('labPlan.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={plan.plan().members} fallback={<tr><td colSpan={5}>{t('labPlan.group.none')}</td></tr>}>
              {(member) => (
                <tr>
                  <th scope="row">{member.council}</th>
                  <td>{membershipLabel(member.membershipType)}</td>
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
        specs={specs()}
        schema={GroupMemberFieldsSchema}
        defaults={GROUP_MEMBER_DEFAULTS}
        edited={edited()}
        name={label}
        addHeading={t('labPlan.group.add')}
        addLabel={t('labPlan.group.addButton')}
        saveLabel={t('labPlan.save')}
        writes={writes}
        editing={editing}
        newName={(value) => String(value.council)}
      />
    </section>
  )
}
