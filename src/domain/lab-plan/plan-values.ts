import { z } from 'zod'
import { planText, type EvidenceLink, type PlanRowId } from './plan-ids'

/** The CCIN's values and principles, as its EOI form lists them. */
export const CCIN_VALUES = [
  'Social partnership',
  'Democratic engagement',
  'Co-production',
  'Enterprise and social economy',
  'Maximising social value',
  'Community leadership and a new role for councillors',
  'New models of meeting priority needs',
  'Innovation',
  'Learning',
  'Walking the talk',
  'Co-operation among members',
  'Openness of membership',
  'Co-production of the network’s work',
  'Action-focused',
  'Membership-based',
  'Non-party-political'
] as const

/** The co-operative values the CCIN's rest on, offered when adding a value. */
export const COOPERATIVE_VALUES = [
  'Self-help',
  'Self-responsibility',
  'Democracy',
  'Equality',
  'Equity',
  'Solidarity',
  'Honesty',
  'Openness',
  'Social responsibility',
  'Caring for others'
] as const

export const PlanValueFieldsSchema = z.object({
  name: planText(120).min(1, 'Enter the value'),
  application: planText(2000)
})
export type PlanValueFields = z.infer<typeof PlanValueFieldsSchema>
export const PLAN_VALUE_DEFAULTS: PlanValueFields = { name: '', application: '' }

export interface PlanValue extends PlanValueFields {
  id: PlanRowId
  evidence: EvidenceLink[]
}
