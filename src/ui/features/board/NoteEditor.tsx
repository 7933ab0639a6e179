import { For, createSignal, createUniqueId, onMount } from 'solid-js'
import { STICKY_COLOURS } from '../../../domain/board'
import { t } from '../../i18n/t'

export const MAX_NOTE_LENGTH = 500

/**
 * The text and colour of a sticky note, for a new note and for editing one. Enter saves,
 * Shift + Enter starts a new line, Escape cancels.
 */
export const NoteEditor = (props: {
  label: string
  initialText?: string
  colour: string
  onColour: (colour: string) => void
  submitLabel: string
  onSubmit: (text: string) => boolean
  onCancel: () => void
  cancelLabel?: string
  keepOpen?: boolean
}) => {
  const id = createUniqueId()
  const [text, setText] = createSignal(props.initialText ?? '')
  const [error, setError] = createSignal<string | null>(null)
  let field: HTMLTextAreaElement | undefined
  onMount(() => {
    field?.focus()
    field?.select()
  })

  const submit = (): void => {
    const value = text().trim()
    if (!value) {
      setError(t('board.noteEmpty'))
      field?.focus()
      return
    }
    setError(null)
    if (props.onSubmit(value) && props.keepOpen) {
      setText('')
      field?.focus()
    }
  }

  return (
    <form
      class="note-editor"
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
      onKeyDown={(event) => {
        // Editing keys must not move the note.
        event.stopPropagation()
        if (event.key === 'Escape') {
          event.preventDefault()
          props.onCancel()
        }
      }}
    >
      <label for={`${id}-text`}>{props.label}</label>
      <textarea
        ref={field}
        id={`${id}-text`}
        rows={3}
        maxLength={MAX_NOTE_LENGTH}
        value={text()}
        aria-invalid={error() ? true : undefined}
        aria-describedby={error() ? `${id}-error` : `${id}-hint`}
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault()
            submit()
          }
        }}
      />
      <p class="hint visually-hidden" id={`${id}-hint`}>
        {t('board.noteKeys')}
      </p>
      {error() && (
        <p class="error-message" id={`${id}-error`}>
          {error()}
        </p>
      )}
      <fieldset class="sticky-colours">
        <legend>{t('board.colour')}</legend>
        <For each={STICKY_COLOURS}>
          {(colour) => (
            <label class="sticky-colour" title={t(`board.colour.${colour.name}`)}>
              <input
                type="radio"
                name={`${id}-colour`}
                value={colour.value}
                checked={props.colour === colour.value}
                onChange={() => props.onColour(colour.value)}
              />
              <span class="sticky-swatch" style={{ 'background-color': colour.value }} aria-hidden="true" />
              <span class="visually-hidden">{t(`board.colour.${colour.name}`)}</span>
            </label>
          )}
        </For>
      </fieldset>
      <div class="actions">
        <button type="submit" class="button primary small">
          {props.submitLabel}
        </button>
        <button type="button" class="button small" onClick={() => props.onCancel()}>
          {props.cancelLabel ?? t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
