import * as Y from 'yjs'
import type { ArtifactId } from '../domain/ids'
import type { BudgetLine, LabPlanState } from '../domain/lab-plan/lab-plan-state'
import type { Milestone } from '../domain/lab-plan/milestones'
import type { Measure, Outcome } from '../domain/lab-plan/outcomes'
import { EvidenceIdSchema, EvidenceKindSchema, PlanRowIdSchema, type EvidenceLink, type PlanRowId } from '../domain/lab-plan/plan-ids'
import { MAX_EVIDENCE_LINKS, MAX_ROWS_PER_SECTION, PLAN_SECTION_SCHEMAS, type PlanSection, type SectionFields } from '../domain/lab-plan/plan-sections'
import type { PlanValue } from '../domain/lab-plan/plan-values'
import { PROPOSAL_DEFAULTS, ProposalFieldsSchema, type ProposalFields } from '../domain/lab-plan/proposal'
import type { GroupMember } from '../domain/lab-plan/working-group'
import { PLAN_ROW, labPlanParts, type LabPlanParts } from './lab-plan'
import { readNumber } from './plain-values'

interface ReadRow<S extends PlanSection> {
  id: PlanRowId
  fields: SectionFields<S>
  row: Y.Map<unknown>
}

/**
 * A section's rows that read as this version expects, in the order they were added (creation
 * time, then id, the same on every device). At most MAX_ROWS_PER_SECTION are read, whatever a
 * peer sent. `skipped` counts rows left out.
 */
const readSection = <S extends PlanSection>(parts: LabPlanParts, section: S, skipped: { count: number }): ReadRow<S>[] => {
  const schema = PLAN_SECTION_SCHEMAS[section]
  const rows: (ReadRow<S> & { createdAt: number })[] = []
  for (const [id, row] of parts.sections[section]) {
    if (rows.length >= MAX_ROWS_PER_SECTION) break
    const rowId = PlanRowIdSchema.safeParse(id)
    if (!(row instanceof Y.Map) || !rowId.success) {
      skipped.count += 1
      continue
    }
    const fields = schema.safeParse(Object.fromEntries(Object.keys(schema.shape).map((key) => [key, row.get(key)])))
    if (!fields.success) {
      skipped.count += 1
      continue
    }
    rows.push({ id: rowId.data, fields: fields.data as SectionFields<S>, row, createdAt: readNumber(row.get(PLAN_ROW.createdAt)) })
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

/** The whole plan as plain records, or null while it has not reached this device. */
export const readLabPlan = (doc: Y.Doc, planId: ArtifactId): LabPlanState | null => {
  const parts = labPlanParts(doc, planId)
  if (!parts) return null
  const skipped = { count: 0 }
  const measures = readSection(parts, 'measures', skipped)
  const outcomes: Outcome[] = readSection(parts, 'outcomes', skipped).map(({ id, fields, row }) => ({
    ...fields,
    id,
    evidence: readEvidence(row),
    measures: measures.filter((m) => m.fields.outcomeId === id).map((m): Measure => ({ ...m.fields, id: m.id }))
  }))
  return {
    proposal: readProposal(parts.proposal),
    budget: readSection(parts, 'budget', skipped).map(({ id, fields }): BudgetLine => ({ ...fields, id })),
    outcomes,
    milestones: readSection(parts, 'milestones', skipped).map(({ id, fields }): Milestone => ({ ...fields, id })),
    values: readSection(parts, 'values', skipped).map(({ id, fields, row }): PlanValue => ({ ...fields, id, evidence: readEvidence(row) })),
    members: readSection(parts, 'members', skipped).map(({ id, fields }): GroupMember => ({ ...fields, id })),
    unreadableRows: skipped.count
  }
}
