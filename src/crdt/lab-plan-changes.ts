import * as Y from 'yjs'
import { PLAN_SECTIONS, type PlanSection } from '../domain/lab-plan/plan-sections'
import { LAB_PLAN, type LabPlanParts } from './lab-plan'
import { partOfSection, type LabPlanPart } from './lab-plan-read'
import { ARTIFACT } from './keys'

/** Keys of the plan's record whose change can make the plan read differently as a whole. */
const STRUCTURAL_KEYS = new Set<string>([...Object.values(LAB_PLAN), ARTIFACT.kind])

/**
 * Which parts of a plan a transaction's events changed, so the live plan re-reads only those,
 * and which rows changed, passed to `forgetRow` so only they are read afresh. 'all' when the
 * change is not one of the plan's own rows or parts (a container replaced, or events of
 * something else): then the whole plan is read again, which is always right, only slower.
 * The EOI answers' rich text is left out: the editors show it themselves.
 */
export const changedPlanParts = (
  parts: LabPlanParts,
  events: readonly Y.YEvent<any>[],
  forgetRow: (row: Y.Map<unknown>) => void
): Set<LabPlanPart> | 'all' => {
  const sectionOf = new Map<Y.AbstractType<any>, PlanSection>(PLAN_SECTIONS.map((section) => [parts.sections[section], section]))
  const changed = new Set<LabPlanPart>()
  for (const event of events) {
    const target = event.target as Y.AbstractType<any>
    if (target instanceof Y.XmlFragment || target instanceof Y.XmlText || target === parts.questions) continue
    if (target === parts.record) {
      if (!(event instanceof Y.YMapEvent) || [...event.keysChanged].some((key) => STRUCTURAL_KEYS.has(key))) return 'all'
      continue
    }
    if (target === parts.proposal) {
      changed.add('proposal')
      continue
    }
    const section = sectionOf.get(target)
    if (section) {
      changed.add(partOfSection(section))
      continue
    }
    // A field of a row, or a row's evidence set: climb to the row, a direct child of a section.
    let row: Y.AbstractType<any> = target
    while (row.parent && !sectionOf.has(row.parent)) row = row.parent
    const rowSection = row.parent ? sectionOf.get(row.parent) : undefined
    if (!rowSection || !(row instanceof Y.Map)) return 'all'
    forgetRow(row)
    changed.add(partOfSection(rowSection))
  }
  return changed
}
