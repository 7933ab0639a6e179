import { z } from 'zod'
import { HEX_ID, PlanDateSchema, planText, type PlanRowId } from './plan-ids'

/** What CCIN labs promise to deliver; a new plan lists each, to date or drop. */
export const STANDARD_DELIVERABLES = [
  'Published report',
  'Toolkit or start-up guide',
  'Feasibility study',
  'Case studies or blueprints',
  'Design brief',
  'Info video',
  'Workshop',
  'Presentation at the annual showcase'
] as const

export const MILESTONE_KINDS = ['deliverable', 'milestone'] as const
export const MilestoneKindSchema = z.enum(MILESTONE_KINDS)
export type MilestoneKind = z.infer<typeof MilestoneKindSchema>
export const MILESTONE_KIND_LABELS: Record<MilestoneKind, string> = { deliverable: 'Deliverable', milestone: 'Milestone' }

export const MILESTONE_STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const
export const MilestoneStatusSchema = z.enum(MILESTONE_STATUSES)
export type MilestoneStatus = z.infer<typeof MilestoneStatusSchema>
export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped'
}

export const MilestoneFieldsSchema = z.object({
  title: planText(200).min(1, 'Enter the milestone'),
  kind: MilestoneKindSchema,
  date: PlanDateSchema,
  council: planText(160),
  status: MilestoneStatusSchema,
  /** The artifact (report, note, board) that delivers it: "" or an artifact id. */
  artifactId: z.union([z.literal(''), z.string().regex(HEX_ID)])
})
export type MilestoneFields = z.infer<typeof MilestoneFieldsSchema>
export const MILESTONE_DEFAULTS: MilestoneFields = { title: '', kind: 'milestone', date: '', council: '', status: 'planned', artifactId: '' }

export interface Milestone extends MilestoneFields {
  id: PlanRowId
}

/** Dated milestones first, by date; undated ones after, in the order they were added. */
export const byDate = (milestones: readonly Milestone[]): Milestone[] =>
  milestones
    .map((m, order) => ({ m, order }))
    .sort((a, b) => {
      if (a.m.date && b.m.date) return a.m.date.localeCompare(b.m.date) || a.order - b.order
      if (a.m.date || b.m.date) return a.m.date ? -1 : 1
      return a.order - b.order
    })
    .map(({ m }) => m)

const isOpen = (m: Milestone): boolean => m.status === 'planned' || m.status === 'in-progress'

/** The earliest open, dated milestone on or after `today` (YYYY-MM-DD), or null. */
export const nextMilestone = (milestones: readonly Milestone[], today: string): Milestone | null =>
  byDate(milestones).find((m) => isOpen(m) && m.date !== '' && m.date >= today) ?? null

/** Open milestones whose date has passed. */
export const overdueMilestones = (milestones: readonly Milestone[], today: string): Milestone[] =>
  byDate(milestones).filter((m) => isOpen(m) && m.date !== '' && m.date < today)

