import { For, createSignal, createUniqueId } from 'solid-js'
import { createNote } from '../../../crdt/note-meta'
import { NOTE_TYPES, type NoteType } from '../../../domain/note'
import { noteTemplatesFor } from '../../../domain/templates/note-templates'
import type { NewArtifactFormProps } from '../artifacts/CreateButton'
import { NewDocumentForm } from '../artifacts/NewDocumentForm'
import { localisedNoteTemplates } from '../artifacts/localised-document-templates'
import { t } from '../../i18n/t'
import { formatDate } from '../../i18n/intl-format'


/** The template a type starts with: its own, else the blank note. */
const templateFor = (type: NoteType): string => noteTemplatesFor(type).find((template) => template.noteType === type)?.id ?? 'blank-note'

/** Choose the kind of note and a template for it, name it, and start writing. */
const NewNoteForm = (props: NewArtifactFormProps) => {
  const id = createUniqueId()
  const [type, setType] = createSignal<NoteType>('site-visit')
  const [templateId, setTemplateId] = createSignal(templateFor('site-visit'))
  // Until the person types a title, it follows the type: "Interview – 14 Mar 2026".
  const [title, setTitle] = createSignal<string | null>(null)
  const shownTitle = () => title() ?? t('note.defaultTitle', { type: t(`noteType.${type()}`), date: formatDate(new Date(), 'short-day') })
  return (
    <NewDocumentForm
      {...props}
      kind="note"
      templates={localisedNoteTemplates(type())}
      templateId={templateId()}
      onTemplate={setTemplateId}
      title={shownTitle()}
      onTitle={setTitle}
      create={(template, name, who) => createNote(props.doc, { title: name, template, type: type() }, who, Date.now())}
    >
      <fieldset class="field choice-grid">
        <legend>{t('note.typeOfNote')}</legend>
        <For each={NOTE_TYPES}>
          {(noteType) => (
            <label class="choice">
              <input
                type="radio"
                name={`${id}-type`}
                value={noteType}
                checked={type() === noteType}
                onChange={() => {
                  setType(noteType)
                  setTemplateId(templateFor(noteType))
                }}
              />
              {t(`noteType.${noteType}`)}
            </label>
          )}
        </For>
      </fieldset>
    </NewDocumentForm>
  )
}

export default NewNoteForm
