import { createMemo, type Accessor } from 'solid-js'
import { budgetPosition, totalsByCategory, type BudgetCategory, type BudgetPosition, type BudgetTotals } from '../../../domain/lab-plan/budget'
import type { LabPlanState } from '../../../domain/lab-plan/lab-plan-state'

export interface BudgetFigures {
  position: Accessor<BudgetPosition>
  byCategory: Accessor<{ category: BudgetCategory; totals: BudgetTotals }[]>
}

/**
 * The budget's sums, worked out once per change to the budget or the award and shared by the
 * totals row, the chart and the summary. Each line's amounts are read from the live plan once,
 * into plain figures: with 300 lines, every total, bar and summary figure reading the live
 * lines itself was thousands of tracked reads per edit, most of an edit's script time.
 */
export const createBudgetFigures = (plan: Accessor<LabPlanState>): BudgetFigures => {
  const lines = createMemo(() => plan().budget.map(({ category, planned, committed, spent }) => ({ category, planned, committed, spent })))
  return {
    position: createMemo(() => budgetPosition(lines(), plan().proposal.fundingAsked)),
    byCategory: createMemo(() => totalsByCategory(lines()))
  }
}
