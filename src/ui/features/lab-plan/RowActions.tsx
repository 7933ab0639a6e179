import type { PlanRowId } from '../../../domain/lab-plan/plan-ids'
import { useLabPlan } from './plan-context'

/** A table row's "Change" and "Remove" buttons, named after the row for screen readers. */
export const RowActions = (props: { rowId: PlanRowId; name: string; onChange: () => void; onRemove: () => void }) => {
  const plan = useLabPlan()
  return (
    <div class="plan-row-actions">
      <button type="button" class="button small" data-change-row={props.rowId} aria-label={`Change ${props.name}`} disabled={!plan.canEdit()} onClick={() => props.onChange()}>
        Change
      </button>
      <button type="button" class="button small" aria-label={`Remove ${props.name}`} disabled={!plan.canEdit()} onClick={() => props.onRemove()}>
        Remove
      </button>
    </div>
  )
}
