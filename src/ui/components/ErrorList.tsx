import { For, Show, createSignal, onMount } from 'solid-js'
import { InPageLink } from './InPageLink'
import { inChosenLanguage } from '../i18n/known-in-language'
import { t } from '../i18n/t'

/**
 * The summary at the top of a form that failed validation. Render it inside a <Show> so it
 * mounts each time errors appear; it takes focus then, so the problem is announced.
 *
 * Each message that a field of the same form also shows (FieldFrame puts it beside the
 * field, in `#<field id>-error`) links to that field, as in the GOV.UK error summary: a
 * keyboard or screen-reader user goes straight to what needs fixing. Messages a schema wrote in
 * the catalogue's English are shown in the chosen language, as FieldFrame shows them.
 */
export const ErrorSummary = (props: { errors: string[] }) => {
  let box: HTMLDivElement | undefined
  const [fieldIds, setFieldIds] = createSignal<Record<string, string>>({})
  onMount(() => {
    const found: Record<string, string> = {}
    for (const shown of box?.closest('form')?.querySelectorAll<HTMLElement>('.field .error-message[id$="-error"]') ?? []) {
      const message = shown.lastChild?.textContent?.trim() ?? ''
      found[message] ??= shown.id.slice(0, -'-error'.length)
    }
    setFieldIds(found)
    box?.focus()
  })
  return (
    <div ref={box} class="error-summary" role="alert" tabindex="-1">
      <h2>{t('form.problemTitle')}</h2>
      <ul>
        <For each={props.errors.map(inChosenLanguage)}>
          {(e) => (
            <li>
              <Show when={fieldIds()[e]} fallback={e}>
                {(fieldId) => <InPageLink target={fieldId()}>{e}</InPageLink>}
              </Show>
            </li>
          )}
        </For>
      </ul>
    </div>
  )
}
