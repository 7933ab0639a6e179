import { Show, type JSX } from 'solid-js'
import { t } from '../i18n/t'
import { inChosenLanguage } from '../i18n/known-in-language'

/** The ids a control needs to be tied to its label, hint and error. */
export interface FieldControlIds {
  id: string
  describedBy: string | undefined
  invalid: true | undefined
}

/**
 * A form field's frame: the label, the hint and the error, tied to the control for
 * assistive technology (the error is read out as "Error: …"). Every field type uses it, so
 * they all look and read the same. An error a schema wrote in the catalogue's English is shown
 * in the chosen language.
 */
export const FieldFrame = (props: {
  id: string
  label: string
  hint?: string | undefined
  error?: string | undefined
  /**
   * What the field made of what was typed ("Rounded to £10.56"), shown after the control, tied
   * to it and said politely when it changes. A field that can have one passes "" while it has
   * nothing to say, so the live region is on the page before its first words.
   */
  note?: string | undefined
  class?: string | undefined
  children: (ids: FieldControlIds) => JSX.Element
}) => {
  const describedBy = (): string | undefined =>
    [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '', props.note ? `${props.id}-note` : ''].filter(Boolean).join(' ') ||
    undefined
  return (
    <div class={`field ${props.class ?? ''}`.trim()} classList={{ 'field-error': Boolean(props.error) }}>
      <label for={props.id}>{props.label}</label>
      <Show when={props.hint}>
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="error-message" id={`${props.id}-error`}>
          <span class="visually-hidden">{t('form.errorPrefix')} </span>
          {inChosenLanguage(props.error ?? '')}
        </p>
      </Show>
      {props.children({
        get id() {
          return props.id
        },
        get describedBy() {
          return describedBy()
        },
        get invalid() {
          return props.error ? (true as const) : undefined
        }
      })}
      <Show when={props.note !== undefined}>
        <p class="hint" id={`${props.id}-note`} aria-live="polite">
          {props.note}
        </p>
      </Show>
    </div>
  )
}
