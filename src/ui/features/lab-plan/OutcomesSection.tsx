import { For, Show, createMemo } from 'solid-js'
import {
  MEASURE_DEFAULTS,
  MeasureFieldsSchema,
  OUTCOME_DEFAULTS,
  OUTCOME_STATUS_LABELS,
  OutcomeFieldsSchema,
  type Measure,
  type Outcome
} from '../../../domain/lab-plan/outcomes'
import { createShortList } from '../../components/create-short-list'
import { optionsFrom } from '../../components/SelectField'
import { ShowAllToggle } from '../../components/ShowAllToggle'
import { createRowEditing } from './create-row-editing'
import { EvidenceLinks } from './EvidenceLinks'
import type { EvidenceChoice } from './evidence-choices'
import { OUTCOMES_LISTED } from './listed-rows'
import { useLabPlan } from './plan-context'
import { makeRowWrites } from './plan-row-writes'
import { AddOrChangeForm } from './AddOrChangeForm'
import { RowActions } from './RowActions'
import type { RowFieldSpec } from './row-form-fields'

const OUTCOME_SPECS: readonly RowFieldSpec[] = [
  { key: 'title', label: 'Outcome', kind: 'text', maxLength: 200, required: true },
  { key: 'status', label: 'Status', kind: 'select', options: () => optionsFrom(OUTCOME_STATUS_LABELS) },
  { key: 'description', label: 'Description', kind: 'multiline', maxLength: 2000 }
]

const measureSpecs = (outcomes: () => readonly Outcome[]): readonly RowFieldSpec[] => [
  { key: 'outcomeId', label: 'Outcome it measures', kind: 'select', options: () => outcomes().map((o) => ({ value: o.id, label: o.title })) },
  { key: 'what', label: 'What is measured', kind: 'text', maxLength: 200, required: true, hint: 'For example: interview feedback from residents and councils' },
  { key: 'how', label: 'How', kind: 'text', maxLength: 500 },
  { key: 'baseline', label: 'Baseline', kind: 'text', maxLength: 80 },
  { key: 'target', label: 'Target', kind: 'text', maxLength: 80 },
  { key: 'latestValue', label: 'Latest value', kind: 'text', maxLength: 80 },
  { key: 'latestDate', label: 'Date of the latest value', kind: 'date' }
]

/** Outcomes with their status, measures and evidence. */
export const OutcomesSection = (props: { choices: readonly EvidenceChoice[] }) => {
  const plan = useLabPlan()
  const outcomeEditing = createRowEditing()
  const measureEditing = createRowEditing()
  const outcomeWrites = makeRowWrites(plan, 'outcomes', 'Outcome')
  const measureWrites = makeRowWrites(plan, 'measures', 'Measure')
  const outcomes = () => plan.plan().outcomes
  const specs = measureSpecs(outcomes)
  const listed = createShortList({ items: outcomes, limit: OUTCOMES_LISTED, keep: (outcome) => outcome.id === outcomeEditing.editing() })
  // Only looked up while a row is being changed: otherwise no change to the plan re-runs them.
  const editedOutcome = createMemo(() => {
    const id = outcomeEditing.editing()
    return id === null ? null : outcomes().find((o) => o.id === id) ?? null
  })
  const editedMeasure = createMemo(() => {
    const id = measureEditing.editing()
    return id === null ? null : outcomes().flatMap((o) => o.measures).find((m) => m.id === id) ?? null
  })
  return (
    <section class="stack plan-part" aria-labelledby="plan-outcomes">
      <h2 id="plan-outcomes" tabindex="-1">
        Outcomes and measures
      </h2>
      <Show when={outcomes().length > 0} fallback={<p>No outcomes yet. Add what the lab hopes to achieve.</p>}>
        <ol class="plan-outcomes" id="plan-outcome-list">
          <For each={listed.listed()}>
            {(outcome) => (
              <li class="plan-outcome stack">
                <div class="plan-outcome-head">
                  <h3>{outcome.title}</h3>
                  <span class={`plan-status status-${outcome.status}`}>{OUTCOME_STATUS_LABELS[outcome.status]}</span>
                  <RowActions rowId={outcome.id} name={outcome.title} onChange={() => outcomeEditing.start(outcome.id)} onRemove={() => outcomeWrites.remove(outcome.id, outcome.title)} />
                </div>
                <Show when={outcome.description}>
                  <p class="plan-prose">{outcome.description}</p>
                </Show>
                <MeasuresTable outcome={outcome} onChange={measureEditing.start} onRemove={(m) => measureWrites.remove(m.id, m.what)} />
                <EvidenceLinks section="outcomes" rowId={outcome.id} name={outcome.title} links={outcome.evidence} choices={props.choices} />
              </li>
            )}
          </For>
        </ol>
        <Show when={listed.shortened()}>
          <p>
            <ShowAllToggle
              list={listed}
              controls="plan-outcome-list"
              more={`Show all ${outcomes().length} outcomes`}
              fewer={`Show the first ${OUTCOMES_LISTED} outcomes`}
            />
          </p>
        </Show>
      </Show>
      <AddOrChangeForm
        specs={OUTCOME_SPECS}
        schema={OutcomeFieldsSchema}
        defaults={OUTCOME_DEFAULTS}
        edited={editedOutcome()}
        name={(o) => o.title}
        addHeading="Add an outcome"
        addLabel="Add outcome"
        saveLabel="Save outcome"
        writes={outcomeWrites}
        editing={outcomeEditing}
        newName={(value) => String(value.title)}
      />
      <Show when={outcomes().length > 0}>
        <AddOrChangeForm
          specs={specs}
          schema={MeasureFieldsSchema}
          defaults={{ ...MEASURE_DEFAULTS, outcomeId: outcomes()[0]?.id ?? '' }}
          edited={editedMeasure()}
          name={(m) => `the measure ${m.what}`}
          addHeading="Add a measure"
          addLabel="Add measure"
          saveLabel="Save measure"
          writes={measureWrites}
          editing={measureEditing}
          newName={(value) => String(value.what)}
        />
      </Show>
    </section>
  )
}

const MeasuresTable = (props: { outcome: Outcome; onChange: (id: Measure['id']) => void; onRemove: (measure: Measure) => void }) => (
  <Show when={props.outcome.measures.length > 0} fallback={<p class="hint">No measures yet.</p>}>
    <div class="table-scroll" tabindex="0" role="region" aria-label={`Measures of ${props.outcome.title}`}>
      <table class="plan-table">
        <caption class="visually-hidden">Measures of {props.outcome.title}</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">How</th>
            <th scope="col">Baseline</th>
            <th scope="col">Target</th>
            <th scope="col">Latest</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.outcome.measures}>
            {(measure) => (
              <tr>
                <th scope="row">{measure.what}</th>
                <td>{measure.how}</td>
                <td>{measure.baseline}</td>
                <td>{measure.target}</td>
                <td>
                  {measure.latestValue}
                  <Show when={measure.latestDate}> ({measure.latestDate})</Show>
                </td>
                <td>
                  <RowActions rowId={measure.id} name={`the measure ${measure.what}`} onChange={() => props.onChange(measure.id)} onRemove={() => props.onRemove(measure)} />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  </Show>
)
