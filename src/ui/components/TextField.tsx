import { Show, createUniqueId, type JSX } from 'solid-js'

interface TextFieldProps {
  label: string
  value: string
  onInput: (value: string) => void
  /** When the person commits the value: leaves the field, or presses Enter in a one-line field. */
  onChange?: (value: string) => void
  hint?: string
  error?: string | undefined
  multiline?: boolean
  type?: 'text' | 'date' | 'email' | 'url' | 'password'
  list?: string
  autocomplete?: string
  required?: boolean
  maxLength?: number
  disabled?: boolean
  inputRef?: (el: HTMLInputElement | HTMLTextAreaElement) => void
}

/** A labelled input with its hint and error tied to it for assistive technology. */
export const TextField = (props: TextFieldProps) => {
  const id = createUniqueId()
  const describedBy = (): string | undefined =>
    [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  const common = (): JSX.InputHTMLAttributes<HTMLInputElement> & JSX.TextareaHTMLAttributes<HTMLTextAreaElement> => ({
    id,
    name: id,
    value: props.value,
    'aria-describedby': describedBy(),
    'aria-invalid': props.error ? true : undefined,
    required: props.required,
    disabled: props.disabled,
    maxLength: props.maxLength
  })
  return (
    <div class="field" classList={{ 'field-error': Boolean(props.error) }}>
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
      <Show
        when={props.multiline}
        fallback={
          <input
            {...common()}
            ref={(el) => props.inputRef?.(el)}
            type={props.type ?? 'text'}
            list={props.list}
            autocomplete={props.autocomplete ?? 'off'}
            onInput={(e) => props.onInput(e.currentTarget.value)}
            onChange={(e) => props.onChange?.(e.currentTarget.value)}
          />
        }
      >
        <textarea
          {...common()}
          ref={(el) => props.inputRef?.(el)}
          rows={4}
          onInput={(e) => props.onInput(e.currentTarget.value)}
          onChange={(e) => props.onChange?.(e.currentTarget.value)}
        />
      </Show>
    </div>
  )
}
