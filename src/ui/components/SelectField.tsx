import { For, createUniqueId } from 'solid-js'
import { FieldFrame } from './FieldFrame'

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
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={props.error} class={props.class}>
      {(ids) => (
        <select
          id={id}
          class="select"
          aria-describedby={ids.describedBy}
          aria-invalid={ids.invalid}
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
      )}
    </FieldFrame>
  )
}

/** Options from a labels record, in the record's order. */
export const optionsFrom = <T extends string>(labels: Record<T, string>): SelectOption[] =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }))
