import { createSignal, createUniqueId, onMount } from 'solid-js'
import { t } from '../../i18n/t'

/** A one-line name field with save and cancel, used to name columns and groups in place. */
export const InlineNameForm = (props: {
  label: string
  initial: string
  submitLabel: string
  onSubmit: (name: string) => void
  onCancel: () => void
}) => {
  const id = createUniqueId()
  const [value, setValue] = createSignal(props.initial)
  const [error, setError] = createSignal<string | null>(null)
  let input: HTMLInputElement | undefined
  onMount(() => {
    input?.focus()
    input?.select()
  })
  return (
    <form
      class="inline-name-form"
      onSubmit={(event) => {
        event.preventDefault()
        const name = value().trim()
        if (!name) {
          setError(t('board.nameMissing', { name: props.label.toLowerCase() }))
          input?.focus()
          return
        }
        props.onSubmit(name)
      }}
      onKeyDown={(event) => {
        event.stopPropagation()
        if (event.key === 'Escape') {
          event.preventDefault()
          props.onCancel()
        }
      }}
    >
      <label for={id}>{props.label}</label>
      <input
        ref={input}
        id={id}
        type="text"
        maxLength={80}
        value={value()}
        aria-invalid={error() ? true : undefined}
        aria-describedby={error() ? `${id}-error` : undefined}
        onInput={(event) => setValue(event.currentTarget.value)}
      />
      {error() && (
        <p class="error-message" id={`${id}-error`}>
          {error()}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="button small primary">
          {props.submitLabel}
        </button>
        <button type="button" class="button small" onClick={() => props.onCancel()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
