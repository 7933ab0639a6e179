import { Show, createUniqueId, type JSX } from 'solid-js'
import { FieldFrame } from './FieldFrame'

interface TextFieldProps {
  label: string
  value: string
  onInput: (value: string) => void
  /** When the person commits the value: leaves the field, or presses Enter in a one-line field. */
  onChange?: (value: string) => void
  hint?: string
  error?: string | undefined
  /** What the field made of what was typed (FieldFrame): "" while there is nothing to say. */
  note?: string | undefined
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
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={props.error} note={props.note}>
      {(ids) => {
        const common = (): JSX.InputHTMLAttributes<HTMLInputElement> & JSX.TextareaHTMLAttributes<HTMLTextAreaElement> => ({
          id,
          name: id,
          value: props.value,
          'aria-describedby': ids.describedBy,
          'aria-invalid': ids.invalid,
          required: props.required,
          disabled: props.disabled,
          maxLength: props.maxLength
        })
        return (
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
        )
      }}
    </FieldFrame>
  )
}
