import * as Y from 'yjs'
import type { Actor } from '../domain/artifact'
import type { ArtifactId } from '../domain/ids'
import { makePlanRowId, type EvidenceKind, type PlanRowId } from '../domain/lab-plan/plan-ids'
import {
  EVIDENCE_SECTIONS,
  MAX_EVIDENCE_LINKS,
  MAX_ROWS_PER_SECTION,
  PLAN_SECTION_DEFAULTS,
  PLAN_SECTION_SCHEMAS,
  type EvidenceSection,
  type PlanSection,
  type SectionFields
} from '../domain/lab-plan/plan-sections'
import { ProposalFieldsSchema, type ProposalFields } from '../domain/lab-plan/proposal'
import { PLAN_ROW, changeLabPlan, makePlanRow } from './lab-plan'
import { writeChanges } from './partner-map'

/** Thrown when a section already holds its most rows; the form says so. */
export class PlanSectionFullError extends Error {
  constructor(readonly section: PlanSection) {
    super(`This list holds at most ${MAX_ROWS_PER_SECTION} rows`)
  }
}

const hasEvidence = (section: PlanSection): section is EvidenceSection => (EVIDENCE_SECTIONS as readonly string[]).includes(section)

/**
 * Adds a row to a section of the plan, filling in defaults and checking every field; returns
 * its id, or null if the plan is not on this device. Throws on input no form should allow.
 */
export const addPlanRow = <S extends PlanSection>(
  doc: Y.Doc,
  planId: ArtifactId,
  section: S,
  input: Partial<SectionFields<S>>,
  actor: Actor,
  now: number,
  id: PlanRowId = makePlanRowId()
): PlanRowId | null => {
  const fields = PLAN_SECTION_SCHEMAS[section].parse({ ...PLAN_SECTION_DEFAULTS[section], ...input })
  return changeLabPlan(doc, planId, actor, now, (parts) => {
    const rows = parts.sections[section]
    if (rows.size >= MAX_ROWS_PER_SECTION) throw new PlanSectionFullError(section)
    rows.set(id, makePlanRow(fields, hasEvidence(section), actor, now))
    return id
  })
}

/**
 * Changes the given fields of one row, one key each, so a colleague's concurrent change to
 * another field of the same row survives. False if the row is gone (removed elsewhere).
 */
export const updatePlanRow = <S extends PlanSection>(
  doc: Y.Doc,
  planId: ArtifactId,
  section: S,
  rowId: PlanRowId,
  patch: Partial<SectionFields<S>>,
  actor: Actor,
  now: number
): boolean => {
  const checked = PLAN_SECTION_SCHEMAS[section].partial().parse(patch) as Record<string, unknown>
  return (
    changeLabPlan(doc, planId, actor, now, (parts) => {
      const row = parts.sections[section].get(rowId)
      if (!(row instanceof Y.Map)) return false
      if (writeChanges(row, checked)) {
        row.set(PLAN_ROW.updatedAt, now)
        row.set(PLAN_ROW.updatedBy, actor.name)
      }
      return true
    }) ?? false
  )
}

/** Removes a row; removing an outcome removes its measures in the same change. */
export const removePlanRow = (doc: Y.Doc, planId: ArtifactId, section: PlanSection, rowId: PlanRowId, actor: Actor, now: number): boolean =>
  changeLabPlan(doc, planId, actor, now, (parts) => {
    const rows = parts.sections[section]
    if (!rows.has(rowId)) return false
    rows.delete(rowId)
    if (section === 'outcomes') {
      const orphans: string[] = []
      parts.sections.measures.forEach((measure, id) => {
        if (measure instanceof Y.Map && measure.get('outcomeId') === rowId) orphans.push(id)
      })
      for (const id of orphans) parts.sections.measures.delete(id)
    }
    return true
  }) ?? false

/**
 * Links (kind given) or unlinks (null) a note, report or partner as evidence for an outcome
 * or value. The links are a set: two people linking at once both keep their link.
 */
export const setEvidenceLink = (
  doc: Y.Doc,
  planId: ArtifactId,
  section: EvidenceSection,
  rowId: PlanRowId,
  linkId: string,
  kind: EvidenceKind | null,
  actor: Actor,
  now: number
): boolean =>
  changeLabPlan(doc, planId, actor, now, (parts) => {
    const row = parts.sections[section].get(rowId)
    if (!(row instanceof Y.Map)) return false
    let links = row.get(PLAN_ROW.evidence)
    if (!(links instanceof Y.Map)) {
      links = new Y.Map<string>()
      row.set(PLAN_ROW.evidence, links)
    }
    const set = links as Y.Map<string>
    if (kind === null) set.delete(linkId)
    else if (set.size < MAX_EVIDENCE_LINKS || set.has(linkId)) set.set(linkId, kind)
    else return false
    return true
  }) ?? false

/** Changes the given EOI header fields, one key each. */
export const updateProposal = (doc: Y.Doc, planId: ArtifactId, patch: Partial<ProposalFields>, actor: Actor, now: number): boolean => {
  const checked = ProposalFieldsSchema.partial().parse(patch) as Record<string, unknown>
  return changeLabPlan(doc, planId, actor, now, (parts) => {
    writeChanges(parts.proposal, checked)
    return true
  }) ?? false
}
