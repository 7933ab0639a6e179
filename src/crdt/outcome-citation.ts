import * as Y from 'yjs'
import { ArtifactKindSchema } from '../domain/artifact'
import type { ArtifactId } from '../domain/ids'
import type { CitedEvidence, CitedMeasure, OutcomeCitation } from '../domain/lab-plan/outcome-citation'
import { PLAN_SECTION_SCHEMAS, type PlanSection, type SectionFields } from '../domain/lab-plan/plan-sections'
import { artifactMap } from './artifacts'
import { ARTIFACT } from './keys'
import { PLAN_ROW, labPlanParts } from './lab-plan'
import { isRemoved, partnerMapParts } from './partner-map'
import { artifactsMap } from './workspace-doc'

/** One row's fields as its section's schema reads them, or null. */
const rowFields = <S extends PlanSection>(section: S, row: unknown): SectionFields<S> | null => {
  if (!(row instanceof Y.Map)) return null
  const schema = PLAN_SECTION_SCHEMAS[section]
  const parsed = schema.safeParse(Object.fromEntries(Object.keys(schema.shape).map((key) => [key, row.get(key)])))
  return parsed.success ? (parsed.data as SectionFields<S>) : null
}

/** A partner's name ("" when it has none), looked up map by map (not partner by partner: this runs after every change). */
const partnerName = (doc: Y.Doc, partnerId: string): string | null => {
  for (const mapId of artifactsMap(doc).keys()) {
    const partner = partnerMapParts(doc, mapId as ArtifactId)?.partners.get(partnerId)
    if (partner instanceof Y.Map && !isRemoved(partner)) {
      const name = partner.get('name')
      return typeof name === 'string' ? name : ''
    }
  }
  return null
}

/**
 * The evidence of an outcome that is still there: items by kind and title, partners by name, as
 * stored (the citation's text words and orders them in the reader's language).
 */
const citedEvidence = (doc: Y.Doc, row: Y.Map<unknown>): CitedEvidence[] => {
  const links = row.get(PLAN_ROW.evidence)
  if (!(links instanceof Y.Map)) return []
  const evidence: CitedEvidence[] = []
  for (const [id, kind] of links as Y.Map<unknown>) {
    if (kind === 'partner') {
      const name = partnerName(doc, id)
      if (name !== null) evidence.push({ kind: 'partner', name })
      continue
    }
    const record = artifactMap(doc, id as ArtifactId)
    const itemKind = ArtifactKindSchema.safeParse(record?.get(ARTIFACT.kind))
    if (!record || !itemKind.success || record.get(ARTIFACT.deletedAt)) continue
    const title = record.get(ARTIFACT.title)
    evidence.push({ kind: 'item', itemKind: itemKind.data, title: typeof title === 'string' ? title : '' })
  }
  return evidence
}

/**
 * A cited outcome (and measure) as the plan holds it now: read row by row, not the whole plan,
 * because every report citing it re-reads it after each change. 'removed' when the plan or the
 * outcome has gone (or no longer reads as an outcome).
 */
export const readOutcomeCitation = (doc: Y.Doc, planId: string, outcomeId: string, measureId: string): OutcomeCitation => {
  const parts = labPlanParts(doc, planId as ArtifactId)
  const row = parts?.sections.outcomes.get(outcomeId)
  const outcome = parts && row ? rowFields('outcomes', row) : null
  if (!parts || !(row instanceof Y.Map) || !outcome) return { kind: 'removed' }
  let measure: CitedMeasure | null | 'removed' = null
  if (measureId) {
    const fields = rowFields('measures', parts.sections.measures.get(measureId))
    measure = fields && fields.outcomeId === outcomeId ? { what: fields.what, target: fields.target, latestValue: fields.latestValue, latestDate: fields.latestDate } : 'removed'
  }
  return { kind: 'outcome', title: outcome.title, status: outcome.status, measure, evidence: citedEvidence(doc, row) }
}
