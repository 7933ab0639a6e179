import { Show } from 'solid-js'
import type { z } from 'zod'
import type { PlanRowId } from '../../../domain/lab-plan/plan-ids'
import type { makeRowWrites } from './plan-row-writes'
import type { createRowEditing } from './create-row-editing'
import { PlanRowForm } from './PlanRowForm'
import type { RowFieldSpec } from './row-form-fields'
import { t } from '../../i18n/t'

/**
 * A part of the plan's one form: it adds a row, or, while a row's "Change" was chosen, changes
 * that row (keyed, so it starts afresh for each row) and then returns to adding.
 */
export const AddOrChangeForm = <Row extends { id: PlanRowId }>(props: {
  specs: readonly RowFieldSpec[]
  schema: z.ZodObject
  defaults: object
  /** The row being changed, live, or null. */
  edited: Row | null
  name: (row: Row) => string
  addHeading: string
  addLabel: string
  saveLabel: string
  writes: ReturnType<typeof makeRowWrites>
  editing: ReturnType<typeof createRowEditing>
  /** The name a new row is announced by. */
  newName: (value: Record<string, unknown>) => string
}) => (
  <Show
    when={props.edited}
    keyed
    fallback={
      <PlanRowForm
        heading={props.addHeading}
        specs={props.specs}
        schema={props.schema}
        values={props.defaults}
        submitLabel={props.addLabel}
        onSubmit={(value) => props.writes.add(value, props.newName(value))}
      />
    }
  >
    {(row) => (
      <PlanRowForm
        heading={t('labPlan.changeHeading', { name: props.name(row) })}
        specs={props.specs}
        schema={props.schema}
        values={row}
        submitLabel={props.saveLabel}
        focusOnOpen
        onSubmit={(_, touched) => {
          const done = props.writes.change(row.id, touched, props.name(row))
          props.editing.stop()
          return done
        }}
        onCancel={props.editing.stop}
      />
    )}
  </Show>
)
