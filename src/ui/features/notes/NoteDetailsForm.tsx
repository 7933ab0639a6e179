import { For, Show, createSignal, createUniqueId } from 'solid-js'
import type * as Y from 'yjs'
import { setArtifactTags } from '../../../crdt/artifacts'
import { setNoteField, setNoteParticipants } from '../../../crdt/note-meta'
import { KNOWN_CCIN_MEMBERS } from '../../../domain/councils'
import type { ArtifactId } from '../../../domain/ids'
import { parseListText } from '../../../domain/list-text'
import { NOTE_TYPES, parseNoteField, type NoteScalarField } from '../../../domain/note'
import { parseTags } from '../../../domain/tags'
import { createNoteMeta } from '../../../reactive/document-projections'
import { useActor } from '../../app-context'
import { TextField } from '../../components/TextField'
import { labCouncils } from '../export/export-source'
import { NotePartnerPicker } from '../partner-map/NotePartnerPicker'
import { t } from '../../i18n/t'

/**
 * A note's details, saved field by field as soon as a field is left (or a choice made), so
 * two people filling in different fields at once both keep what they wrote. While someone
 * types in a field, a colleague's change to that same field does not overwrite their typing.
 */
export const NoteDetailsForm = (props: { doc: Y.Doc; artifactId: ArtifactId; tags: string[]; readOnly: boolean }) => {
  const meta = createNoteMeta(props.doc, props.artifactId)
  const actor = useActor()
  const id = createUniqueId()
  const [errors, setErrors] = createSignal<Partial<Record<string, string>>>({})
  const [status, setStatus] = createSignal('')

  const saved = (label: string): void => {
    setStatus(t('note.fieldSaved', { field: label }))
  }
  const commitField = (field: NoteScalarField, label: string, raw: string): void => {
    const who = actor()
    if (!who || props.readOnly) return
    const parsed = parseNoteField(field, raw)
    if (!parsed.ok) {
      setErrors((e) => ({ ...e, [field]: parsed.message }))
      return
    }
    setErrors((e) => ({ ...e, [field]: undefined }))
    setNoteField(props.doc, props.artifactId, field, parsed.value, who, Date.now())
    saved(label)
  }
  const councils = () => [...new Set([...labCouncils(props.doc), ...KNOWN_CCIN_MEMBERS])]

  return (
    <section class="panel note-details no-print-border" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('note.details')}</h2>
      <form class="details-grid" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for={`${id}-type`}>{t('note.type')}</label>
          <select
            id={`${id}-type`}
            disabled={props.readOnly}
            value={meta().type ?? ''}
            onChange={(e) => commitField('type', t('note.type'), e.currentTarget.value)}
          >
            <option value="">{t('common.notSet')}</option>
            <For each={NOTE_TYPES}>{(type) => <option value={type}>{t(`noteType.${type}`)}</option>}</For>
          </select>
        </div>
        <DraftInput
          label={t('note.date')}
          type="date"
          stored={meta().date}
          error={errors().date}
          disabled={props.readOnly}
          onCommit={(v) => commitField('date', t('note.date'), v)}
        />
        <DraftInput
          label={t('note.council')}
          stored={meta().council}
          list={`${id}-councils`}
          error={errors().council}
          disabled={props.readOnly}
          onCommit={(v) => commitField('council', t('note.council'), v)}
        />
        <datalist id={`${id}-councils`}>
          <For each={councils()}>{(c) => <option value={c} />}</For>
        </datalist>
        <DraftInput
          label={t('note.place')}
          stored={meta().place}
          error={errors().place}
          disabled={props.readOnly}
          onCommit={(v) => commitField('place', t('note.place'), v)}
        />
        <DraftInput
          label={t('note.participants')}
          hint={t('note.participantsHint')}
          multiline
          stored={meta().participants.join('\n')}
          disabled={props.readOnly}
          onCommit={(v) => {
            const who = actor()
            if (!who || props.readOnly) return
            setNoteParticipants(props.doc, props.artifactId, parseListText(v), who, Date.now())
            saved(t('note.participants'))
          }}
        />
        <DraftInput
          label={t('note.tags')}
          hint={t('note.tagsHint')}
          stored={props.tags.join(', ')}
          disabled={props.readOnly}
          onCommit={(v) => {
            const who = actor()
            if (!who || props.readOnly) return
            setArtifactTags(props.doc, props.artifactId, parseTags(v), who, Date.now())
            saved(t('note.tags'))
          }}
        />
      </form>
      <NotePartnerPicker doc={props.doc} noteId={props.artifactId} readOnly={props.readOnly} />
      <p class="hint" role="status">
        {status()}
      </p>
    </section>
  )
}

/**
 * A field that shows the stored value until someone types, keeps their draft while they
 * type, and commits it when they leave the field or press Enter.
 */
const DraftInput = (props: {
  label: string
  stored: string
  onCommit: (value: string) => void
  type?: 'text' | 'date'
  hint?: string
  list?: string
  error?: string | undefined
  multiline?: boolean
  disabled?: boolean
}) => {
  const [draft, setDraft] = createSignal<string | null>(null)
  const commit = (): void => {
    const current = draft()
    setDraft(null)
    if (current !== null && current !== props.stored) props.onCommit(current)
  }
  const field = () => (
    <TextField
      label={props.label}
      value={draft() ?? props.stored}
      onInput={setDraft}
      onChange={commit}
      type={props.type}
      hint={props.hint}
      list={props.list}
      error={props.error}
      multiline={props.multiline}
      disabled={props.disabled}
    />
  )
  return <Show when={props.multiline} fallback={field()}><div class="field-wide">{field()}</div></Show>
}
