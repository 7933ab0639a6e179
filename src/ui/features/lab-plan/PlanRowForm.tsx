import { For, Match, Show, Switch, createSignal, createUniqueId, onMount } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import type { z } from 'zod'
import { ErrorSummary } from '../../components/ErrorList'
import { SelectField } from '../../components/SelectField'
import { TextField } from '../../components/TextField'
import { fieldText, readRowForm, type RowFieldSpec } from './row-form-fields'
import { useLabPlan } from './plan-context'
import { t } from '../../i18n/t'
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
  /** Moves focus to the heading when it opens (editing a row picked in a table). */
  focusOnOpen?: boolean
}) => {
  const plan = useLabPlan()
  const id = createUniqueId()
  let heading: HTMLHeadingElement | undefined
  const [draft, setDraft] = createStore<Record<string, string>>({})
  const [errors, setErrors] = createSignal<Partial<Record<string, string>>>({})
  const current = (): Readonly<Record<string, unknown>> => props.values as Record<string, unknown>
  const text = (spec: RowFieldSpec): string => draft[spec.key] ?? fieldText(spec, current()[spec.key])
  const errorList = (): string[] => Object.values(errors()).filter((e): e is string => Boolean(e))
  onMount(() => {
    if (props.focusOnOpen) heading?.focus()
  })

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
