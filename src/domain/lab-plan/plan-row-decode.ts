import { MAX_PENCE } from '../money'
import { BUDGET_CATEGORIES } from './budget'
import { MILESTONE_KINDS, MILESTONE_STATUSES } from './milestones'
import { OUTCOME_STATUSES } from './outcomes'
import { HEX_ID, isCalendarDate } from './plan-ids'
import { PLAN_SECTION_SCHEMAS, type PlanSection, type SectionFields } from './plan-sections'
import { MEMBERSHIP_TYPES } from './working-group'

/** What a field check returns for a value it does not accept. */
const REFUSED = Symbol('refused')
type FieldCheck = (value: unknown) => unknown

/** Unicode code points, as zod counts a string's length (a lone surrogate counts as one). */
const codePoints = (value: string): number => Array.from(value).length

/**
 * planText(max), with .min(min): trimmed, then counted in code points. A string is never
 * longer in code points than in UTF-16 units, nor shorter than half, so most need no count.
 */
const text =
  (max: number, min = 0): FieldCheck =>
  (value) => {
    if (typeof value !== 'string') return REFUSED
    const trimmed = value.trim()
    const short = trimmed.length <= max || codePoints(trimmed) <= max
    const long = trimmed.length >= 2 * min || codePoints(trimmed) >= min
    return short && long ? trimmed : REFUSED
  }
const oneOf = (options: readonly string[]): FieldCheck => {
  const allowed = new Set(options)
  return (value) => (typeof value === 'string' && allowed.has(value) ? value : REFUSED)
}
/** PenceSchema: a whole number from 0 to MAX_PENCE. */
const pence: FieldCheck = (value) => (Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_PENCE ? value : REFUSED)
const hexId: FieldCheck = (value) => (typeof value === 'string' && HEX_ID.test(value) ? value : REFUSED)
const hexIdOrNone: FieldCheck = (value) => (value === '' ? value : hexId(value))
/** PlanDateSchema: "" or a real calendar date. */
const planDate: FieldCheck = (value) => (typeof value === 'string' && (value === '' || isCalendarDate(value)) ? value : REFUSED)

/**
 * Each section's fields, checked as its zod schema checks them (plan-sections.ts), written out
 * by hand. Opening a plan of 460 rows parsed each through zod, and the first few hundred zod
 * parses on a page, before the engine has optimised them, took a tenth of the plan's opening;
 * these plain checks take under a millisecond. A seeded test holds them to the schemas: for
 * every value tried, both accept it with the same result or both refuse it.
 */
const FIELD_CHECKS: { [S in PlanSection]: Record<keyof SectionFields<S>, FieldCheck> } = {
  budget: { item: text(160, 1), category: oneOf(BUDGET_CATEGORIES), council: text(160), planned: pence, committed: pence, spent: pence },
  outcomes: { title: text(200, 1), description: text(2000), status: oneOf(OUTCOME_STATUSES) },
  measures: {
    outcomeId: hexId,
    what: text(200, 1),
    how: text(500),
    baseline: text(80),
    target: text(80),
    latestValue: text(80),
    latestDate: planDate
  },
  milestones: {
    title: text(200, 1),
    kind: oneOf(MILESTONE_KINDS),
    date: planDate,
    council: text(160),
    status: oneOf(MILESTONE_STATUSES),
    artifactId: hexIdOrNone
  },
  values: { name: text(120, 1), application: text(2000) },
  members: { council: text(160, 1), person: text(120), role: text(120), membershipType: oneOf(MEMBERSHIP_TYPES) }
}

const quickly = <S extends PlanSection>(section: S, field: (key: string) => unknown): SectionFields<S> | null => {
  const result: Record<string, unknown> = {}
  for (const [key, check] of Object.entries(FIELD_CHECKS[section] as Record<string, FieldCheck>)) {
    const value = check(field(key))
    if (value === REFUSED) return null
    result[key] = value
  }
  return result as SectionFields<S>
}

/**
 * A row's fields as its section's schema accepts them, or null when they do not read as this
 * version expects. `field` gives a stored field's raw value (unknown: it may come from a peer).
 * What the quick checks refuse is still put to the schema, which stays the authority: a check
 * stricter than its schema costs time, never a row.
 */
export const decodePlanRow = <S extends PlanSection>(section: S, field: (key: string) => unknown): SectionFields<S> | null => {
  const quick = quickly(section, field)
  if (quick) return quick
  const schema = PLAN_SECTION_SCHEMAS[section]
  const parsed = schema.safeParse(Object.fromEntries(Object.keys(schema.shape).map((key) => [key, field(key)])))
  return parsed.success ? (parsed.data as SectionFields<S>) : null
}

/** The quick checks alone, for the test that holds them to the schemas. */
export const decodePlanRowQuickly = quickly
