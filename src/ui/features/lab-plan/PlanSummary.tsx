import { For, Show, createMemo } from 'solid-js'
import { localIsoDate, summarisePlan } from '../../../domain/lab-plan/lab-plan-state'
import { formatPence } from '../../../domain/money'
import { plural } from '../../../domain/plural'
import { InPageLink } from '../../components/InPageLink'
import { useLabPlan } from './plan-context'

/** The plan at a glance: the next milestone, the budget used, outcomes at risk, the group check. */
export const PlanSummary = () => {
  const plan = useLabPlan()
  // One summary per change to the plan, shared by every figure below; the budget is summed
  // once for the whole page.
  const summary = createMemo(() => summarisePlan(plan.plan(), localIsoDate(Date.now()), plan.budget.position()))
  return (
    <section class="plan-summary" aria-labelledby="plan-summary-title">
      <h2 id="plan-summary-title">Summary</h2>
      <dl class="plan-summary-list">
        <div>
          <dt>Next milestone</dt>
          <dd>
            <Show when={summary().next} fallback="None dated yet">
              {(next) => `${next().title}, ${next().date}`}
            </Show>
            <Show when={summary().overdue.length > 0}>
              <span class="plan-warning"> ({plural(summary().overdue.length, 'milestone', 'milestones')} overdue)</span>
            </Show>
          </dd>
        </div>
        <div>
          <dt>Budget used</dt>
          <dd>
            {formatPence(summary().budget.totals.spent)} spent of {formatPence(summary().budget.award)}
            <Show when={summary().budget.usedPercent !== null}> ({summary().budget.usedPercent}%)</Show>
            <Show when={summary().budget.overAward}>
              <span class="plan-warning"> · planned lines are {formatPence(-summary().budget.remaining)} over the award</span>
            </Show>
          </dd>
        </div>
        <div>
          <dt>Outcomes at risk</dt>
          <dd>
            <Show when={summary().atRisk.length > 0} fallback="None">
              <ul>
                <For each={summary().atRisk}>{(outcome) => <li>{outcome.title}</li>}</For>
              </ul>
            </Show>
          </dd>
        </div>
        <div>
          <dt>Working group</dt>
          <dd>
            {plural(summary().group.others, 'other CCIN member', 'other CCIN members')}
            <Show when={summary().group.kind === 'too-few'}>
              <span class="plan-warning"> · at least three are needed</span>
            </Show>
          </dd>
        </div>
      </dl>
      <nav aria-label="Parts of the plan">
        <ul class="plan-parts-nav">
          <li><InPageLink target="plan-proposal">Proposal</InPageLink></li>
          <li><InPageLink target="plan-outcomes">Outcomes and measures</InPageLink></li>
          <li><InPageLink target="plan-budget">Budget</InPageLink></li>
          <li><InPageLink target="plan-milestones">Milestones and deliverables</InPageLink></li>
          <li><InPageLink target="plan-values">Values and principles</InPageLink></li>
          <li><InPageLink target="plan-group">Working group</InPageLink></li>
        </ul>
      </nav>
    </section>
  )
}
