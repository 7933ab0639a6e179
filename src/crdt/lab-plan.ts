import * as Y from 'yjs'
import type { Actor } from '../domain/artifact'
import type { ArtifactId } from '../domain/ids'
import { STANDARD_DELIVERABLES } from '../domain/lab-plan/milestones'
import { CCIN_VALUES } from '../domain/lab-plan/plan-values'
import { makePlanRowId } from '../domain/lab-plan/plan-ids'
import { EOI_QUESTIONS, PROPOSAL_DEFAULTS } from '../domain/lab-plan/proposal'
import { PLAN_SECTIONS, type PlanSection } from '../domain/lab-plan/plan-sections'
import { artifactMap, createArtifact } from './artifacts'
import { ARTIFACT } from './keys'
import { mutate } from './mutate'

/*
 * A lab plan is an artifact of kind 'lab-plan', so it has history, the bin and restore like
 * every other item. Its data hangs off the artifact's Y.Map:
 *
 *   proposal:  Y.Map   the EOI's header fields, one key per field
 *   questions: Y.Map<questionKey, Y.XmlFragment>   the six EOI answers, as rich text
 *   budget, outcomes, measures, milestones, values, members:
 *              Y.Map<rowId, Y.Map>   one map per row, ONE KEY PER FIELD, so two people editing
 *              one budget line at once merge field by field, and two people adding lines at
 *              once keep both. Outcomes and values also hold `evidence`: Y.Map<linkId, kind>,
 *              a set that keeps concurrent additions.
 *
 * Every container is made with the artifact: two devices creating one later would race, and
 * the loser's content would vanish.
 */
export const LAB_PLAN = {
  proposal: 'proposal',
  questions: 'questions',
  budget: 'budget',
  outcomes: 'outcomes',
  measures: 'measures',
  milestones: 'milestones',
  values: 'values',
  members: 'members'
} as const satisfies Record<PlanSection | 'proposal' | 'questions', string>

/** Bookkeeping keys of each row's map, beside its fields. */
export const PLAN_ROW = { createdAt: 'createdAt', createdBy: 'createdBy', updatedAt: 'updatedAt', updatedBy: 'updatedBy', evidence: 'evidence' } as const

export interface LabPlanParts {
  record: Y.Map<unknown>
  proposal: Y.Map<unknown>
  questions: Y.Map<unknown>
  sections: Record<PlanSection, Y.Map<Y.Map<unknown>>>
}

/** The plan's containers, or null if `planId` is not a lab plan on this device. */
export const labPlanParts = (doc: Y.Doc, planId: ArtifactId): LabPlanParts | null => {
  const record = artifactMap(doc, planId)
  if (!record || record.get(ARTIFACT.kind) !== 'lab-plan') return null
  const proposal = record.get(LAB_PLAN.proposal)
  const questions = record.get(LAB_PLAN.questions)
  if (!(proposal instanceof Y.Map) || !(questions instanceof Y.Map)) return null
  const sections = {} as Record<PlanSection, Y.Map<Y.Map<unknown>>>
  for (const section of PLAN_SECTIONS) {
    const rows = record.get(LAB_PLAN[section])
    if (!(rows instanceof Y.Map)) return null
    sections[section] = rows as Y.Map<Y.Map<unknown>>
  }
  return { record, proposal, questions, sections }
}

/** One EOI answer's rich text, for the editor to bind to; null if the plan or answer is missing. */
export const proposalAnswer = (doc: Y.Doc, planId: ArtifactId, key: string): Y.XmlFragment | null => {
  const answer = labPlanParts(doc, planId)?.questions.get(key)
  return answer instanceof Y.XmlFragment ? answer : null
}

/**
 * Every write to a lab plan goes through here: one transaction that changes the plan and
 * records who edited it. Null (nothing written) when the plan is not on this device.
 */
export const changeLabPlan = <T>(doc: Y.Doc, planId: ArtifactId, actor: Actor, now: number, change: (parts: LabPlanParts) => T): T | null =>
  mutate(doc, () => {
    const parts = labPlanParts(doc, planId)
    if (!parts) return null
    const result = change(parts)
    parts.record.set(ARTIFACT.updatedBy, actor)
    parts.record.set(ARTIFACT.updatedAt, now)
    return result
  })

/** A new row's map (not yet attached) from checked fields. */
export const makePlanRow = (fields: Readonly<Record<string, unknown>>, withEvidence: boolean, actor: Actor, now: number): Y.Map<unknown> => {
  const row = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(fields)) row.set(key, value)
  if (withEvidence) row.set(PLAN_ROW.evidence, new Y.Map<string>())
  row.set(PLAN_ROW.createdAt, now)
  row.set(PLAN_ROW.createdBy, actor.name)
  row.set(PLAN_ROW.updatedAt, now)
  row.set(PLAN_ROW.updatedBy, actor.name)
  return row
}

/**
 * Creates the workspace's lab plan with its empty containers, the CCIN's values to fill in
 * and the standard deliverables to date, and returns its id.
 */
export const createLabPlan = (doc: Y.Doc, input: { title: string }, actor: Actor, now: number): ArtifactId =>
  mutate(doc, () => {
    const id = createArtifact(doc, { kind: 'lab-plan', title: input.title }, actor, now)
    const record = artifactMap(doc, id) as Y.Map<unknown>
    const proposal = new Y.Map<unknown>()
    for (const [key, value] of Object.entries(PROPOSAL_DEFAULTS)) proposal.set(key, value)
    record.set(LAB_PLAN.proposal, proposal)
    const questions = new Y.Map<unknown>()
    for (const question of EOI_QUESTIONS) questions.set(question.key, new Y.XmlFragment())
    record.set(LAB_PLAN.questions, questions)
    const sections = Object.fromEntries(PLAN_SECTIONS.map((section) => [section, new Y.Map<Y.Map<unknown>>()])) as Record<PlanSection, Y.Map<Y.Map<unknown>>>
    for (const section of PLAN_SECTIONS) record.set(LAB_PLAN[section], sections[section])
    // Seeded rows get increasing createdAt so they keep the form's order on every device.
    CCIN_VALUES.forEach((name, i) => sections.values.set(makePlanRowId(), makePlanRow({ name, application: '' }, true, actor, now + i)))
    STANDARD_DELIVERABLES.forEach((title, i) =>
      sections.milestones.set(
        makePlanRowId(),
        makePlanRow({ title, kind: 'deliverable', date: '', council: '', status: 'planned', artifactId: '' }, false, actor, now + i)
      )
    )
    return id
  })
