import { For, Show, createMemo } from 'solid-js'
import { BUDGET_CATEGORY_LABELS } from '../../../domain/lab-plan/budget'
import { formatPence } from '../../../domain/money'
import { useLabPlan } from './plan-context'

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
          <h3>Planned and spent by category</h3>
        </figcaption>
        <div class="budget-bars" aria-hidden="true">
          <For each={rows()}>
            {(row) => (
              <div class="budget-bar-group">
                <span class="budget-bar-label">{BUDGET_CATEGORY_LABELS[row.category]}</span>
                <span class="budget-bar planned" style={{ width: width(row.totals.planned) }} />
                <span class="budget-bar spent" style={{ width: width(row.totals.spent) }} />
              </div>
            )}
          </For>
          <p class="budget-legend">
            <span class="budget-key planned" /> Planned <span class="budget-key spent" /> Spent
          </p>
        </div>
        <table class="plan-table">
          <caption class="visually-hidden">Planned and spent by category</caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col" class="numeric">Planned</th>
              <th scope="col" class="numeric">Spent</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(row) => (
                <tr>
                  <th scope="row">{BUDGET_CATEGORY_LABELS[row.category]}</th>
                  <td class="numeric">{formatPence(row.totals.planned)}</td>
                  <td class="numeric">{formatPence(row.totals.spent)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </figure>
    </Show>
  )
}
