import * as Y from 'yjs'
import type { ArtifactId } from '../domain/ids'
import type { BudgetLine, LabPlanState } from '../domain/lab-plan/lab-plan-state'
import type { Milestone } from '../domain/lab-plan/milestones'
import type { Measure, Outcome } from '../domain/lab-plan/outcomes'
import { EvidenceIdSchema, EvidenceKindSchema, isPlanRowId, type EvidenceLink, type PlanRowId } from '../domain/lab-plan/plan-ids'
import { decodePlanRow } from '../domain/lab-plan/plan-row-decode'
import { MAX_EVIDENCE_LINKS, MAX_ROWS_PER_SECTION, type PlanSection, type SectionFields } from '../domain/lab-plan/plan-sections'
import type { PlanValue } from '../domain/lab-plan/plan-values'
import { PROPOSAL_DEFAULTS, ProposalFieldsSchema, type ProposalFields } from '../domain/lab-plan/proposal'
import type { GroupMember } from '../domain/lab-plan/working-group'
import { PLAN_ROW, labPlanParts, type LabPlanParts } from './lab-plan'
import { readNumber } from './plain-values'

interface ReadRow<S extends PlanSection> {
  id: PlanRowId
  fields: SectionFields<S>
  row: Y.Map<unknown>
  createdAt: number
}

/** A row as last read: its parsed fields, or null when it did not read as this version expects. */
type RowCache = WeakMap<Y.Map<unknown>, ReadRow<PlanSection> | null>

const readRow = <S extends PlanSection>(section: S, id: string, row: unknown): ReadRow<S> | null => {
  if (!(row instanceof Y.Map) || !isPlanRowId(id)) return null
  const fields = decodePlanRow(section, (key) => row.get(key))
  if (!fields) return null
  return { id, fields, row, createdAt: readNumber(row.get(PLAN_ROW.createdAt)) }
}

/**
 * A section's rows that read as this version expects, in the order they were added (creation
 * time, then id, the same on every device). At most MAX_ROWS_PER_SECTION are read, whatever a
 * peer sent. `skipped` counts rows left out. A row found in `cache` is not parsed again: the
 * live plan forgets a row there when it changes, so one edit re-checks one row, not hundreds.
 */
const readSection = <S extends PlanSection>(parts: LabPlanParts, section: S, skipped: { count: number }, cache?: RowCache): ReadRow<S>[] => {
  const rows: ReadRow<S>[] = []
  for (const [id, row] of parts.sections[section]) {
    if (rows.length >= MAX_ROWS_PER_SECTION) break
    let read = cache?.get(row) as ReadRow<S> | null | undefined
    // A cached row is only trusted under the key it was read from (a row map lives under one key).
    if (read === undefined || (read !== null && read.id !== id)) {
      read = readRow(section, id, row)
      cache?.set(row, read)
    }
    if (read === null) skipped.count += 1
    else rows.push(read)
  }
  return rows.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

const readEvidence = (row: Y.Map<unknown>): EvidenceLink[] => {
  const links = row.get(PLAN_ROW.evidence)
  if (!(links instanceof Y.Map)) return []
  const result: EvidenceLink[] = []
  for (const [id, kind] of links as Y.Map<unknown>) {
    if (result.length >= MAX_EVIDENCE_LINKS) break
    const parsedKind = EvidenceKindSchema.safeParse(kind)
    if (EvidenceIdSchema.safeParse(id).success && parsedKind.success) result.push({ id, kind: parsedKind.data })
  }
  return result.sort((a, b) => (a.id < b.id ? -1 : 1))
}

/** The proposal's fields; a field a peer sent in a shape this version cannot read shows its default. */
const readProposal = (proposal: Y.Map<unknown>): ProposalFields => {
  const result = { ...PROPOSAL_DEFAULTS } as Record<string, unknown>
  for (const [key, schema] of Object.entries(ProposalFieldsSchema.shape)) {
    const parsed = schema.safeParse(proposal.get(key))
    if (parsed.success) result[key] = parsed.data
  }
  return result as ProposalFields
}

/** The parts of a plan's state that are read separately, so one change re-reads only its part. */
export type LabPlanPart = 'proposal' | 'budget' | 'outcomes' | 'milestones' | 'values' | 'members'

/** Which part of the plan a section's rows show in (measures are shown within their outcomes). */
export const partOfSection = (section: PlanSection): Exclude<LabPlanPart, 'proposal'> => (section === 'measures' ? 'outcomes' : section)

export interface LabPlanReader {
  /** One part, as in LabPlanState, and how many of its rows could not be read. */
  part<P extends LabPlanPart>(part: P): { value: LabPlanState[P]; unreadable: number }
  /** Forgets a changed row (or the row holding a changed evidence set), so it is read afresh. */
  forget(row: Y.Map<unknown>): void
}

/** Reads a plan part by part, keeping each row it has read until told the row changed. */
export const makeLabPlanReader = (parts: LabPlanParts): LabPlanReader => {
  const cache: RowCache = new WeakMap()
  const read = (part: LabPlanPart, skipped: { count: number }): LabPlanState[LabPlanPart] => {
    switch (part) {
      case 'proposal':
        return readProposal(parts.proposal)
      case 'budget':
        return readSection(parts, 'budget', skipped, cache).map(({ id, fields }): BudgetLine => ({ ...fields, id }))
      case 'outcomes': {
        const measures = readSection(parts, 'measures', skipped, cache)
        return readSection(parts, 'outcomes', skipped, cache).map(({ id, fields, row }): Outcome => ({
          ...fields,
          id,
          evidence: readEvidence(row),
          measures: measures.filter((m) => m.fields.outcomeId === id).map((m): Measure => ({ ...m.fields, id: m.id }))
        }))
      }
      case 'milestones':
        return readSection(parts, 'milestones', skipped, cache).map(({ id, fields }): Milestone => ({ ...fields, id }))
      case 'values':
        return readSection(parts, 'values', skipped, cache).map(({ id, fields, row }): PlanValue => ({ ...fields, id, evidence: readEvidence(row) }))
      case 'members':
        return readSection(parts, 'members', skipped, cache).map(({ id, fields }): GroupMember => ({ ...fields, id }))
    }
  }
  return {
    part: <P extends LabPlanPart>(part: P) => {
      const skipped = { count: 0 }
      const value = read(part, skipped) as LabPlanState[P]
      return { value, unreadable: skipped.count }
    },
    forget: (row) => cache.delete(row)
  }
}

export const LAB_PLAN_PARTS: readonly LabPlanPart[] = ['proposal', 'budget', 'outcomes', 'milestones', 'values', 'members']

/** The whole plan as plain records, or null while it has not reached this device. */
export const readLabPlan = (doc: Y.Doc, planId: ArtifactId): LabPlanState | null => {
  const parts = labPlanParts(doc, planId)
  return parts ? readWholePlan(makeLabPlanReader(parts)) : null
}

/** Every part through one reader, with the count of rows left out. */
export const readWholePlan = (reader: LabPlanReader): LabPlanState => {
  const read = LAB_PLAN_PARTS.map((part) => [part, reader.part(part)] as const)
  const plan = Object.fromEntries(read.map(([part, { value }]) => [part, value])) as Omit<LabPlanState, 'unreadableRows'>
  return { ...plan, unreadableRows: read.reduce((sum, [, { unreadable }]) => sum + unreadable, 0) }
}
