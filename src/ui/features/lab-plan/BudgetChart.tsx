import { For, Show, createMemo } from 'solid-js'
import { budgetCategoryLabel } from './plan-labels'
import { useLabPlan } from './plan-context'
import { t } from '../../i18n/t'
import { formatMoney } from '../../i18n/format-money'

/**
 * Planned against spent by category: bars for a glance, and the same figures as a table for
 * anyone who cannot see the bars. The bars are hidden from screen readers; the table is not.
 */
export const BudgetChart = () => {
  const plan = useLabPlan()
  // Memos: every bar's width reads the largest figure, which must not re-add the lines per bar.
  const rows = plan.budget.byCategory
  const largest = createMemo(() => Math.max(1, ...rows().flatMap((r) => [r.totals.planned, r.totals.spent])))
  const width = (pence: number): string => `${Math.round((pence / largest()) * 100)}%`
  return (
    <Show when={rows().length > 0}>
      <figure class="stack budget-chart" aria-labelledby="budget-chart-title">
        <figcaption id="budget-chart-title">
          <h3>{t('labPlan.budget.chart')}</h3>
        </figcaption>
        <div class="budget-bars" aria-hidden="true">
          <For each={rows()}>
            {(row) => (
              <div class="budget-bar-group">
                <span class="budget-bar-label">{budgetCategoryLabel(row.category)}</span>
                <span class="budget-bar planned" style={{ width: width(row.totals.planned) }} />
                <span class="budget-bar spent" style={{ width: width(row.totals.spent) }} />
              </div>
            )}
          </For>
          <p class="budget-legend">
            <span class="budget-key planned" /> {t('labPlan.budget.planned')} <span class="budget-key spent" /> {t('labPlan.budget.spent')}
          </p>
        </div>
        <table class="plan-table">
          <caption class="visually-hidden">{t('labPlan.budget.chart')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('labPlan.budget.category')}</th>
              <th scope="col" class="numeric">{t('labPlan.budget.planned')}</th>
              <th scope="col" class="numeric">{t('labPlan.budget.spent')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(row) => (
                <tr>
                  <th scope="row">{budgetCategoryLabel(row.category)}</th>
                  <td class="numeric">{formatMoney(row.totals.planned)}</td>
                  <td class="numeric">{formatMoney(row.totals.spent)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </figure>
    </Show>
  )
}
