import { createMemo } from 'solid-js'
import type { z } from 'zod'
import type { PlanRowId } from '../../../domain/lab-plan/plan-ids'
import type { makeRowWrites } from './plan-row-writes'
import type { createRowEditing } from './create-row-editing'
import { DrawnWhenIdle } from './DrawnWhenIdle'
import { PlanRowForm } from './PlanRowForm'
import type { RowFieldSpec } from './row-form-fields'
import { t } from '../../i18n/t'

/**
 * A part of the plan's one form: it adds a row, or, while a row's "Change" was chosen, changes
 * that row and then returns to adding. It is one form throughout, whose fields start afresh
 * for each row: building a new form for every change and back made each budget edit rebuild
 * the "Add" form, and swapping a child of the section restyled all of its 300 lines.
 * It is drawn when the browser is idle after the plan opens, or at a person's first act
 * (DrawnWhenIdle): the plan's forms took a third of the time a large plan took to open.
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
}) => {
  // Looked up once per change for the heading, values, labels and Cancel below.
  const edited = createMemo(() => props.edited)
  const heading = (): string => {
    const row = edited()
    return row ? t('labPlan.changeHeading', { name: props.name(row) }) : props.addHeading
  }
  return (
    <DrawnWhenIdle>
      <PlanRowForm
        heading={heading()}
        specs={props.specs}
        schema={props.schema}
        values={edited() ?? props.defaults}
        startsAfresh={edited()?.id ?? null}
        submitLabel={edited() ? props.saveLabel : props.addLabel}
        onSubmit={(value, touched) => {
          const row = edited()
          if (!row) return props.writes.add(value, props.newName(value))
          // Focus goes back to the row first, while the page is still laid out: moving it after
          // the write made the browser lay out the whole table at once, then again for the frame.
          props.editing.stop()
          return props.writes.change(row.id, touched, props.name(row))
        }}
        onCancel={edited() ? props.editing.stop : undefined}
      />
    </DrawnWhenIdle>
  )
}
