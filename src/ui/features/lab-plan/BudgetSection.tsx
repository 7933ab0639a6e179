import { For, Show, createMemo } from 'solid-js'
import { BUDGET_CATEGORY_LABELS, BUDGET_LINE_DEFAULTS, BudgetLineFieldsSchema } from '../../../domain/lab-plan/budget'
import { Alert } from '../../components/Alert'
import { createShortList } from '../../components/create-short-list'
import { ShowAllToggle } from '../../components/ShowAllToggle'
import { BudgetChart } from './BudgetChart'
import { BudgetCsvButton } from './BudgetCsvButton'
import { createRowEditing } from './create-row-editing'
import { BUDGET_LINES_LISTED } from './listed-rows'
import { useLabPlan } from './plan-context'
import { makeRowWrites } from './plan-row-writes'
import { AddOrChangeForm } from './AddOrChangeForm'
import { RowActions } from './RowActions'
import type { RowFieldSpec } from './row-form-fields'
import { t } from '../../i18n/t'
import { formatMoney } from '../../i18n/format-money'
import { budgetCategoryLabel, localisedOptions } from './plan-labels'

const specs = (): readonly RowFieldSpec[] => [
  { key: 'item', label: t('labPlan.budget.item'), kind: 'text', maxLength: 160, required: true, hint: t('labPlan.budget.item.hint') },
  { key: 'category', label: t('labPlan.budget.category'), kind: 'select', options: () => localisedOptions(BUDGET_CATEGORY_LABELS, budgetCategoryLabel) },
  { key: 'council', label: t('labPlan.budget.councilSpending'), kind: 'text', maxLength: 160 },
  { key: 'planned', label: t('labPlan.budget.plannedField'), kind: 'money', hint: t('labPlan.budget.plannedField.hint') },
  { key: 'committed', label: t('labPlan.budget.committedField'), kind: 'money' },
  { key: 'spent', label: t('labPlan.budget.spentField'), kind: 'money' }
]

/** Budget lines against the award: totals, what remains, a warning when over, a chart and CSV. */
export const BudgetSection = () => {
  const plan = useLabPlan()
  const editing = createRowEditing()
  const writes = makeRowWrites(plan, 'budget')
  // Summed once per change for the whole page (create-budget-figures.ts), not once per figure.
  const position = plan.budget.position
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
        {t('labPlan.budget')}
      </h2>
      <Show when={position().overAward}>
        <Alert tone="warning" title={t('labPlan.budget.overTitle')}>
          <p>
            {t('labPlan.budget.overBody', {
              planned: formatMoney(position().totals.planned),
              award: formatMoney(position().award),
              over: formatMoney(-position().remaining)
            })}
          </p>
        </Alert>
      </Show>
      <Show when={position().award === 0}>
        <p class="hint">{t('labPlan.budget.noAward')}</p>
      </Show>
      <div class="table-scroll" tabindex="0" role="region" aria-label={t('labPlan.budget.lines')}>
        <table class="plan-table">
          <caption class="visually-hidden">{t('labPlan.budget.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('labPlan.budget.item')}</th>
              <th scope="col">{t('labPlan.budget.category')}</th>
              <th scope="col">{t('labPlan.budget.council')}</th>
              <th scope="col" class="numeric">{t('labPlan.budget.planned')}</th>
              <th scope="col" class="numeric">{t('labPlan.budget.committed')}</th>
              <th scope="col" class="numeric">{t('labPlan.budget.spent')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('labPlan.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody id="plan-budget-rows">
            <For each={lines.listed()} fallback={<tr><td colSpan={7}>{t('labPlan.budget.none')}</td></tr>}>
              {(line) => (
                <tr>
                  <th scope="row">{line.item}</th>
                  <td>{budgetCategoryLabel(line.category)}</td>
                  <td>{line.council}</td>
                  <td class="numeric">{formatMoney(line.planned)}</td>
                  <td class="numeric">{formatMoney(line.committed)}</td>
                  <td class="numeric">{formatMoney(line.spent)}</td>
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
                {t('labPlan.budget.total')}
              </th>
              <td class="numeric" data-total="planned">{formatMoney(position().totals.planned)}</td>
              <td class="numeric" data-total="committed">{formatMoney(position().totals.committed)}</td>
              <td class="numeric" data-total="spent">{formatMoney(position().totals.spent)}</td>
              <td />
            </tr>
            <tr>
              <th scope="row" colSpan={3}>
                {t('labPlan.budget.award')}
              </th>
              <td class="numeric">{formatMoney(position().award)}</td>
              <td colSpan={3} />
            </tr>
            <tr classList={{ 'plan-over': position().overAward }}>
              <th scope="row" colSpan={3}>
                {t(position().overAward ? 'labPlan.budget.overBy' : 'labPlan.budget.remaining')}
              </th>
              <td class="numeric">{formatMoney(Math.abs(position().remaining))}</td>
              <td colSpan={3} />
            </tr>
          </tfoot>
        </table>
      </div>
      <Show when={lines.shortened()}>
        <p>
          {lines.showingAll()
            ? t('labPlan.budget.allListed', { count: plan.plan().budget.length })
            : t('labPlan.budget.firstListed', { shown: BUDGET_LINES_LISTED, count: plan.plan().budget.length })}{' '}
          {t('labPlan.budget.totalsCountAll')}{' '}
          <ShowAllToggle
            list={lines}
            controls="plan-budget-rows"
            more={t('labPlan.budget.showAll', { count: plan.plan().budget.length })}
            fewer={t('labPlan.budget.showFirst', { count: BUDGET_LINES_LISTED })}
          />
        </p>
      </Show>
      <BudgetCsvButton />
      <AddOrChangeForm
        specs={specs()}
        schema={BudgetLineFieldsSchema}
        defaults={BUDGET_LINE_DEFAULTS}
        edited={editedLine()}
        name={(line) => line.item}
        addHeading={t('labPlan.budget.add')}
        addLabel={t('labPlan.budget.addButton')}
        saveLabel={t('labPlan.budget.saveButton')}
        writes={writes}
        editing={editing}
        newName={(value) => String(value.item)}
      />
      <BudgetChart />
    </section>
  )
}
