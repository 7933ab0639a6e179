import { createSignal } from 'solid-js'
import type { PlanRowId } from '../../../domain/lab-plan/plan-ids'

/**
 * Which row of a part of the plan is being changed (null: the form adds a new row). After a
 * change or a cancel, focus goes back to the row's own "Change" button, so keyboard users
 * continue where they were.
 */
export const createRowEditing = () => {
  const [editing, setEditing] = createSignal<PlanRowId | null>(null)
  const stop = (): void => {
    const rowId = editing()
    setEditing(null)
    if (rowId) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-change-row="${rowId}"]`)?.focus())
  }
  return { editing, start: setEditing, stop }
}
