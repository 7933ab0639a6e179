import { z } from 'zod'
import { HEX_ID, PlanDateSchema, planText, type EvidenceLink, type PlanRowId } from './plan-ids'

export const OUTCOME_STATUSES = ['on-track', 'at-risk', 'achieved', 'dropped'] as const
export const OutcomeStatusSchema = z.enum(OUTCOME_STATUSES)
export type OutcomeStatus = z.infer<typeof OutcomeStatusSchema>
export const OUTCOME_STATUS_LABELS: Record<OutcomeStatus, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  achieved: 'Achieved',
  dropped: 'Dropped'
}

export const OutcomeFieldsSchema = z.object({
  title: planText(200).min(1, 'Enter the outcome'),
  description: planText(2000),
  status: OutcomeStatusSchema
})
export type OutcomeFields = z.infer<typeof OutcomeFieldsSchema>
export const OUTCOME_DEFAULTS: OutcomeFields = { title: '', description: '', status: 'on-track' }

/** How an outcome is measured: what, how, from where to where, and the latest reading. */
export const MeasureFieldsSchema = z.object({
  outcomeId: z.string().regex(HEX_ID),
  what: planText(200).min(1, 'Enter what is measured'),
  how: planText(500),
  baseline: planText(80),
  target: planText(80),
  latestValue: planText(80),
  latestDate: PlanDateSchema
})
export type MeasureFields = z.infer<typeof MeasureFieldsSchema>
export const MEASURE_DEFAULTS: Omit<MeasureFields, 'outcomeId'> = { what: '', how: '', baseline: '', target: '', latestValue: '', latestDate: '' }

export interface Measure extends MeasureFields {
  id: PlanRowId
}

export interface Outcome extends OutcomeFields {
  id: PlanRowId
  measures: Measure[]
  evidence: EvidenceLink[]
}

/** Outcomes a plan summary should flag: at risk, in plan order. */
export const outcomesAtRisk = (outcomes: readonly Outcome[]): Outcome[] => outcomes.filter((o) => o.status === 'at-risk')
