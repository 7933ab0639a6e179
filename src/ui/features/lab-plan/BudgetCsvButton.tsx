import Papa from 'papaparse'
import { budgetCsvRows } from '../../../domain/lab-plan/budget-csv'
import { downloadBytes, fileNameFor } from '../../download'
import { useLabPlan } from './plan-context'

/** Downloads the budget as a CSV file (UTF-8 with a byte order mark, so Excel reads the £). */
export const BudgetCsvButton = () => {
  const plan = useLabPlan()
  const save = (): void => {
    const rows = budgetCsvRows(plan.plan().budget, plan.plan().proposal.fundingAsked)
    const text = `\uFEFF${Papa.unparse(rows, { newline: '\r\n' })}\r\n`
    downloadBytes(new TextEncoder().encode(text), fileNameFor('lab plan budget', 'csv'), 'text/csv;charset=utf-8')
    plan.announce('Budget exported as CSV.')
  }
  return (
    <div class="actions">
      <button type="button" class="button" onClick={save}>
        Export budget as CSV
      </button>
    </div>
  )
}
