import type { z } from 'zod'
import { BUDGET_LINE_DEFAULTS, BudgetLineFieldsSchema } from './budget'
import { MILESTONE_DEFAULTS, MilestoneFieldsSchema } from './milestones'
import { MEASURE_DEFAULTS, MeasureFieldsSchema, OUTCOME_DEFAULTS, OutcomeFieldsSchema } from './outcomes'
import { PLAN_VALUE_DEFAULTS, PlanValueFieldsSchema } from './plan-values'
import { GROUP_MEMBER_DEFAULTS, GroupMemberFieldsSchema } from './working-group'

/**
 * The lab plan's lists of rows. Each row is a record of plain fields, stored one key per
 * field, so concurrent edits to different fields of one row both survive.
 */
export const PLAN_SECTION_SCHEMAS = {
  budget: BudgetLineFieldsSchema,
  outcomes: OutcomeFieldsSchema,
  measures: MeasureFieldsSchema,
  milestones: MilestoneFieldsSchema,
  values: PlanValueFieldsSchema,
  members: GroupMemberFieldsSchema
} as const
export type PlanSection = keyof typeof PLAN_SECTION_SCHEMAS
export const PLAN_SECTIONS = Object.keys(PLAN_SECTION_SCHEMAS) as PlanSection[]
export type SectionFields<S extends PlanSection> = z.infer<(typeof PLAN_SECTION_SCHEMAS)[S]>

/** Defaults for fields a new row may leave out (measures must name their outcome). */
export const PLAN_SECTION_DEFAULTS = {
  budget: BUDGET_LINE_DEFAULTS,
  outcomes: OUTCOME_DEFAULTS,
  measures: MEASURE_DEFAULTS,
  milestones: MILESTONE_DEFAULTS,
  values: PLAN_VALUE_DEFAULTS,
  members: GROUP_MEMBER_DEFAULTS
} as const satisfies { [S in PlanSection]: Partial<SectionFields<S>> }

/** Sections whose rows link to evidence (notes, workshop notes, partners). */
export const EVIDENCE_SECTIONS = ['outcomes', 'values'] as const
export type EvidenceSection = (typeof EVIDENCE_SECTIONS)[number]

/** The most rows a section holds: far beyond a real plan, and a bound on what a peer can make us draw. */
export const MAX_ROWS_PER_SECTION = 2000
/** The most evidence links one outcome or value holds. */
export const MAX_EVIDENCE_LINKS = 100
