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
import { t } from '../../i18n/t'
import { planLongDate } from './plan-dates'
import { localisedOptions, outcomeStatusLabel } from './plan-labels'

const outcomeSpecs = (): readonly RowFieldSpec[] => [
  { key: 'title', label: t('labPlan.outcome'), kind: 'text', maxLength: 200, required: true },
  { key: 'status', label: t('labPlan.outcome.status'), kind: 'select', options: () => localisedOptions(OUTCOME_STATUS_LABELS, outcomeStatusLabel) },
  { key: 'description', label: t('labPlan.outcome.description'), kind: 'multiline', maxLength: 2000 }
]

const measureSpecs = (outcomes: () => readonly Outcome[]): readonly RowFieldSpec[] => [
  { key: 'outcomeId', label: t('labPlan.measure.outcome'), kind: 'select', options: () => outcomes().map((o) => ({ value: o.id, label: o.title })) },
  { key: 'what', label: t('labPlan.measure.what'), kind: 'text', maxLength: 200, required: true, hint: t('labPlan.measure.what.hint') },
  { key: 'how', label: t('labPlan.measure.how'), kind: 'text', maxLength: 500 },
  { key: 'baseline', label: t('labPlan.measure.baseline'), kind: 'text', maxLength: 80 },
  { key: 'target', label: t('labPlan.measure.target'), kind: 'text', maxLength: 80 },
  { key: 'latestValue', label: t('labPlan.measure.latestValue'), kind: 'text', maxLength: 80 },
  { key: 'latestDate', label: t('labPlan.measure.latestDate'), kind: 'date' }
]

/** Outcomes with their status, measures and evidence. */
export const OutcomesSection = (props: { choices: readonly EvidenceChoice[] }) => {
  const plan = useLabPlan()
  const outcomeEditing = createRowEditing()
  const measureEditing = createRowEditing()
  const outcomeWrites = makeRowWrites(plan, 'outcomes')
  const measureWrites = makeRowWrites(plan, 'measures')
  const outcomes = () => plan.plan().outcomes
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
        {t('labPlan.outcomes')}
      </h2>
      <Show when={outcomes().length > 0} fallback={<p>{t('labPlan.outcomes.none')}</p>}>
        <ol class="plan-outcomes" id="plan-outcome-list">
          <For each={listed.listed()}>
            {(outcome) => (
              <li class="plan-outcome stack">
                <div class="plan-outcome-head">
                  <h3>{outcome.title}</h3>
                  <span class={`plan-status status-${outcome.status}`}>{outcomeStatusLabel(outcome.status)}</span>
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
              more={t('labPlan.outcomes.showAll', { count: outcomes().length })}
              fewer={t('labPlan.outcomes.showFirst', { count: OUTCOMES_LISTED })}
            />
          </p>
        </Show>
      </Show>
      <AddOrChangeForm
        specs={outcomeSpecs()}
        schema={OutcomeFieldsSchema}
        defaults={OUTCOME_DEFAULTS}
        edited={editedOutcome()}
        name={(o) => o.title}
        addHeading={t('labPlan.outcome.add')}
        addLabel={t('labPlan.outcome.addButton')}
        saveLabel={t('labPlan.outcome.saveButton')}
        writes={outcomeWrites}
        editing={outcomeEditing}
        newName={(value) => String(value.title)}
      />
      <Show when={outcomes().length > 0}>
        <AddOrChangeForm
          specs={measureSpecs(outcomes)}
          schema={MeasureFieldsSchema}
          defaults={{ ...MEASURE_DEFAULTS, outcomeId: outcomes()[0]?.id ?? '' }}
          edited={editedMeasure()}
          name={(m) => t('labPlan.measure.named', { what: m.what })}
          addHeading={t('labPlan.measure.add')}
          addLabel={t('labPlan.measure.addButton')}
          saveLabel={t('labPlan.measure.saveButton')}
          writes={measureWrites}
          editing={measureEditing}
          newName={(value) => String(value.what)}
        />
      </Show>
    </section>
  )
}

const MeasuresTable = (props: { outcome: Outcome; onChange: (id: Measure['id']) => void; onRemove: (measure: Measure) => void }) => (
  <Show when={props.outcome.measures.length > 0} fallback={<p class="hint">{t('labPlan.measures.none')}</p>}>
    <div class="table-scroll" tabindex="0" role="region" aria-label={t('labPlan.measures.of', { title: props.outcome.title })}>
      <table class="plan-table">
        <caption class="visually-hidden">{t('labPlan.measures.of', { title: props.outcome.title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('labPlan.measure')}</th>
            <th scope="col">{t('labPlan.measure.how')}</th>
            <th scope="col">{t('labPlan.measure.baseline')}</th>
            <th scope="col">{t('labPlan.measure.target')}</th>
            <th scope="col">{t('labPlan.measure.latest')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('labPlan.actions')}</span>
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
                  <Show when={measure.latestDate}>{(date) => <> (<time datetime={date()}>{planLongDate(date())}</time>)</>}</Show>
                </td>
                <td>
                  <RowActions rowId={measure.id} name={t('labPlan.measure.named', { what: measure.what })} onChange={() => props.onChange(measure.id)} onRemove={() => props.onRemove(measure)} />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  </Show>
)
