import { For, Show, createSignal, createUniqueId } from 'solid-js'
import { setEvidenceLink } from '../../../crdt/lab-plan-rows'
import type { EvidenceSection } from '../../../domain/lab-plan/plan-sections'
import type { EvidenceLink, PlanRowId } from '../../../domain/lab-plan/plan-ids'
import { useLabPlan } from './plan-context'
import { describeLink, type EvidenceChoice } from './evidence-choices'
import { t } from '../../i18n/t'

/** The notes, reports and partners an outcome or value cites, with a picker to cite more. */
export const EvidenceLinks = (props: {
  section: EvidenceSection
  rowId: PlanRowId
  name: string
  links: readonly EvidenceLink[]
  choices: readonly EvidenceChoice[]
}) => {
  const plan = useLabPlan()
  const id = createUniqueId()
  const [picked, setPicked] = createSignal('')
  const unlinked = () => props.choices.filter((c) => !props.links.some((l) => l.id === c.id))
  const link = (choice: EvidenceChoice | undefined, kind: EvidenceChoice['kind'] | null): void => {
    if (!choice) return
    const done = plan.write((actor, now) => setEvidenceLink(plan.doc, plan.planId, props.section, props.rowId, choice.id, kind, actor, now))
    if (done) plan.announce(t(kind ? 'labPlan.evidence.cited' : 'labPlan.evidence.uncited', { label: choice.label }))
    setPicked('')
  }
  return (
    <div class="plan-evidence">
      <Show when={props.links.length > 0} fallback={<p class="hint">{t('labPlan.evidence.none')}</p>}>
        <ul class="plan-evidence-list" aria-label={t('labPlan.evidence.for', { name: props.name })}>
          <For each={props.links}>
            {(entry) => {
              const shown = () => describeLink(entry, props.choices)
              return (
                <li>
                  <Show when={shown().href} fallback={<span>{shown().label}</span>}>
                    {(to) => <a href={to()}>{shown().label}</a>}
                  </Show>{' '}
                  <button type="button" class="button small" aria-label={t('labPlan.evidence.stopCiting', { label: shown().label, name: props.name })} disabled={!plan.canEdit()} onClick={() => link(shown(), null)}>
                    {t('labPlan.evidence.unlink')}
                  </button>
                </li>
              )
            }}
          </For>
        </ul>
      </Show>
      <Show when={unlinked().length > 0}>
        <div class="plan-evidence-picker">
          <label for={id}>{t('labPlan.evidence.citeFor', { name: props.name })}</label>
          <select id={id} class="select" value={picked()} onChange={(e) => setPicked(e.currentTarget.value)} disabled={!plan.canEdit()}>
            <option value="">{t('labPlan.evidence.choose')}</option>
            <For each={unlinked()}>{(choice) => <option value={choice.id}>{choice.label}</option>}</For>
          </select>
          <button
            type="button"
            class="button small"
            disabled={!plan.canEdit() || picked() === ''}
            onClick={() => {
              const choice = unlinked().find((c) => c.id === picked())
              link(choice, choice?.kind ?? null)
            }}
          >
            {t('labPlan.evidence.cite')}
          </button>
        </div>
      </Show>
    </div>
  )
}
