import { z } from 'zod'
import { MAX_PENCE, percentOf, sumPence } from '../money'
import { planText } from './plan-ids'

/** What a budget line pays for, in the words CCIN labs' budgets use. */
export const BUDGET_CATEGORIES = ['research', 'staff-time', 'events', 'production', 'communications', 'travel', 'resources', 'other'] as const
export const BudgetCategorySchema = z.enum(BUDGET_CATEGORIES)
export type BudgetCategory = z.infer<typeof BudgetCategorySchema>
export const BUDGET_CATEGORY_LABELS: Record<BudgetCategory, string> = {
  research: 'Research',
  'staff-time': 'Staff time',
  events: 'Events and workshops',
  production: 'Report and video production',
  communications: 'Communications',
  travel: 'Travel',
  resources: 'Resources and expenses',
  other: 'Other'
}

/** Whole pence, never a fraction: a float from a peer is refused, not rounded silently. */
export const PenceSchema = z.number().int('Money is kept in whole pence').min(0).max(MAX_PENCE)

export const BudgetLineFieldsSchema = z.object({
  item: planText(160).min(1, 'Enter what the money is for'),
  category: BudgetCategorySchema,
  council: planText(160),
  planned: PenceSchema,
  committed: PenceSchema,
  spent: PenceSchema
})
export type BudgetLineFields = z.infer<typeof BudgetLineFieldsSchema>
export const BUDGET_LINE_DEFAULTS: BudgetLineFields = { item: '', category: 'other', council: '', planned: 0, committed: 0, spent: 0 }
export const BUDGET_AMOUNTS = ['planned', 'committed', 'spent'] as const
export type BudgetAmount = (typeof BUDGET_AMOUNTS)[number]
export const BUDGET_AMOUNT_LABELS: Record<BudgetAmount, string> = { planned: 'Planned', committed: 'Committed', spent: 'Spent' }

export type BudgetTotals = Record<BudgetAmount, number>

export const budgetTotals = (lines: readonly Pick<BudgetLineFields, BudgetAmount>[]): BudgetTotals => ({
  planned: sumPence(lines.map((l) => l.planned)),
  committed: sumPence(lines.map((l) => l.committed)),
  spent: sumPence(lines.map((l) => l.spent))
})

/** Where the budget stands against the award (the funding asked for). */
export interface BudgetPosition {
  totals: BudgetTotals
  award: number
  /** Award minus planned: negative when the lines ask for more than the award. */
  remaining: number
  overAward: boolean
  /** Spent as a whole percentage of the award; null with no award. */
  usedPercent: number | null
}

export const budgetPosition = (lines: readonly Pick<BudgetLineFields, BudgetAmount>[], award: number): BudgetPosition => {
  const totals = budgetTotals(lines)
  return {
    totals,
    award,
    remaining: award - totals.planned,
    overAward: totals.planned > award,
    usedPercent: percentOf(totals.spent, award)
  }
}

/** Planned and spent per category, in the order of BUDGET_CATEGORIES, only categories in use. */
export const totalsByCategory = (lines: readonly Pick<BudgetLineFields, 'category' | BudgetAmount>[]): { category: BudgetCategory; totals: BudgetTotals }[] =>
  BUDGET_CATEGORIES.map((category) => ({ category, totals: budgetTotals(lines.filter((l) => l.category === category)) })).filter(
    ({ category }) => lines.some((l) => l.category === category)
  )
