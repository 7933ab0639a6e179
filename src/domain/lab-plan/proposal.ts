import { z } from 'zod'
import { formatPence } from '../money'
import { PenceSchema } from './budget'
import { PlanDateSchema, planText } from './plan-ids'

/*
 * The CCIN Expression of Interest: its header fields and its six questions. The answers are
 * rich text kept beside these plain fields (one document per question).
 */

export const FUNDING_KINDS = ['lab', 'prototype'] as const
export const FundingKindSchema = z.enum(FUNDING_KINDS)
export type FundingKind = z.infer<typeof FundingKindSchema>
export const FUNDING_KIND_LABELS: Record<FundingKind, string> = { lab: 'Policy lab', prototype: 'Prototype' }
/** The most CCIN funds: £10,000 for a lab, £2,000 for a prototype. */
export const FUNDING_CAPS: Record<FundingKind, number> = { lab: 1_000_000, prototype: 200_000 }

export const ProposalFieldsSchema = z.object({
  memberAuthority: planText(160),
  leadMember: planText(160),
  contactName: planText(120),
  jobTitle: planText(120),
  fundingKind: FundingKindSchema,
  fundingAsked: PenceSchema,
  /** When the lab starts: the timeline runs from here across the lab's duration. "" = not set. */
  startDate: PlanDateSchema
})
export type ProposalFields = z.infer<typeof ProposalFieldsSchema>
export const PROPOSAL_DEFAULTS: ProposalFields = {
  memberAuthority: '',
  leadMember: '',
  contactName: '',
  jobTitle: '',
  fundingKind: 'lab',
  fundingAsked: 0,
  startDate: ''
}

/** A problem with the funding asked for, or null: over the cap for the kind of project. */
export const fundingProblem = (fields: Pick<ProposalFields, 'fundingKind' | 'fundingAsked'>): string | null =>
  fields.fundingAsked > FUNDING_CAPS[fields.fundingKind]
    ? `A ${fields.fundingKind === 'lab' ? 'policy lab' : 'prototype'} can ask for up to ${formatPence(FUNDING_CAPS[fields.fundingKind])}`
    : null

export const EOI_QUESTIONS = [
  { key: 'idea', text: 'What is your idea?' },
  { key: 'partners', text: 'Who will you work with?' },
  { key: 'outcomes', text: 'What are the outcomes you hope to achieve, how will you know, and what is your measure of success?' },
  { key: 'aims', text: 'How does the project support the aims of the network?' },
  { key: 'values', text: 'How does it demonstrate the Values and Principles?' },
  { key: 'learning', text: 'How will you share your learning?' }
] as const
export type EoiQuestionKey = (typeof EOI_QUESTIONS)[number]['key']

/** The header fields as a form checks them: also within the cap for the kind of project. */
export const ProposalFormSchema = ProposalFieldsSchema.superRefine((fields, ctx) => {
  const problem = fundingProblem(fields)
  if (problem) ctx.addIssue({ code: 'custom', path: ['fundingAsked'], message: problem })
})
