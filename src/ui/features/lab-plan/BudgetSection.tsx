import { For, Show, createMemo } from 'solid-js'
import {
  BUDGET_CATEGORY_LABELS,
  BUDGET_LINE_DEFAULTS,
  BudgetLineFieldsSchema,
  budgetPosition
} from '../../../domain/lab-plan/budget'
import { formatPence } from '../../../domain/money'
import { Alert } from '../../components/Alert'
import { createShortList } from '../../components/create-short-list'
import { ShowAllToggle } from '../../components/ShowAllToggle'
import { optionsFrom } from '../../components/SelectField'
import { BudgetChart } from './BudgetChart'
import { BudgetCsvButton } from './BudgetCsvButton'
import { createRowEditing } from './create-row-editing'
import { BUDGET_LINES_LISTED } from './listed-rows'
import { useLabPlan } from './plan-context'
import { makeRowWrites } from './plan-row-writes'
import { AddOrChangeForm } from './AddOrChangeForm'
import { RowActions } from './RowActions'
import type { RowFieldSpec } from './row-form-fields'

const SPECS: readonly RowFieldSpec[] = [
  { key: 'item', label: 'Item', kind: 'text', maxLength: 160, required: true, hint: 'For example: 4 action research reviews' },
  { key: 'category', label: 'Category', kind: 'select', options: () => optionsFrom(BUDGET_CATEGORY_LABELS) },
  { key: 'council', label: 'Council spending it', kind: 'text', maxLength: 160 },
  { key: 'planned', label: 'Planned (£)', kind: 'money', hint: 'In pounds and pence, like 1,250.00' },
  { key: 'committed', label: 'Committed (£)', kind: 'money' },
  { key: 'spent', label: 'Spent (£)', kind: 'money' }
]

/** Budget lines against the award: totals, what remains, a warning when over, a chart and CSV. */
export const BudgetSection = () => {
  const plan = useLabPlan()
  const editing = createRowEditing()
  const writes = makeRowWrites(plan, 'budget', 'Budget line')
  // Memos, so one change sums the lines once, not once per figure that shows a total.
  const position = createMemo(() => budgetPosition(plan.plan().budget, plan.plan().proposal.fundingAsked))
  const lines = createShortList({
    items: () => plan.plan().budget,
    limit: BUDGET_LINES_LISTED,
    keep: (line) => line.id === editing.editing()
  })
  const editedLine = createMemo(() => {
    const id = editing.editing()
    return id === null ? null : plan.plan().budget.find((line) => line.id === id) ?? null
  })
  return (
    <section class="stack plan-part" aria-labelledby="plan-budget">
      <h2 id="plan-budget" tabindex="-1">
        Budget
      </h2>
      <Show when={position().overAward}>
        <Alert tone="warning" title="The budget is over the award">
          <p>
            The lines plan {formatPence(position().totals.planned)} against an award of {formatPence(position().award)}: {formatPence(-position().remaining)}{' '}
            too much.
          </p>
        </Alert>
      </Show>
      <Show when={position().award === 0}>
        <p class="hint">Enter the funding asked for in the proposal to compare the budget with the award.</p>
      </Show>
      <div class="table-scroll" tabindex="0" role="region" aria-label="Budget lines">
        <table class="plan-table">
          <caption class="visually-hidden">Budget lines, with totals against the award</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Category</th>
              <th scope="col">Council</th>
              <th scope="col" class="numeric">Planned</th>
              <th scope="col" class="numeric">Committed</th>
              <th scope="col" class="numeric">Spent</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody id="plan-budget-rows">
            <For each={lines.listed()} fallback={<tr><td colSpan={7}>No budget lines yet.</td></tr>}>
              {(line) => (
                <tr>
                  <th scope="row">{line.item}</th>
                  <td>{BUDGET_CATEGORY_LABELS[line.category]}</td>
                  <td>{line.council}</td>
                  <td class="numeric">{formatPence(line.planned)}</td>
                  <td class="numeric">{formatPence(line.committed)}</td>
                  <td class="numeric">{formatPence(line.spent)}</td>
                  <td>
                    <RowActions rowId={line.id} name={line.item} onChange={() => editing.start(line.id)} onRemove={() => writes.remove(line.id, line.item)} />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Total
              </th>
              <td class="numeric" data-total="planned">{formatPence(position().totals.planned)}</td>
              <td class="numeric" data-total="committed">{formatPence(position().totals.committed)}</td>
              <td class="numeric" data-total="spent">{formatPence(position().totals.spent)}</td>
              <td />
            </tr>
            <tr>
              <th scope="row" colSpan={3}>
                Award (funding asked for)
              </th>
              <td class="numeric">{formatPence(position().award)}</td>
              <td colSpan={3} />
            </tr>
            <tr classList={{ 'plan-over': position().overAward }}>
              <th scope="row" colSpan={3}>
                {position().overAward ? 'Over the award by' : 'Remaining to plan'}
              </th>
              <td class="numeric">{formatPence(Math.abs(position().remaining))}</td>
              <td colSpan={3} />
            </tr>
          </tfoot>
        </table>
      </div>
      <Show when={lines.shortened()}>
        <p>
          {lines.showingAll() ? `All ${plan.plan().budget.length} lines are listed.` : `The first ${BUDGET_LINES_LISTED} of ${plan.plan().budget.length} lines are listed.`} The
          totals count every line.{' '}
          <ShowAllToggle
            list={lines}
            controls="plan-budget-rows"
            more={`Show all ${plan.plan().budget.length} budget lines`}
            fewer={`Show the first ${BUDGET_LINES_LISTED} budget lines`}
          />
        </p>
      </Show>
      <BudgetCsvButton />
      <AddOrChangeForm
        specs={SPECS}
        schema={BudgetLineFieldsSchema}
        defaults={BUDGET_LINE_DEFAULTS}
        edited={editedLine()}
        name={(line) => line.item}
        addHeading="Add a budget line"
        addLabel="Add budget line"
        saveLabel="Save budget line"
        writes={writes}
        editing={editing}
        newName={(value) => String(value.item)}
      />
      <BudgetChart />
    </section>
  )
}
