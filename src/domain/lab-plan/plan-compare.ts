import type { MessageKey, Translate } from '../i18n/catalogue'
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

/** A field's value as a person reads it, in the chosen language (a status by its name, money in pounds). */
type Shown = (value: unknown, tr: Translate) => string
const text: Shown = (value) => (typeof value === 'string' ? value : '')
const money: Shown = (value) => formatPence(typeof value === 'number' ? value : 0)
/** A value from one of the domain's lists, by its name in the catalogue; anything else (from an older or newer peer) as it came. */
const label =
  <T extends string>(labels: Record<T, string>, key: (value: T) => MessageKey): Shown =>
  (value, tr) =>
    Object.hasOwn(labels, String(value)) ? tr(key(String(value) as T)) : String(value)

type Field = readonly [key: string, label: MessageKey, show: Shown]

/** The fields a person would call a change, with their labels: never who saved last. */
const FIELDS: Record<ComparedPart, readonly Field[]> = {
  outcomes: [
    ['title', 'labPlan.outcome', text],
    ['status', 'labPlan.outcome.status', label(OUTCOME_STATUS_LABELS, (v) => `labPlan.outcomeStatus.${v}`)],
    ['description', 'labPlan.outcome.description', text]
  ],
  measures: [
    ['what', 'labPlan.measure.what', text],
    ['how', 'labPlan.measure.how', text],
    ['baseline', 'labPlan.measure.baseline', text],
    ['target', 'labPlan.measure.target', text],
    ['latestValue', 'labPlan.measure.latestValue', text],
    ['latestDate', 'labPlan.measure.latestDate', text]
  ],
  budget: [
    ['item', 'labPlan.budget.item', text],
    ['category', 'labPlan.budget.category', label(BUDGET_CATEGORY_LABELS, (v) => `labPlan.budgetCategory.${v}`)],
    ['council', 'labPlan.budget.council', text],
    ['planned', 'labPlan.budget.planned', money],
    ['committed', 'labPlan.budget.committed', money],
    ['spent', 'labPlan.budget.spent', money]
  ],
  milestones: [
    ['title', 'labPlan.milestone', text],
    ['kind', 'labPlan.milestone.kind', label(MILESTONE_KIND_LABELS, (v) => `labPlan.milestoneKind.${v}`)],
    ['date', 'labPlan.milestone.date', text],
    ['council', 'labPlan.milestone.council', text],
    ['status', 'labPlan.milestone.status', label(MILESTONE_STATUS_LABELS, (v) => `labPlan.milestoneStatus.${v}`)]
  ],
  values: [
    ['name', 'labPlan.value', text],
    ['application', 'labPlan.value.application', text]
  ],
  members: [
    ['council', 'labPlan.group.council', text],
    ['person', 'labPlan.group.person', text],
    ['role', 'labPlan.group.roleColumn', text],
    ['membershipType', 'labPlan.group.membership', label(MEMBERSHIP_TYPE_LABELS, (v) => `labPlan.membership.${v}`)]
  ]
}

const PROPOSAL_FIELDS: readonly Field[] = [
  ['memberAuthority', 'labPlan.proposal.memberAuthority', text],
  ['leadMember', 'labPlan.proposal.leadMember', text],
  ['contactName', 'labPlan.proposal.contactName', text],
  ['jobTitle', 'labPlan.proposal.jobTitle', text],
  ['fundingKind', 'labPlan.proposal.fundingKind', label(FUNDING_KIND_LABELS, (v) => `labPlan.fundingKind.${v}`)],
  ['startDate', 'labPlan.proposal.startDate', text],
  ['fundingAsked', 'labPlan.compare.fundingAsked', money]
]

type AnyRow = { id: string } & Record<string, unknown>

const rowsOf = (plan: LabPlanState, part: ComparedPart): AnyRow[] =>
  (part === 'measures' ? plan.outcomes.flatMap((o) => o.measures) : plan[part]) as unknown as AnyRow[]

const nameOf = (part: ComparedPart, row: AnyRow, tr: Translate): string => {
  const first = FIELDS[part][0]
  return (first && first[2](row[first[0]], tr)) || tr('labPlan.compare.untitled')
}

const fieldChanges = (fields: readonly Field[], before: Record<string, unknown>, after: Record<string, unknown>, tr: Translate): FieldChange[] =>
  fields
    .map(([key, fieldLabel, show]) => ({ label: tr(fieldLabel), before: show(before[key], tr), after: show(after[key], tr) }))
    .filter((f) => f.before !== f.after)

const compareRows = (part: ComparedPart, then: AnyRow[], now: AnyRow[], tr: Translate): RowComparison[] => {
  const before = new Map(then.map((r) => [r.id, r]))
  const after = new Set(now.map((r) => r.id))
  const rows: RowComparison[] = now.map((row) => {
    const was = before.get(row.id)
    if (!was) return { id: row.id, name: nameOf(part, row, tr), change: 'added', fields: [] }
    const fields = fieldChanges(FIELDS[part], was, row, tr)
    return { id: row.id, name: nameOf(part, row, tr), change: fields.length > 0 ? 'changed' : null, fields }
  })
  // Removed rows go where a reader expects to find them: after the ones still there.
  for (const row of then) if (!after.has(row.id)) rows.push({ id: row.id, name: nameOf(part, row, tr), change: 'removed', fields: [] })
  return rows
}

/**
 * The plan at `then`, compared with `now`; with `now` null, `then` alone with nothing marked.
 * Labels and listed values are in the language of `tr`; what people typed stays as typed.
 */
export const comparePlans = (then: LabPlanState, now: LabPlanState | null, tr: Translate): PlanComparison => {
  const parts = COMPARED_PARTS.map((part) => ({ part, rows: compareRows(part, rowsOf(then, part), rowsOf(now ?? then, part), tr) })).filter(
    (p) => p.rows.length > 0
  )
  return {
    parts,
    proposal: now ? fieldChanges(PROPOSAL_FIELDS, then.proposal, now.proposal, tr) : [],
    budgetThen: budgetTotals(then.budget),
    budgetNow: now ? budgetTotals(now.budget) : null,
    changedRows: parts.reduce((sum, p) => sum + p.rows.filter((r) => r.change !== null).length, 0)
  }
}
