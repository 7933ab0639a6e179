import { For, Show, createMemo } from 'solid-js'
import { localIsoDate, summarisePlan } from '../../../domain/lab-plan/lab-plan-state'
import { InPageLink } from '../../components/InPageLink'
import { useLabPlan } from './plan-context'
import { t } from '../../i18n/t'
import { formatMoney } from '../../i18n/format-money'
import { planLongDate } from './plan-dates'
import { deliverableLabel } from './plan-labels'

/** The plan at a glance: the next milestone, the budget used, outcomes at risk, the group check. */
export const PlanSummary = () => {
  const plan = useLabPlan()
  // One summary per change to the plan, shared by every figure below; the budget is summed
  // once for the whole page.
  const summary = createMemo(() => summarisePlan(plan.plan(), localIsoDate(Date.now()), plan.budget.position()))
  return (
    <section class="plan-summary" aria-labelledby="plan-summary-title">
      <h2 id="plan-summary-title">{t('labPlan.summary')}</h2>
      <dl class="plan-summary-list">
        <div>
          <dt>{t('labPlan.summary.next')}</dt>
          <dd>
            <Show when={summary().next} fallback={t('labPlan.summary.noneDated')}>
              {(next) => t('labPlan.summary.nextAt', { title: deliverableLabel(next().title), date: planLongDate(next().date) })}
            </Show>
            <Show when={summary().overdue.length > 0}>
              <span class="plan-warning"> {t('labPlan.summary.overdue', { count: summary().overdue.length })}</span>
            </Show>
          </dd>
        </div>
        <div>
          <dt>{t('labPlan.summary.budgetUsed')}</dt>
          <dd>
            {t('labPlan.summary.spentOf', { spent: formatMoney(summary().budget.totals.spent), award: formatMoney(summary().budget.award) })}
            <Show when={summary().budget.usedPercent !== null}> {t('labPlan.summary.percent', { percent: String(summary().budget.usedPercent) })}</Show>
            <Show when={summary().budget.overAward}>
              <span class="plan-warning"> {t('labPlan.summary.overAward', { amount: formatMoney(-summary().budget.remaining) })}</span>
            </Show>
          </dd>
        </div>
        <div>
          <dt>{t('labPlan.summary.atRisk')}</dt>
          <dd>
            <Show when={summary().atRisk.length > 0} fallback={t('labPlan.summary.none')}>
              <ul>
                <For each={summary().atRisk}>{(outcome) => <li>{outcome.title}</li>}</For>
              </ul>
            </Show>
          </dd>
        </div>
        <div>
          <dt>{t('labPlan.summary.group')}</dt>
          <dd>
            {t('labPlan.summary.others', { count: summary().group.others })}
            <Show when={summary().group.kind === 'too-few'}>
              <span class="plan-warning"> {t('labPlan.summary.needThree')}</span>
            </Show>
          </dd>
        </div>
      </dl>
      <nav aria-label={t('labPlan.parts')}>
        <ul class="plan-parts-nav">
          <li><InPageLink target="plan-proposal">{t('labPlan.proposal')}</InPageLink></li>
          <li><InPageLink target="plan-outcomes">{t('labPlan.outcomes')}</InPageLink></li>
          <li><InPageLink target="plan-budget">{t('labPlan.budget')}</InPageLink></li>
          <li><InPageLink target="plan-milestones">{t('labPlan.milestones')}</InPageLink></li>
          <li><InPageLink target="plan-values">{t('labPlan.values')}</InPageLink></li>
          <li><InPageLink target="plan-group">{t('labPlan.group')}</InPageLink></li>
        </ul>
      </nav>
    </section>
  )
}
