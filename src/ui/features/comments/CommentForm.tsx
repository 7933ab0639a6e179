import { Show, createSignal, createUniqueId, onMount } from 'solid-js'
import type { CommentOutcome } from './CommentsPanel'
import { t } from '../../i18n/t'
import { inChosenLanguage } from '../../i18n/known-in-language'

/** A labelled text box with submit and cancel, for a new comment or a reply. */
export const CommentForm = (props: {
  label: string
  submitLabel: string
  autofocus?: boolean
  onSubmit: (body: string) => CommentOutcome
  onCancel: () => void
}) => {
  const id = createUniqueId()
  const [body, setBody] = createSignal('')
  const [error, setError] = createSignal<string | null>(null)
  let box: HTMLTextAreaElement | undefined
  onMount(() => {
    if (props.autofocus) box?.focus()
  })
  return (
    <form
      class="comment-form"
      onSubmit={(event) => {
        event.preventDefault()
        const outcome = props.onSubmit(body())
        if (outcome.ok) {
          setBody('')
          setError(null)
        } else {
          setError(outcome.message)
          box?.focus()
        }
      }}
    >
      <div class="field" classList={{ 'field-error': error() !== null }}>
        <label for={id}>{props.label}</label>
        <Show when={error()}>
          <p class="error-message" id={`${id}-error`}>
            <span class="visually-hidden">{t('comments.error')} </span>
            {inChosenLanguage(error() ?? '')}
          </p>
        </Show>
        <textarea
          ref={box}
          id={id}
          rows={3}
          value={body()}
          aria-invalid={error() ? 'true' : undefined}
          aria-describedby={error() ? `${id}-error` : undefined}
          onInput={(e) => setBody(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit()
            if (e.key === 'Escape') {
              e.preventDefault()
              props.onCancel()
            }
          }}
        />
      </div>
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
