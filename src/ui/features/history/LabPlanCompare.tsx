import { For, Show, createMemo, createSignal } from 'solid-js'
import type * as Y from 'yjs'
import { compareLabPlan, type CompareAgainst } from '../../../crdt/compare-lab-plans'
import type { ArtifactId } from '../../../domain/ids'
import { COMPARED_PART_LABELS, type FieldChange, type RowChangeKind } from '../../../domain/lab-plan/plan-compare'
import { formatPence } from '../../../domain/money'
import { plural } from '../../../domain/plural'
import type { VersionSummary } from '../../../domain/version'
import { ChangedName } from './ChangedName'

const CHANGE_LABELS: Record<RowChangeKind, string> = { added: 'added', removed: 'removed', changed: 'changed' }

/**
 * The lab plan as it was at a version, or what changed from it to now or to another version:
 * outcomes, measures, budget lines, milestones, values and the working group, each row said
 * in words (added, removed, changed, with each changed field from what to what).
 */
export const LabPlanCompare = (props: {
  doc: Y.Doc
  planId: ArtifactId
  versionId: string
  mode: 'view' | 'compare'
  versions: readonly VersionSummary[]
}) => {
  const [against, setAgainst] = createSignal<string>('now')
  const target = (): CompareAgainst | null =>
    props.mode === 'view' ? null : against() === 'now' ? { kind: 'now' } : { kind: 'version', versionId: against() }
  const comparison = createMemo(() => compareLabPlan(props.doc, props.planId, props.versionId, target()))
  const others = () => props.versions.filter((v) => v.id !== props.versionId)
  const laterName = () => (against() === 'now' ? 'now' : `“${props.versions.find((v) => v.id === against())?.name ?? 'that version'}”`)
  return (
    <Show when={comparison()} fallback={<p class="muted">The lab plan did not exist yet in this version.</p>}>
      {(c) => (
        <div class="stack">
          <Show when={props.mode === 'compare'}>
            <div class="field">
              <label for="plan-compare-against">Compare with</label>
              <select id="plan-compare-against" class="select" value={against()} onChange={(e) => setAgainst(e.currentTarget.value)}>
                <option value="now">The plan now</option>
                <For each={others()}>{(v) => <option value={v.id}>{v.name}</option>}</For>
              </select>
            </div>
          </Show>
          <div class="compare-view" role="region" tabindex="0" aria-label={props.mode === 'compare' ? 'Changes to the lab plan' : 'The lab plan as it was'}>
            <p class="meta">
              <Show
                when={c().budgetNow}
                fallback={<>Budget lines planned in this version: {formatPence(c().budgetThen.planned)}.</>}
              >
                {(now) => (
                  <>
                    {c().changedRows === 0 ? 'No row has changed' : `${plural(c().changedRows, 'row has', 'rows have')} changed`} between this version and {laterName()}. Planned
                    budget: {formatPence(c().budgetThen.planned)} then, {formatPence(now().planned)} {against() === 'now' ? 'now' : 'later'}.
                  </>
                )}
              </Show>
            </p>
            <Show when={c().proposal.length > 0}>
              <h3>Proposal</h3>
              <FieldChanges fields={c().proposal} />
            </Show>
            <For each={c().parts}>
              {(part) => (
                <section aria-label={COMPARED_PART_LABELS[part.part]}>
                  <h3>{COMPARED_PART_LABELS[part.part]}</h3>
                  <ul class="partner-compare">
                    <For each={part.rows}>
                      {(row) => (
                        <li>
                          <ChangedName name={row.name} change={row.change} />
                          <Show when={row.change}>{(change) => <span class={`tag tag-${change()}`}>{CHANGE_LABELS[change()]}</span>}</Show>
                          <Show when={row.fields.length > 0}>
                            <FieldChanges fields={row.fields} />
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
              )}
            </For>
          </div>
        </div>
      )}
    </Show>
  )
}

/** Each changed field, from what to what. */
const FieldChanges = (props: { fields: readonly FieldChange[] }) => (
  <ul class="plan-compare-fields">
    <For each={props.fields}>
      {(field) => (
        <li>
          {field.label}: <del>{field.before || 'empty'}</del> to <ins>{field.after || 'empty'}</ins>
        </li>
      )}
    </For>
  </ul>
)
