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

const SPECS: readonly RowFieldSpec[] = [
  { key: 'name', label: 'Value or principle', kind: 'text', maxLength: 120, required: true, hint: `The co-operative values: ${COOPERATIVE_VALUES.join(', ')}` },
  { key: 'application', label: 'How the lab applies it', kind: 'multiline', maxLength: 2000 }
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
        Values and principles
      </h2>
      <div class="table-scroll" tabindex="0" role="region" aria-label="Table of values and principles">
        <table class="plan-table">
          <caption class="visually-hidden">Values and principles, and how the lab applies each</caption>
          <thead>
            <tr>
              <th scope="col">Value</th>
              <th scope="col">How the lab applies it</th>
              <th scope="col">Evidence</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={plan.plan().values} fallback={<tr><td colSpan={4}>No values listed.</td></tr>}>
              {(value) => (
                <tr>
                  <th scope="row">{value.name}</th>
                  <td class="plan-prose">{value.application || <span class="hint">Not filled in yet</span>}</td>
                  <td>
                    <EvidenceLinks section="values" rowId={value.id} name={value.name} links={value.evidence} choices={props.choices} />
                  </td>
                  <td>
                    <RowActions rowId={value.id} name={value.name} onChange={() => editing.start(value.id)} onRemove={() => writes.remove(value.id, value.name)} />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <AddOrChangeForm
        specs={SPECS}
        schema={PlanValueFieldsSchema}
        defaults={PLAN_VALUE_DEFAULTS}
        edited={edited()}
        name={(v) => v.name}
        addHeading="Add a value"
        addLabel="Add value"
        saveLabel="Save value"
        writes={writes}
        editing={editing}
        newName={(value) => String(value.name)}
      />
    </section>
  )
}
