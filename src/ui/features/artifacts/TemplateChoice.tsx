import { For, createUniqueId } from 'solid-js'
import type { DocumentTemplate } from '../../../domain/templates/template'
import { t } from '../../i18n/t'

/** "Start from": one radio per template, each with its description. */
export const TemplateChoice = (props: {
  templates: readonly DocumentTemplate[]
  chosen: string
  onChoose: (id: string) => void
}) => {
  const id = createUniqueId()
  return (
    <fieldset class="field template-choice">
      <legend>{t('newDocument.startFrom')}</legend>
      <For each={props.templates}>
        {(template) => (
          <label class="template-option">
            <input
              type="radio"
              name={`${id}-template`}
              value={template.id}
              checked={props.chosen === template.id}
              aria-describedby={`${id}-${template.id}-hint`}
              onChange={() => props.onChoose(template.id)}
            />
            <span>
              <span class="template-name">{template.name}</span>
              <span class="hint template-hint" id={`${id}-${template.id}-hint`}>
                {template.description}
              </span>
            </span>
          </label>
        )}
      </For>
    </fieldset>
  )
}
