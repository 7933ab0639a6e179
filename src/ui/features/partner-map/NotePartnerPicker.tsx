import { For, Show, createMemo, createSignal, createUniqueId } from 'solid-js'
import type * as Y from 'yjs'
import type { ArtifactId } from '../../../domain/ids'
import type { PartnerId } from '../../../domain/partner'
import { setNotePartners, type PartnerChoice } from '../../../crdt/partner-notes'
import { createNotePartnerIds, createPartnerChoices } from '../../../reactive/partner-map'
import { withShownNames } from './shown-partner-names'
import { useActor } from '../../app-context'
import { href } from '../../router'
import { partnerChoiceLabels } from './partner-choice-labels'
import { partnerTypeLabel } from './partner-labels'
import './note-partners.css'
import { t } from '../../i18n/t'

/**
 * The partners a note mentions, in the note's details: chosen from the partner map, each a
 * link to the map, removable; the partner's own page lists the notes that name it. Kept free
 * of the map's heavy code (graph, CSV), so the note view stays light.
 */
export const NotePartnerPicker = (props: { doc: Y.Doc; noteId: ArtifactId; readOnly: boolean }) => {
  // The workspace doc's guid is the workspace id (crdt/workspace-doc).
  const workspaceId = props.doc.guid
  const id = createUniqueId()
  const actor = useActor()
  const stored = createPartnerChoices(props.doc)
  const choices = createMemo(() => stored().map(withShownNames))
  const named = createNotePartnerIds(props.doc, props.noteId)
  const [picked, setPicked] = createSignal('')
  const [status, setStatus] = createSignal('')
  const byId = createMemo(() => new Map<string, PartnerChoice>(choices().map((c) => [c.id, c])))
  // Names can repeat (a food bank's branches): those say what tells them apart, as the map's own picker does.
  const labels = createMemo(() => partnerChoiceLabels(choices(), partnerTypeLabel))
  const label = (choice: PartnerChoice): string => labels().get(choice.id) ?? choice.name
  // Partners removed from the map (or not yet on this device) are not shown, but stay named.
  const chosen = createMemo(() => named().flatMap((pid) => byId().get(pid) ?? []))
  const available = createMemo(() => {
    const taken = new Set<string>(named())
    return choices().filter((c) => !taken.has(c.id))
  })
  const write = (ids: PartnerId[], message: string): void => {
    const who = actor()
    if (!who || props.readOnly) return
    setNotePartners(props.doc, props.noteId, ids, who, Date.now())
    setStatus(message)
  }
  const add = (event: SubmitEvent): void => {
    event.preventDefault()
    const choice = byId().get(picked())
    if (!choice) return
    write([...named(), choice.id], t('partners.picker.added', { name: label(choice) }))
    setPicked('')
  }
  return (
    <fieldset class="field note-partners" aria-describedby={`${id}-hint`}>
      <legend>{t('partners.picker.legend')}</legend>
      <p class="hint" id={`${id}-hint`}>
        <Show when={choices().length > 0} fallback={t('partners.picker.noneOnMap')}>
          {t('partners.picker.hint')}
        </Show>
      </p>
      <Show when={chosen().length > 0}>
        <ul class="inline-list note-partner-list">
          <For each={chosen()}>
            {(partner) => (
              <li>
                <a href={href.artifact(workspaceId, partner.mapId)}>{label(partner)}</a>{' '}
                <button
                  type="button"
                  class="note-partner-remove"
                  disabled={props.readOnly}
                  aria-label={t('partners.picker.removeNamed', { name: label(partner) })}
                  onClick={() => write(named().filter((pid) => pid !== partner.id), t('partners.picker.removed', { name: label(partner) }))}
                >
                  ×
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={available().length > 0}>
        <form class="inline-form" onSubmit={add} aria-label={t('partners.picker.form')}>
          <div class="field">
            <label for={`${id}-pick`}>{t('partners.picker.partner')}</label>
            <select id={`${id}-pick`} disabled={props.readOnly} onChange={(e) => setPicked(e.currentTarget.value)}>
              <option value="" selected={picked() === ''}>
                {t('partners.relationships.choosePartner')}
              </option>
              <For each={available()}>{(c) => <option value={c.id} selected={picked() === c.id}>{label(c)}</option>}</For>
            </select>
          </div>
          <button type="submit" class="button small" disabled={props.readOnly || picked() === ''}>
            {t('partners.add')}
          </button>
        </form>
      </Show>
      <p class="visually-hidden" role="status">
        {status()}
      </p>
    </fieldset>
  )
}
