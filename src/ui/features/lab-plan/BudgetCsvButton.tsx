import Papa from 'papaparse'
import { budgetCsvRows } from '../../../domain/lab-plan/budget-csv'
import { downloadBytes, fileNameFor } from '../../download'
import { useLabPlan } from './plan-context'
import { t } from '../../i18n/t'

/** Downloads the budget as a CSV file (UTF-8 with a byte order mark, so Excel reads the £). */
export const BudgetCsvButton = () => {
  const plan = useLabPlan()
  const save = (): void => {
    const rows = budgetCsvRows(plan.plan().budget, plan.plan().proposal.fundingAsked)
    const text = `\uFEFF${Papa.unparse(rows, { newline: '\r\n' })}\r\n`
    downloadBytes(new TextEncoder().encode(text), fileNameFor('lab plan budget', 'csv'), 'text/csv;charset=utf-8')
    plan.announce(t('labPlan.budget.csvDone'))
  }
  return (
    <div class="actions">
      <button type="button" class="button" onClick={save}>
        {t('labPlan.budget.csv')}
      </button>
    </div>
  )
}
