import { addPlanRow, removePlanRow, updatePlanRow } from '../../../crdt/lab-plan-rows'
import type { PlanRowId } from '../../../domain/lab-plan/plan-ids'
import type { PlanSection, SectionFields } from '../../../domain/lab-plan/plan-sections'
import type { LabPlanContextValue } from './plan-context'
import { t } from '../../i18n/t'

/**
 * Adding, changing and removing one part's rows from the page, each announced. The forms
 * have checked every field already; these pass values on as the section's fields.
 */
export const makeRowWrites = <S extends PlanSection>(plan: LabPlanContextValue, section: S) => {
  const noun = (): string => t(`labPlan.noun.${section}`)
  return {
    add: (value: Record<string, unknown>, name: string): boolean => {
      const id = plan.write((actor, now) => addPlanRow(plan.doc, plan.planId, section, value as Partial<SectionFields<S>>, actor, now))
      if (id) plan.announce(t('labPlan.said.added', { noun: noun(), name }))
      return Boolean(id)
    },
    change: (rowId: PlanRowId, touched: Record<string, unknown>, name: string): boolean => {
      const done = plan.write((actor, now) => updatePlanRow(plan.doc, plan.planId, section, rowId, touched as Partial<SectionFields<S>>, actor, now)) ?? false
      plan.announce(t(done ? 'labPlan.said.saved' : 'labPlan.said.goneMeanwhile', { noun: noun(), name }))
      return done
    },
    remove: (rowId: PlanRowId, name: string): void => {
      if (plan.write((actor, now) => removePlanRow(plan.doc, plan.planId, section, rowId, actor, now))) {
        plan.announce(t('labPlan.said.removed', { noun: noun(), name }))
      }
    }
  }
}
