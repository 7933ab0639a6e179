import { escapeCell } from '../partner-csv'
import { penceToInput } from '../money'
import { BUDGET_CATEGORY_LABELS, budgetTotals, type BudgetLineFields } from './budget'

export const BUDGET_CSV_HEADER = ['Item', 'Category', 'Council', 'Planned (£)', 'Committed (£)', 'Spent (£)'] as const

/**
 * The budget as CSV rows: one per line, then the totals and the award. Amounts are plain
 * numbers with two decimals ("1250.00"), which every spreadsheet reads as numbers; text cells
 * that a spreadsheet would run as a formula are neutralised.
 */
export const budgetCsvRows = (lines: readonly BudgetLineFields[], award: number): string[][] => {
  const totals = budgetTotals(lines)
  return [
    [...BUDGET_CSV_HEADER],
    ...lines.map((line) => [
      escapeCell(line.item),
      BUDGET_CATEGORY_LABELS[line.category],
      escapeCell(line.council),
      penceToInput(line.planned),
      penceToInput(line.committed),
      penceToInput(line.spent)
    ]),
    ['Total', '', '', penceToInput(totals.planned), penceToInput(totals.committed), penceToInput(totals.spent)],
    ['Award', '', '', penceToInput(award), '', '']
  ]
}
