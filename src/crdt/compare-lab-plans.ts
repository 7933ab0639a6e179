import type * as Y from 'yjs'
import type { ArtifactId } from '../domain/ids'
import type { Translate } from '../domain/i18n/catalogue'
import type { LabPlanState } from '../domain/lab-plan/lab-plan-state'
import { comparePlans, type PlanComparison } from '../domain/lab-plan/plan-compare'
import { readLabPlan } from './lab-plan-read'
import { docAtVersion } from './versions'

/** The plan as it was at a version, read from a throwaway copy; null if unreadable or not there yet. */
const planAtVersion = (doc: Y.Doc, planId: ArtifactId, versionId: string): LabPlanState | null => {
  const old = docAtVersion(doc, versionId)
  if (!old) return null
  try {
    return readLabPlan(old, planId)
  } finally {
    old.destroy()
  }
}

/** What a comparison sets the older version against: today's plan, or another version. */
export type CompareAgainst = { kind: 'now' } | { kind: 'version'; versionId: string }

/**
 * The lab plan at a version, and (with `against`) what changed from there to now or to
 * another version. Null when the version cannot be read or the plan did not exist in it; a
 * plan missing from the other version compares as if everything was removed. Its words are
 * in the language of `tr`.
 */
export const compareLabPlan = (doc: Y.Doc, planId: ArtifactId, versionId: string, against: CompareAgainst | null, tr: Translate): PlanComparison | null => {
  const then = planAtVersion(doc, planId, versionId)
  if (!then) return null
  if (!against) return comparePlans(then, null, tr)
  const later = against.kind === 'now' ? readLabPlan(doc, planId) : planAtVersion(doc, planId, against.versionId)
  return comparePlans(then, later ?? { ...then, budget: [], outcomes: [], milestones: [], values: [], members: [] }, tr)
}
