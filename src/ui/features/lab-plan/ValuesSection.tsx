import { For, Show } from 'solid-js'
import { COOPERATIVE_VALUES, PLAN_VALUE_DEFAULTS, PlanValueFieldsSchema } from '../../../domain/lab-plan/plan-values'
import { createRowEditing } from './create-row-editing'
import { EvidenceLinks } from './EvidenceLinks'
import type { EvidenceChoice } from './evidence-choices'
import { useLabPlan } from './plan-context'
import { makeRowWrites } from './plan-row-writes'
import { AddOrChangeForm } from './AddOrChangeForm'
import { RowActions } from './RowActions'
import type { RowFieldSpec } from './row-form-fields'
import { t } from '../../i18n/t'
import { cooperativeValueLabel } from './plan-labels'

const specs = (): readonly RowFieldSpec[] => [
  { key: 'name', label: t('labPlan.value.name'), kind: 'text', maxLength: 120, required: true, hint: t('labPlan.value.name.hint', { values: COOPERATIVE_VALUES.map(cooperativeValueLabel).join(', ') }) },
  { key: 'application', label: t('labPlan.value.application'), kind: 'multiline', maxLength: 2000 }
]

/** The CCIN values and principles, each with how the lab applies it and its evidence. */
export const ValuesSection = (props: { choices: readonly EvidenceChoice[] }) => {
  const plan = useLabPlan()
  const editing = createRowEditing()
  const writes = makeRowWrites(plan, 'values')
  const edited = () => plan.plan().values.find((v) => v.id === editing.editing()) ?? null
  return (
    <section class="stack plan-part" aria-labelledby="plan-values">
      <h2 id="plan-values" tabindex="-1">
        {t('labPlan.values')}
      </h2>
      <div class="table-scroll" tabindex="0" role="region" aria-label={t('labPlan.values.table')}>
        <table class="plan-table">
          <caption class="visually-hidden">{t('labPlan.values.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('labPlan.value')}</th>
              <th scope="col">{t('labPlan.value.application')}</th>
              <th scope="col">{t('labPlan.evidence')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('labPlan.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={plan.plan().values} fallback={<tr><td colSpan={4}>{t('labPlan.values.none')}</td></tr>}>
              {(value) => (
                <tr>
                  <th scope="row">{cooperativeValueLabel(value.name)}</th>
                  <td class="plan-prose">{value.application || <span class="hint">{t('labPlan.notFilledIn')}</span>}</td>
                  <td>
                    <EvidenceLinks section="values" rowId={value.id} name={cooperativeValueLabel(value.name)} links={value.evidence} choices={props.choices} />
                  </td>
                  <td>
                    <RowActions rowId={value.id} name={cooperativeValueLabel(value.name)} onChange={() => editing.start(value.id)} onRemove={() => writes.remove(value.id, cooperativeValueLabel(value.name))} />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <AddOrChangeForm
        specs={specs()}
        schema={PlanValueFieldsSchema}
        defaults={PLAN_VALUE_DEFAULTS}
        edited={edited()}
        name={(v) => v.name}
        addHeading={t('labPlan.value.add')}
        addLabel={t('labPlan.value.addButton')}
        saveLabel={t('labPlan.value.saveButton')}
        writes={writes}
        editing={editing}
        newName={(value) => String(value.name)}
      />
    </section>
  )
}
