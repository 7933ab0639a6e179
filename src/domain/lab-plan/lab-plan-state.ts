import type { BudgetLineFields } from './budget'
import { budgetPosition, type BudgetPosition } from './budget'
import { nextMilestone, overdueMilestones, type Milestone } from './milestones'
import { outcomesAtRisk, type Outcome } from './outcomes'
import type { PlanRowId } from './plan-ids'
import type { PlanValue } from './plan-values'
import type { ProposalFields } from './proposal'
import { checkWorkingGroup, type GroupMember, type WorkingGroupCheck } from './working-group'

export interface BudgetLine extends BudgetLineFields {
  id: PlanRowId
}

/** A lab plan as read back from the document: plain records, rows in the order they were added. */
export interface LabPlanState {
  proposal: ProposalFields
  budget: BudgetLine[]
  outcomes: Outcome[]
  milestones: Milestone[]
  values: PlanValue[]
  members: GroupMember[]
  /** Rows a peer sent in a shape this version cannot read; left out rather than guessed at. */
  unreadableRows: number
}

/** What the plan's overview shows at a glance. */
export interface PlanSummary {
  next: Milestone | null
  overdue: Milestone[]
  budget: BudgetPosition
  atRisk: Outcome[]
  group: WorkingGroupCheck
}

/** `budget` may be passed in when it is already summed (the page sums it once per change). */
export const summarisePlan = (plan: LabPlanState, today: string, budget: BudgetPosition = budgetPosition(plan.budget, plan.proposal.fundingAsked)): PlanSummary => ({
  next: nextMilestone(plan.milestones, today),
  overdue: overdueMilestones(plan.milestones, today),
  budget,
  atRisk: outcomesAtRisk(plan.outcomes),
  group: checkWorkingGroup(plan.members)
})

/** Today's date, YYYY-MM-DD, on this device's calendar. */
export const localIsoDate = (now: number): string => {
  const date = new Date(now)
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}
