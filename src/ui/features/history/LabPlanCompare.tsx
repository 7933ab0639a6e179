import { For, Show, createMemo, createSignal } from 'solid-js'
import type * as Y from 'yjs'
import { compareLabPlan, type CompareAgainst } from '../../../crdt/compare-lab-plans'
import type { ArtifactId } from '../../../domain/ids'
import type { ComparedPart, FieldChange } from '../../../domain/lab-plan/plan-compare'
import type { VersionSummary } from '../../../domain/version'
import { currentTranslator, t } from '../../i18n/t'
import { cooperativeValueLabel, deliverableLabel } from '../lab-plan/plan-labels'
import { versionName } from '../versions/version-name'
import { ChangedName } from './ChangedName'
import { planCompareSummary } from './plan-compare-summary'

/** A row's name as the plan page shows it: the standard values and deliverables in the interface language, the rest as typed. */
const rowName = (part: ComparedPart, name: string): string =>
  part === 'values' ? cooperativeValueLabel(name) : part === 'milestones' ? deliverableLabel(name) : name

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
  // Reading the translator here makes a change of language compare again, in the new words.
  const comparison = createMemo(() => compareLabPlan(props.doc, props.planId, props.versionId, target(), currentTranslator()))
  const others = () => props.versions.filter((v) => v.id !== props.versionId)
  const laterName = (): string => {
    const later = props.versions.find((v) => v.id === against())
    return later ? versionName(later) : t('labPlan.compare.thatVersion')
  }
  return (
    <Show when={comparison()} fallback={<p class="muted">{t('labPlan.compare.notYet')}</p>}>
      {(c) => (
        <div class="stack">
          <Show when={props.mode === 'compare'}>
            <div class="field">
              <label for="plan-compare-against">{t('labPlan.compare.with')}</label>
              <select id="plan-compare-against" class="select" value={against()} onChange={(e) => setAgainst(e.currentTarget.value)}>
                <option value="now">{t('labPlan.compare.planNow')}</option>
                <For each={others()}>{(v) => <option value={v.id}>{versionName(v)}</option>}</For>
              </select>
            </div>
          </Show>
          <div
            class="compare-view"
            role="region"
            tabindex="0"
            aria-label={props.mode === 'compare' ? t('labPlan.compare.changesRegion') : t('labPlan.compare.asItWasRegion')}
          >
            <p class="meta">{planCompareSummary(c(), against() === 'now' ? null : laterName(), currentTranslator())}</p>
            <Show when={c().proposal.length > 0}>
              <h3>{t('labPlan.proposal')}</h3>
              <FieldChanges fields={c().proposal} />
            </Show>
            <For each={c().parts}>
              {(part) => (
                <section aria-label={t(`labPlan.compare.part.${part.part}`)}>
                  <h3>{t(`labPlan.compare.part.${part.part}`)}</h3>
                  <ul class="partner-compare">
                    <For each={part.rows}>
                      {(row) => (
                        <li>
                          <ChangedName name={rowName(part.part, row.name)} change={row.change} />
                          <Show when={row.change}>{(change) => <span class={`tag tag-${change()}`}>{t(`labPlan.compare.change.${change()}`)}</span>}</Show>
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
          {field.label}: <del>{field.before || t('labPlan.compare.empty')}</del> {t('labPlan.compare.to')}{' '}
          <ins>{field.after || t('labPlan.compare.empty')}</ins>
        </li>
      )}
    </For>
  </ul>
)
