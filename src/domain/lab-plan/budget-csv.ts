import type { MessageKey, Translate } from '../i18n/catalogue'
import { escapeCell } from '../partner-csv'
import { penceToInput } from '../money'
import { budgetTotals, type BudgetLineFields } from './budget'

/** The header row's words, the budget table's own, in the interface language. */
const BUDGET_CSV_HEADER: readonly MessageKey[] = [
  'labPlan.budget.item',
  'labPlan.budget.category',
  'labPlan.budget.council',
  'labPlan.budget.plannedField',
  'labPlan.budget.committedField',
  'labPlan.budget.spentField'
]

/**
 * The budget as CSV rows: one per line, then the totals and the award. Amounts are plain
 * numbers with two decimals ("1250.00"), which every spreadsheet reads as numbers; text cells
 * that a spreadsheet would run as a formula are neutralised. The header, the categories and
 * the totals' names come from `tr`, in the interface language; the lines' own text stays as typed.
 */
export const budgetCsvRows = (lines: readonly BudgetLineFields[], award: number, tr: Translate): string[][] => {
  const totals = budgetTotals(lines)
  return [
    BUDGET_CSV_HEADER.map((key) => tr(key)),
    ...lines.map((line) => [
      escapeCell(line.item),
      tr(`labPlan.budgetCategory.${line.category}`),
      escapeCell(line.council),
      penceToInput(line.planned),
      penceToInput(line.committed),
      penceToInput(line.spent)
    ]),
    [tr('labPlan.budget.total'), '', '', penceToInput(totals.planned), penceToInput(totals.committed), penceToInput(totals.spent)],
    [tr('labPlan.budgetCsv.award'), '', '', penceToInput(award), '', '']
  ]
}
