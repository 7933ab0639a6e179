import { For, Show } from 'solid-js'
import {
  MILESTONE_DEFAULTS,
  MILESTONE_KIND_LABELS,
  MILESTONE_STATUS_LABELS,
  MilestoneFieldsSchema,
  byDate
} from '../../../domain/lab-plan/milestones'
import { createRowEditing } from './create-row-editing'
import type { EvidenceChoice } from './evidence-choices'
import { useLabPlan } from './plan-context'
import { makeRowWrites } from './plan-row-writes'
import { AddOrChangeForm } from './AddOrChangeForm'
import { PlanTimeline } from './PlanTimeline'
import { RowActions } from './RowActions'
import type { RowFieldSpec } from './row-form-fields'
import { t } from '../../i18n/t'
import { planLongDate } from './plan-dates'
import { deliverableLabel, localisedOptions, milestoneKindLabel, milestoneStatusLabel } from './plan-labels'

/** Deliverables and the lab's own milestones: a timeline across the lab, and the same as a table. */
export const MilestonesSection = (props: { choices: readonly EvidenceChoice[] }) => {
  const plan = useLabPlan()
  const editing = createRowEditing()
  const writes = makeRowWrites(plan, 'milestones')
  const ordered = () => byDate(plan.plan().milestones)
  const artifactChoices = () => props.choices.filter((c) => c.kind === 'artifact')
  const artifactLabel = (id: string) => artifactChoices().find((c) => c.id === id)
  const specs = (): readonly RowFieldSpec[] => [
    { key: 'title', label: t('labPlan.milestone.title'), kind: 'text', maxLength: 200, required: true },
    { key: 'kind', label: t('labPlan.milestone.kind'), kind: 'select', options: () => localisedOptions(MILESTONE_KIND_LABELS, milestoneKindLabel) },
    { key: 'date', label: t('labPlan.milestone.date'), kind: 'date' },
    { key: 'council', label: t('labPlan.milestone.council'), kind: 'text', maxLength: 160 },
    { key: 'status', label: t('labPlan.milestone.status'), kind: 'select', options: () => localisedOptions(MILESTONE_STATUS_LABELS, milestoneStatusLabel) },
    {
      key: 'artifactId',
      label: t('labPlan.milestone.deliveredBy'),
      kind: 'select',
      hint: t('labPlan.milestone.deliveredBy.hint'),
      options: () => [{ value: '', label: t('labPlan.milestone.nothingYet') }, ...artifactChoices().map((c) => ({ value: c.id, label: c.label }))]
    }
  ]
  const edited = () => plan.plan().milestones.find((m) => m.id === editing.editing()) ?? null
  return (
    <section class="stack plan-part" aria-labelledby="plan-milestones">
      <h2 id="plan-milestones" tabindex="-1">
        {t('labPlan.milestones')}
      </h2>
      <PlanTimeline />
      <div class="table-scroll" tabindex="0" role="region" aria-label={t('labPlan.milestones.table')}>
        <table class="plan-table">
          <caption class="visually-hidden">{t('labPlan.milestones.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('labPlan.milestone')}</th>
              <th scope="col">{t('labPlan.milestone.kind')}</th>
              <th scope="col">{t('labPlan.milestone.date')}</th>
              <th scope="col">{t('labPlan.milestone.councilColumn')}</th>
              <th scope="col">{t('labPlan.milestone.status')}</th>
              <th scope="col">{t('labPlan.milestone.deliveredBy')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('labPlan.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={ordered()} fallback={<tr><td colSpan={7}>{t('labPlan.milestones.none')}</td></tr>}>
              {(milestone) => (
                <tr>
                  <th scope="row">{deliverableLabel(milestone.title)}</th>
                  <td>{milestoneKindLabel(milestone.kind)}</td>
                  <td>
                    <Show when={milestone.date} fallback={t('labPlan.milestone.noDate')}>
                      {(date) => <time datetime={date()}>{planLongDate(date())}</time>}
                    </Show>
                  </td>
                  <td>{milestone.council}</td>
                  <td>{milestoneStatusLabel(milestone.status)}</td>
                  <td>
                    <Show when={milestone.artifactId ? artifactLabel(milestone.artifactId) : undefined} fallback={milestone.artifactId ? t('labPlan.itemNotHere') : ''}>
                      {(choice) => <a href={choice().href ?? '#'}>{choice().label}</a>}
                    </Show>
                  </td>
                  <td>
                    <RowActions rowId={milestone.id} name={deliverableLabel(milestone.title)} onChange={() => editing.start(milestone.id)} onRemove={() => writes.remove(milestone.id, deliverableLabel(milestone.title))} />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <AddOrChangeForm
        specs={specs()}
        schema={MilestoneFieldsSchema}
        defaults={MILESTONE_DEFAULTS}
        edited={edited()}
        name={(m) => m.title}
        addHeading={t('labPlan.milestone.add')}
        addLabel={t('labPlan.milestone.addButton')}
        saveLabel={t('labPlan.milestone.saveButton')}
        writes={writes}
        editing={editing}
        newName={(value) => String(value.title)}
      />
    </section>
  )
}
