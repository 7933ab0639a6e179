import type { Translate } from '../../../domain/i18n/catalogue'
import type { PlanComparison } from '../../../domain/lab-plan/plan-compare'
import { formatPence } from '../../../domain/money'

/**
 * The sentence above a lab plan's comparison: how many rows changed between the version and
 * now (`laterName` null) or a later version named `laterName`, and the planned budget then
 * and later; for one version alone, the budget it planned.
 */
export const planCompareSummary = (c: PlanComparison, laterName: string | null, tr: Translate): string => {
  const then = formatPence(c.budgetThen.planned)
  if (!c.budgetNow) return tr('labPlan.compare.budgetThen', { planned: then })
  const later = formatPence(c.budgetNow.planned)
  return laterName === null
    ? tr('labPlan.compare.summaryNow', { count: c.changedRows, then, now: later })
    : tr('labPlan.compare.summaryVersion', { count: c.changedRows, name: laterName, then, later })
}
