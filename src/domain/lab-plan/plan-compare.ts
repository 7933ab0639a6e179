import { formatPence } from '../money'
import { BUDGET_CATEGORY_LABELS, budgetTotals, type BudgetTotals } from './budget'
import type { LabPlanState } from './lab-plan-state'
import { MILESTONE_KIND_LABELS, MILESTONE_STATUS_LABELS } from './milestones'
import { OUTCOME_STATUS_LABELS } from './outcomes'
import { FUNDING_KIND_LABELS } from './proposal'
import { MEMBERSHIP_TYPE_LABELS } from './working-group'

/*
 * How a lab plan at one version differs from another (or from now), in the words a person
 * reads: which outcomes, measures, budget lines, milestones, values and working-group rows
 * were added, removed or changed, and for a changed row which fields, from what to what.
 */

export type RowChangeKind = 'added' | 'removed' | 'changed'

export interface FieldChange {
  label: string
  before: string
  after: string
}

export interface RowComparison {
  id: string
  name: string
  change: RowChangeKind | null
  fields: FieldChange[]
}

export const COMPARED_PARTS = ['outcomes', 'measures', 'budget', 'milestones', 'values', 'members'] as const
export type ComparedPart = (typeof COMPARED_PARTS)[number]
export const COMPARED_PART_LABELS: Record<ComparedPart, string> = {
  outcomes: 'Outcomes',
  measures: 'Measures',
  budget: 'Budget lines',
  milestones: 'Milestones and deliverables',
  values: 'Values and principles',
  members: 'Working group'
}

export interface PlanComparison {
  /** Only the parts with a row in either version. */
  parts: { part: ComparedPart; rows: RowComparison[] }[]
  proposal: FieldChange[]
  budgetThen: BudgetTotals
  /** Null when only one version is shown. */
  budgetNow: BudgetTotals | null
  /** Rows added, removed or changed in all, so a person hears the size of the change first. */
  changedRows: number
}

type Shown = (value: unknown) => string
const text: Shown = (value) => (typeof value === 'string' ? value : '')
const money: Shown = (value) => formatPence(typeof value === 'number' ? value : 0)
const label =
  (labels: Record<string, string>): Shown =>
  (value) =>
    labels[String(value)] ?? String(value)

/** The fields a person would call a change, with their labels: never who saved last. */
const FIELDS: Record<ComparedPart, readonly [key: string, label: string, show: Shown][]> = {
  outcomes: [
    ['title', 'Outcome', text],
    ['status', 'Status', label(OUTCOME_STATUS_LABELS)],
    ['description', 'Description', text]
  ],
  measures: [
    ['what', 'What is measured', text],
    ['how', 'How', text],
    ['baseline', 'Baseline', text],
    ['target', 'Target', text],
    ['latestValue', 'Latest value', text],
    ['latestDate', 'Date of the latest value', text]
  ],
  budget: [
    ['item', 'Item', text],
    ['category', 'Category', label(BUDGET_CATEGORY_LABELS)],
    ['council', 'Council', text],
    ['planned', 'Planned', money],
    ['committed', 'Committed', money],
    ['spent', 'Spent', money]
  ],
  milestones: [
    ['title', 'Milestone', text],
    ['kind', 'Kind', label(MILESTONE_KIND_LABELS)],
    ['date', 'Date', text],
    ['council', 'Owning council', text],
    ['status', 'Status', label(MILESTONE_STATUS_LABELS)]
  ],
  values: [
    ['name', 'Value', text],
    ['application', 'How the lab applies it', text]
  ],
  members: [
    ['council', 'Council or organisation', text],
    ['person', 'Person', text],
    ['role', 'Role', text],
    ['membershipType', 'CCIN membership', label(MEMBERSHIP_TYPE_LABELS)]
  ]
}

const PROPOSAL_FIELDS: readonly [key: string, label: string, show: Shown][] = [
  ['memberAuthority', 'Member authority', text],
  ['leadMember', 'Lead member', text],
  ['contactName', 'Name', text],
  ['jobTitle', 'Job title', text],
  ['fundingKind', 'Kind of project', label(FUNDING_KIND_LABELS)],
  ['startDate', 'Start date', text],
  ['fundingAsked', 'Funding asked for', money]
]

type AnyRow = { id: string } & Record<string, unknown>

const rowsOf = (plan: LabPlanState, part: ComparedPart): AnyRow[] =>
  (part === 'measures' ? plan.outcomes.flatMap((o) => o.measures) : plan[part]) as unknown as AnyRow[]

const nameOf = (part: ComparedPart, row: AnyRow): string => {
  const first = FIELDS[part][0]
  return first ? first[2](row[first[0]]) || 'Untitled' : 'Untitled'
}

const fieldChanges = (fields: readonly [string, string, Shown][], before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] =>
  fields
    .map(([key, fieldLabel, show]) => ({ label: fieldLabel, before: show(before[key]), after: show(after[key]) }))
    .filter((f) => f.before !== f.after)

const compareRows = (part: ComparedPart, then: AnyRow[], now: AnyRow[]): RowComparison[] => {
  const before = new Map(then.map((r) => [r.id, r]))
  const after = new Set(now.map((r) => r.id))
  const rows: RowComparison[] = now.map((row) => {
    const was = before.get(row.id)
    if (!was) return { id: row.id, name: nameOf(part, row), change: 'added', fields: [] }
    const fields = fieldChanges(FIELDS[part], was, row)
    return { id: row.id, name: nameOf(part, row), change: fields.length > 0 ? 'changed' : null, fields }
  })
  // Removed rows go where a reader expects to find them: after the ones still there.
  for (const row of then) if (!after.has(row.id)) rows.push({ id: row.id, name: nameOf(part, row), change: 'removed', fields: [] })
  return rows
}

/** The plan at `then`, compared with `now`; with `now` null, `then` alone with nothing marked. */
export const comparePlans = (then: LabPlanState, now: LabPlanState | null): PlanComparison => {
  const parts = COMPARED_PARTS.map((part) => ({ part, rows: compareRows(part, rowsOf(then, part), rowsOf(now ?? then, part)) })).filter(
    (p) => p.rows.length > 0
  )
  return {
    parts,
    proposal: now ? fieldChanges(PROPOSAL_FIELDS, then.proposal, now.proposal) : [],
    budgetThen: budgetTotals(then.budget),
    budgetNow: now ? budgetTotals(now.budget) : null,
    changedRows: parts.reduce((sum, p) => sum + p.rows.filter((r) => r.change !== null).length, 0)
  }
}
