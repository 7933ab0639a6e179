import { For, Show, createUniqueId } from 'solid-js'

export interface SelectOption {
  value: string
  label: string
}

/** A labelled <select> with its hint and error tied to it, like TextField. */
export const SelectField = (props: {
  label: string
  value: string
  options: readonly SelectOption[]
  onChange: (value: string) => void
  hint?: string
  error?: string | undefined
  disabled?: boolean
  class?: string
  id?: string
}) => {
  const id = props.id ?? createUniqueId()
  const describedBy = (): string | undefined =>
    [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div class={`field ${props.class ?? ''}`} classList={{ 'field-error': Boolean(props.error) }}>
      <label for={id}>{props.label}</label>
      <Show when={props.hint}>
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">Error: </span>
          {props.error}
        </p>
      </Show>
      <select
        id={id}
        class="select"
        aria-describedby={describedBy()}
        aria-invalid={props.error ? true : undefined}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        <For each={props.options}>
          {(option) => (
            <option value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
    </div>
  )
}

/** Options from a labels record, in the record's order. */
export const optionsFrom = <T extends string>(labels: Record<T, string>): SelectOption[] =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }))
