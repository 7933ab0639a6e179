import { For, Show, createSignal, createUniqueId } from 'solid-js'
import { createNote } from '../../../crdt/note-meta'
import { NOTE_TYPES, NOTE_TYPE_LABELS, type NoteType } from '../../../domain/note'
import { noteTemplatesFor, findNoteTemplate } from '../../../domain/templates/note-templates'
import { useActor } from '../../app-context'
import { ErrorSummary } from '../../components/ErrorList'
import { titleProblems } from '../../../domain/artifact-title'
import { TemplateChoice } from '../artifacts/TemplateChoice'
import { href, navigate } from '../../router'
import type { NewArtifactFormProps } from '../artifacts/CreateButton'
import './new-document.css'

const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })

/** Choose the kind of note and a template for it, name it, and start writing. */
const NewNoteForm = (props: NewArtifactFormProps) => {
  const actor = useActor()
  const id = createUniqueId()
  const [type, setType] = createSignal<NoteType>('site-visit')
  const [templateId, setTemplateId] = createSignal('site-visit')
  const [title, setTitle] = createSignal<string | null>(null)
  const [errors, setErrors] = createSignal<string[]>([])
  const templates = () => noteTemplatesFor(type())
  const suggestedTitle = () => `${NOTE_TYPE_LABELS[type()]} – ${shortDate.format(new Date())}`
  const shownTitle = () => title() ?? suggestedTitle()

  const submit = (event: SubmitEvent): void => {
    event.preventDefault()
    const template = findNoteTemplate(templateId())
    const name = shownTitle().trim()
    const problems = [
      ...titleProblems(name, 'note'),
      ...(template ? [] : ['Choose a template'])
    ]
    setErrors(problems)
    const who = actor()
    if (problems.length > 0 || !template || !who) return
    const noteId = createNote(props.doc, { title: name, template, type: type() }, who, Date.now())
    props.onCreated()
    navigate(href.artifact(props.workspaceId, noteId))
  }

  return (
    <form class="stack new-document-form" onSubmit={submit} novalidate>
      <Show when={errors().length > 0}>
        <ErrorSummary errors={errors()} />
      </Show>
      <fieldset class="field choice-grid">
        <legend>Type of note</legend>
        <For each={NOTE_TYPES}>
          {(t) => (
            <label class="choice">
              <input
                type="radio"
                name={`${id}-type`}
                value={t}
                checked={type() === t}
                onChange={() => {
                  setType(t)
                  setTemplateId(noteTemplatesFor(t).find((x) => x.noteType === t)?.id ?? 'blank-note')
                }}
              />
              {NOTE_TYPE_LABELS[t]}
            </label>
          )}
        </For>
      </fieldset>
      <TemplateChoice templates={templates()} chosen={templateId()} onChoose={setTemplateId} />
      <div class="field">
        <label for={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          type="text"
          maxLength={200}
          value={shownTitle()}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </div>
      <div class="actions">
        <button type="submit" class="button primary">
          Create note
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}

export default NewNoteForm
