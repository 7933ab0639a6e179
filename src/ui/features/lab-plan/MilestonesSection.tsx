import { For, Show } from 'solid-js'
import {
  MILESTONE_DEFAULTS,
  MILESTONE_KIND_LABELS,
  MILESTONE_STATUS_LABELS,
  MilestoneFieldsSchema,
  byDate
} from '../../../domain/lab-plan/milestones'
import { optionsFrom } from '../../components/SelectField'
import { createRowEditing } from './create-row-editing'
import type { EvidenceChoice } from './evidence-choices'
import { useLabPlan } from './plan-context'
import { makeRowWrites } from './plan-row-writes'
import { AddOrChangeForm } from './AddOrChangeForm'
import { PlanTimeline } from './PlanTimeline'
import { RowActions } from './RowActions'
import type { RowFieldSpec } from './row-form-fields'

/** Deliverables and the lab's own milestones: a timeline across the lab, and the same as a table. */
export const MilestonesSection = (props: { choices: readonly EvidenceChoice[] }) => {
  const plan = useLabPlan()
  const editing = createRowEditing()
  const writes = makeRowWrites(plan, 'milestones')
  const ordered = () => byDate(plan.plan().milestones)
  const artifactChoices = () => props.choices.filter((c) => c.kind === 'artifact')
  const artifactLabel = (id: string) => artifactChoices().find((c) => c.id === id)
  const specs: readonly RowFieldSpec[] = [
    { key: 'title', label: 'Milestone or deliverable', kind: 'text', maxLength: 200, required: true },
    { key: 'kind', label: 'Kind', kind: 'select', options: () => optionsFrom(MILESTONE_KIND_LABELS) },
    { key: 'date', label: 'Date', kind: 'date' },
    { key: 'council', label: 'Owning council', kind: 'text', maxLength: 160 },
    { key: 'status', label: 'Status', kind: 'select', options: () => optionsFrom(MILESTONE_STATUS_LABELS) },
    {
      key: 'artifactId',
      label: 'Delivered by',
      kind: 'select',
      hint: 'The report, note or board that delivers it',
      options: () => [{ value: '', label: 'Nothing yet' }, ...artifactChoices().map((c) => ({ value: c.id, label: c.label }))]
    }
  ]
  const edited = () => plan.plan().milestones.find((m) => m.id === editing.editing()) ?? null
  return (
    <section class="stack plan-part" aria-labelledby="plan-milestones">
      <h2 id="plan-milestones" tabindex="-1">
        Milestones and deliverables
      </h2>
      <PlanTimeline />
      <div class="table-scroll" tabindex="0" role="region" aria-label="Table of milestones and deliverables">
        <table class="plan-table">
          <caption class="visually-hidden">Milestones and deliverables, by date</caption>
          <thead>
            <tr>
              <th scope="col">Milestone</th>
              <th scope="col">Kind</th>
              <th scope="col">Date</th>
              <th scope="col">Council</th>
              <th scope="col">Status</th>
              <th scope="col">Delivered by</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={ordered()} fallback={<tr><td colSpan={7}>No milestones yet.</td></tr>}>
              {(milestone) => (
                <tr>
                  <th scope="row">{milestone.title}</th>
                  <td>{MILESTONE_KIND_LABELS[milestone.kind]}</td>
                  <td>{milestone.date || 'No date yet'}</td>
                  <td>{milestone.council}</td>
                  <td>{MILESTONE_STATUS_LABELS[milestone.status]}</td>
                  <td>
                    <Show when={milestone.artifactId ? artifactLabel(milestone.artifactId) : undefined} fallback={milestone.artifactId ? 'An item not on this device' : ''}>
                      {(choice) => <a href={choice().href ?? '#'}>{choice().label}</a>}
                    </Show>
                  </td>
                  <td>
                    <RowActions rowId={milestone.id} name={milestone.title} onChange={() => editing.start(milestone.id)} onRemove={() => writes.remove(milestone.id, milestone.title)} />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <AddOrChangeForm
        specs={specs}
        schema={MilestoneFieldsSchema}
        defaults={MILESTONE_DEFAULTS}
        edited={edited()}
        name={(m) => m.title}
        addHeading="Add a milestone"
        addLabel="Add milestone"
        saveLabel="Save milestone"
        writes={writes}
        editing={editing}
        newName={(value) => String(value.title)}
      />
    </section>
  )
}
