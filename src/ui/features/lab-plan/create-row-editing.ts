import { createSignal } from 'solid-js'
import type { PlanRowId } from '../../../domain/lab-plan/plan-ids'

/**
 * Which row of a part of the plan is being changed (null: the form adds a new row). After a
 * change or a cancel, focus goes back to the row's own "Change" button, so keyboard users
 * continue where they were. It moves there BEFORE the form closes: taking away a form that
 * holds focus makes the browser lay out the whole page at once (a plan with 300 budget lines
 * spent most of a budget edit doing that), then again for the button.
 */
export const createRowEditing = () => {
  const [editing, setEditing] = createSignal<PlanRowId | null>(null)
  const stop = (): void => {
    const rowId = editing()
    if (rowId) document.querySelector<HTMLElement>(`[data-change-row="${rowId}"]`)?.focus()
    setEditing(null)
  }
  return { editing, start: setEditing, stop }
}
