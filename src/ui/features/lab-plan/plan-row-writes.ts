import { addPlanRow, removePlanRow, updatePlanRow } from '../../../crdt/lab-plan-rows'
import type { PlanRowId } from '../../../domain/lab-plan/plan-ids'
import type { PlanSection, SectionFields } from '../../../domain/lab-plan/plan-sections'
import type { LabPlanContextValue } from './plan-context'

/**
 * Adding, changing and removing one part's rows from the page, each announced. The forms
 * have checked every field already; these pass values on as the section's fields.
 */
export const makeRowWrites = <S extends PlanSection>(plan: LabPlanContextValue, section: S, noun: string) => ({
  add: (value: Record<string, unknown>, name: string): boolean => {
    const id = plan.write((actor, now) => addPlanRow(plan.doc, plan.planId, section, value as Partial<SectionFields<S>>, actor, now))
    if (id) plan.announce(`${noun} “${name}” added.`)
    return Boolean(id)
  },
  change: (rowId: PlanRowId, touched: Record<string, unknown>, name: string): boolean => {
    const done = plan.write((actor, now) => updatePlanRow(plan.doc, plan.planId, section, rowId, touched as Partial<SectionFields<S>>, actor, now)) ?? false
    plan.announce(done ? `${noun} “${name}” saved.` : `${noun} “${name}” was removed by someone else.`)
    return done
  },
  remove: (rowId: PlanRowId, name: string): void => {
    if (plan.write((actor, now) => removePlanRow(plan.doc, plan.planId, section, rowId, actor, now))) {
      plan.announce(`${noun} “${name}” removed. History can bring it back.`)
    }
  }
})
