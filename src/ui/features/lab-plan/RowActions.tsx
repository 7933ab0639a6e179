import type { PlanRowId } from '../../../domain/lab-plan/plan-ids'
import { useLabPlan } from './plan-context'
import { t } from '../../i18n/t'

/** A table row's "Change" and "Remove" buttons, named after the row for screen readers. */
export const RowActions = (props: { rowId: PlanRowId; name: string; onChange: () => void; onRemove: () => void }) => {
  const plan = useLabPlan()
  return (
    <div class="plan-row-actions">
      <button type="button" class="button small" data-change-row={props.rowId} aria-label={t('labPlan.changeRow', { name: props.name })} disabled={!plan.canEdit()} onClick={() => props.onChange()}>
        {t('labPlan.change')}
      </button>
      <button type="button" class="button small" aria-label={t('labPlan.removeRow', { name: props.name })} disabled={!plan.canEdit()} onClick={() => props.onRemove()}>
        {t('labPlan.remove')}
      </button>
    </div>
  )
}
