import { For, Match, Show, Switch, createComputed, createEffect, createSignal, createUniqueId, on } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import type { z } from 'zod'
import type { PlanRowId } from '../../../domain/lab-plan/plan-ids'
import { ErrorSummary } from '../../components/ErrorList'
import { SelectField } from '../../components/SelectField'
import { TextField } from '../../components/TextField'
import { parsePence } from '../../../domain/money'
import { fieldText, readRowForm, type RowFieldSpec } from './row-form-fields'
import { useLabPlan } from './plan-context'
import { t } from '../../i18n/t'
import { formatMoney } from '../../i18n/format-money'
import { localisedProblem } from './plan-problem'

/**
 * The form that adds a row to a part of the plan, or changes one. Fields a person has not
 * touched keep following the document while the form is open, and only changed fields are
 * written, so two people editing one row merge field by field.
 */
export const PlanRowForm = (props: {
  heading: string
  specs: readonly RowFieldSpec[]
  schema: z.ZodObject
  /** The row's values now (live), or the defaults for a new row. */
  values: object
  /** Values the form does not show but the row needs (a measure's outcome). */
  fixed?: Readonly<Record<string, unknown>>
  submitLabel: string
  /** Writes the row; false when it could not (the row was removed meanwhile). */
  onSubmit: (value: Record<string, unknown>, touched: Record<string, unknown>) => boolean
  onCancel?: () => void
  /**
   * The row the form is changing, or null while it adds one. When it changes, the fields
   * start afresh from `values` and focus moves to the heading (a row picked in a table): the
   * same form serves every row instead of being rebuilt for each.
   */
  startsAfresh?: PlanRowId | null
}) => {
  const plan = useLabPlan()
  const id = createUniqueId()
  let heading: HTMLHeadingElement | undefined
  const [draft, setDraft] = createStore<Record<string, string>>({})
  const [errors, setErrors] = createSignal<Partial<Record<string, string>>>({})
  const current = (): Readonly<Record<string, unknown>> => props.values as Record<string, unknown>
  const text = (spec: RowFieldSpec): string => draft[spec.key] ?? fieldText(spec, current()[spec.key])
  // Amounts are kept to the penny: a fraction of one typed is rounded, and the field says to what.
  const moneyNote = (spec: RowFieldSpec): string | undefined => {
    if (spec.kind !== 'money') return undefined
    const money = parsePence(text(spec))
    return money.ok && money.rounded ? t('labPlan.money.rounded', { amount: formatMoney(money.pence) }) : ''
  }
  const errorList = (): string[] => Object.values(errors()).filter((e): e is string => Boolean(e))
  createComputed(
    on(
      () => props.startsAfresh,
      () => {
        setDraft(reconcile({}))
        setErrors({})
      },
      { defer: true }
    )
  )
  createEffect(
    on(
      () => props.startsAfresh,
      (rowId) => {
        if (rowId) heading?.focus()
      },
      { defer: true }
    )
  )

  const submit = (event: SubmitEvent): void => {
    event.preventDefault()
    const texts = Object.fromEntries(props.specs.map((spec) => [spec.key, text(spec)]))
    const result = readRowForm(props.specs, props.schema, texts, current(), props.fixed)
    if (!result.ok) {
      setErrors(Object.fromEntries(Object.entries(result.errors).map(([key, problem]) => [key, problem && localisedProblem(problem)])))
      return
    }
    setErrors({})
    if (props.onSubmit(result.value, result.touched)) setDraft(reconcile({}))
  }

  return (
    <form class="stack plan-row-form" onSubmit={submit} novalidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={heading} tabindex="-1">
        {props.heading}
      </h3>
      <Show when={errorList().length > 0}>
        <ErrorSummary errors={errorList()} />
      </Show>
      <div class="plan-form-grid">
        <For each={props.specs}>
          {(spec) => (
            <div classList={{ 'plan-form-wide': spec.kind === 'multiline' }}>
              <Switch
                fallback={
                  <TextField
                    label={spec.label}
                    value={text(spec)}
                    onInput={(next) => setDraft(spec.key, next)}
                    error={errors()[spec.key]}
                    hint={spec.hint}
                    note={moneyNote(spec)}
                    maxLength={spec.maxLength}
                    required={spec.required}
                    multiline={spec.kind === 'multiline'}
                    type={spec.kind === 'date' ? 'date' : 'text'}
                  />
                }
              >
                <Match when={spec.kind === 'select'}>
                  <SelectField
                    label={spec.label}
                    value={text(spec)}
                    options={spec.options?.() ?? []}
                    onChange={(next) => setDraft(spec.key, next)}
                    error={errors()[spec.key]}
                    hint={spec.hint}
                  />
                </Match>
              </Switch>
            </div>
          )}
        </For>
      </div>
      <div class="actions">
        <button type="submit" class="button primary" disabled={!plan.canEdit()}>
          {props.submitLabel}
        </button>
        <Show when={props.onCancel}>
          <button type="button" class="button" onClick={() => props.onCancel?.()}>
            {t('labPlan.cancel')}
          </button>
        </Show>
      </div>
    </form>
  )
}
