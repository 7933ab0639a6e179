import { For, Show, createSignal, createUniqueId } from 'solid-js'
import type * as Y from 'yjs'
import { KNOWN_CCIN_MEMBERS } from '../../../domain/councils'
import {
  SECTION_STATUSES,
  SectionAssignmentSchema,
  type OutlineEntry,
  type SectionAssignment
} from '../../../domain/report'
import { createMembers } from '../../../reactive/workspace-projections'
import { Dialog } from '../../components/Dialog'
import { ErrorSummary } from '../../components/ErrorList'
import { labCouncils } from '../export/export-source'
import '../artifacts/new-document.css'
import { FormActions } from '../../components/FormActions'
import { currentTranslator, t } from '../../i18n/t'
import { outlineTitle } from './outline-entry-text'

/** Assigns one section to an owner and a council and sets its status. */
export const SectionAssignmentDialog = (props: {
  doc: Y.Doc
  entry: OutlineEntry | null
  current: SectionAssignment
  onClose: () => void
  onSave: (change: SectionAssignment) => boolean
}) => (
  <Dialog
    open={props.entry !== null}
    title={props.entry ? t('sectionAssign.title', { title: outlineTitle(props.entry, currentTranslator()) }) : t('sectionAssign.titleNone')}
    onClose={props.onClose}
  >
    <Show when={props.entry}>
      <AssignmentForm doc={props.doc} current={props.current} onClose={props.onClose} onSave={props.onSave} />
    </Show>
  </Dialog>
)

const AssignmentForm = (props: {
  doc: Y.Doc
  current: SectionAssignment
  onClose: () => void
  onSave: (change: SectionAssignment) => boolean
}) => {
  const id = createUniqueId()
  const members = createMembers(props.doc)
  const [owner, setOwner] = createSignal(props.current.owner)
  const [council, setCouncil] = createSignal(props.current.council)
  const [status, setStatus] = createSignal(props.current.status)
  const [errors, setErrors] = createSignal<string[]>([])
  const councils = () => [...new Set([...labCouncils(props.doc), ...members().map((m) => m.organisation), ...KNOWN_CCIN_MEMBERS])]

  return (
    <form
      class="stack"
      novalidate
      onSubmit={(event) => {
        event.preventDefault()
        const parsed = SectionAssignmentSchema.safeParse({ owner: owner().trim(), council: council().trim(), status: status() })
        if (!parsed.success) {
          setErrors(parsed.error.issues.map((i) => i.message))
          return
        }
        if (props.onSave(parsed.data)) props.onClose()
        else setErrors([t('sectionAssign.failed')])
      }}
    >
      <Show when={errors().length > 0}>
        <ErrorSummary errors={errors()} />
      </Show>
      <div class="field">
        <label for={`${id}-owner`}>{t('sectionAssign.owner')}</label>
        <input
          id={`${id}-owner`}
          type="text"
          list={`${id}-people`}
          maxLength={80}
          autocomplete="off"
          value={owner()}
          onInput={(e) => setOwner(e.currentTarget.value)}
          ref={(el) => queueMicrotask(() => el.focus())}
        />
        <datalist id={`${id}-people`}>
          <For each={members()}>{(m) => <option value={m.name} />}</For>
        </datalist>
      </div>
      <div class="field">
        <label for={`${id}-council`}>{t('sectionAssign.council')}</label>
        <input
          id={`${id}-council`}
          type="text"
          list={`${id}-councils`}
          maxLength={120}
          autocomplete="off"
          value={council()}
          onInput={(e) => setCouncil(e.currentTarget.value)}
        />
        <datalist id={`${id}-councils`}>
          <For each={councils()}>{(c) => <option value={c} />}</For>
        </datalist>
      </div>
      <fieldset class="field">
        <legend>{t('sectionAssign.status')}</legend>
        <div class="choice-row">
          <For each={SECTION_STATUSES}>
            {(s) => (
              <label class="choice">
                <input type="radio" name={`${id}-status`} value={s} checked={status() === s} onChange={() => setStatus(s)} />
                {t(`sectionStatus.${s}`)}
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <FormActions onCancel={props.onClose}>{t('sectionAssign.save')}</FormActions>
    </form>
  )
}
