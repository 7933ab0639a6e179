import { For, Show, createMemo, createSignal, createUniqueId } from 'solid-js'
import {
  LIMITS,
  RELATIONSHIP_PHRASES,
  phraseFor,
  type ItemId,
  type Partner,
  type Relationship,
  type Strength
} from '../../../domain/partner'
import { addRelationship, removeRelationship, updateRelationship, type RelationshipPatch } from '../../../crdt/partner-relationships'
import { TextField } from '../../components/TextField'
import { escapeCloses } from './escape-closes'
import { usePartnerMap } from './partner-map-context'
import { SelectField } from '../../components/SelectField'
import { focusAfterRender } from '../../components/focus-after-render'
import { t } from '../../i18n/t'
import { partnerTypeLabel, phraseLabel, strengthLabel } from './partner-labels'
import { partnerChoiceLabels } from './partner-choice-labels'
import { ErrorSummary } from '../../components/ErrorList'

// Functions, not constants: the labels follow the interface language.
const strengthOptions = () => ([3, 2, 1] as const).map((s) => ({ value: String(s), label: strengthLabel(s) }))
const phraseOptions = () => RELATIONSHIP_PHRASES.map((p) => ({ value: p.value, label: phraseLabel(p) }))
const aPartner = (): string => t('partners.relationships.aPartner')

/** A partner's relationships, read from its side ("funds Age UK", "is funded by Oldham"). */
export const RelationshipsSection = (props: { partner: Partner }) => {
  const map = usePartnerMap()
  const headingId = createUniqueId()
  const mine = createMemo(() =>
    map.state().relationships.filter((r) => r.from === props.partner.id || r.to === props.partner.id)
  )
  const others = createMemo(() => map.state().partners.filter((p) => p.id !== props.partner.id))
  const [editing, setEditing] = createSignal<ItemId | null>(null)
  const otherEnd = (r: Relationship) => map.partnerById(r.from === props.partner.id ? r.to : r.from)

  return (
    <section class="partner-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('partners.relationships.heading', { count: mine().length })}</h3>
      <Show when={mine().length > 0} fallback={<p class="muted">{t('partners.relationships.none')}</p>}>
        <ul class="item-list">
          <For each={mine()}>
            {(relationship) => (
              <li id={`relationship-${relationship.id}`}>
                <Show
                  when={editing() === relationship.id}
                  fallback={
                    <div class="item-row">
                      <p class="item-text">
                        {props.partner.name} {phraseLabel(phraseFor(relationship, props.partner.id))}{' '}
                        <button type="button" class="link-button" onClick={() => { const other = otherEnd(relationship); if (other) map.openPartner(other.id) }}>
                          {otherEnd(relationship)?.name}
                        </button>
                        <span class="muted"> · {strengthLabel(relationship.strength)}</span>
                        <Show when={relationship.note}>
                          <span class="relationship-note"> · {relationship.note}</span>
                        </Show>
                      </p>
                      <div class="actions">
                        <button
                          type="button"
                          class="button small"
                          disabled={!map.canEdit()}
                          aria-label={t('partners.relationships.editWith', { name: otherEnd(relationship)?.name ?? aPartner() })}
                          onClick={() => setEditing(relationship.id)}
                        >
                          {t('partners.edit')}
                        </button>
                        <button
                          type="button"
                          class="button small danger-outline"
                          disabled={!map.canEdit()}
                          aria-label={t('partners.relationships.removeWith', { name: otherEnd(relationship)?.name ?? aPartner() })}
                          onClick={() => {
                            const name = otherEnd(relationship)?.name ?? aPartner()
                            if (map.act(() => removeRelationship(map.doc, map.mapId, relationship.id, map.actor(), Date.now()))) {
                              map.announce(t('partners.relationships.removedWith', { name }))
                              document.getElementById(`${headingId}-add`)?.focus()
                            }
                          }}
                        >
                          {t('partners.remove')}
                        </button>
                      </div>
                    </div>
                  }
                >
                  <RelationshipEditForm
                    relationship={relationship}
                    partner={props.partner}
                    otherName={otherEnd(relationship)?.name ?? aPartner()}
                    onDone={() => {
                      setEditing(null)
                      focusAfterRender(() => document.querySelector<HTMLElement>(`#relationship-${relationship.id} .actions button`))
                    }}
                  />
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={others().length > 0} fallback={<p class="hint">{t('partners.relationships.needsAnother')}</p>}>
        <AddRelationshipForm partner={props.partner} others={others()} firstFieldId={`${headingId}-add`} />
      </Show>
    </section>
  )
}

const AddRelationshipForm = (props: { partner: Partner; others: Partner[]; firstFieldId: string }) => {
  const map = usePartnerMap()
  const [phrase, setPhrase] = createSignal('partners-with')
  const [otherId, setOtherId] = createSignal('')
  const [strength, setStrength] = createSignal<Strength>(2)
  const [note, setNote] = createSignal('')
  const [error, setError] = createSignal<string | undefined>()
  // Names can repeat (a food bank's branches): those say what tells them apart.
  const otherLabels = createMemo(() => partnerChoiceLabels(props.others, partnerTypeLabel))
  const submit = (event: SubmitEvent): void => {
    event.preventDefault()
    const chosen = RELATIONSHIP_PHRASES.find((p) => p.value === phrase())
    const other = props.others.find((p) => p.id === otherId())
    if (!other || !chosen) {
      // Cleared first so the summary mounts again, and takes focus, on every refused press.
      setError(undefined)
      setError(t('partners.relationships.chooseOther'))
      return
    }
    setError(undefined)
    const ends = chosen.reverse ? { from: other.id, to: props.partner.id } : { from: props.partner.id, to: other.id }
    const id = map.act(() =>
      addRelationship(map.doc, map.mapId, { ...ends, type: chosen.type, strength: strength(), note: note().trim().slice(0, LIMITS.relationshipNote) }, map.actor(), Date.now())
    )
    if (id) {
      map.announce(t('partners.relationships.added', { from: props.partner.name, phrase: phraseLabel(chosen), to: other.name }))
      setNote('')
      setOtherId('')
    }
  }
  return (
    <form class="stack inline-panel" onSubmit={submit} novalidate aria-label={t('partners.relationships.addTitle')}>
      <h4>{t('partners.relationships.addTitle')}</h4>
      <Show when={error()}>{(message) => <ErrorSummary errors={[message()]} />}</Show>
      <div class="partner-form-grid">
        <SelectField id={props.firstFieldId} label={`${props.partner.name}…`} value={phrase()} options={phraseOptions()} onChange={setPhrase} disabled={!map.canEdit()} />
        <SelectField
          label={t('partners.relationships.other')}
          value={otherId()}
          options={[{ value: '', label: t('partners.relationships.choosePartner') }, ...props.others.map((p) => ({ value: p.id, label: otherLabels().get(p.id) ?? p.name }))]}
          onChange={setOtherId}
          error={error()}
          disabled={!map.canEdit()}
        />
        <SelectField label={t('partners.relationships.strength')} value={String(strength())} options={strengthOptions()} onChange={(v) => setStrength(Number(v) as Strength)} disabled={!map.canEdit()} />
        <TextField label={t('partners.relationships.noteOptional')} value={note()} onInput={setNote} maxLength={LIMITS.relationshipNote} disabled={!map.canEdit()} />
      </div>
      <div class="actions">
        <button type="submit" class="button small" disabled={!map.canEdit()}>
          {t('partners.relationships.add')}
        </button>
      </div>
    </form>
  )
}

const RelationshipEditForm = (props: {
  relationship: Relationship
  /** The partner whose dialog this is: the relationship reads from its side. */
  partner: Partner
  otherName: string
  onDone: () => void
}) => {
  const map = usePartnerMap()
  // Who it joins stays: to relate someone else, remove it and add another. Its type and
  // direction can change ("funds" to "is funded by").
  const [phrase, setPhrase] = createSignal(phraseFor(props.relationship, props.partner.id).value)
  const [strength, setStrength] = createSignal<Strength>(props.relationship.strength)
  const [note, setNote] = createSignal(props.relationship.note)
  const submit = (event: SubmitEvent): void => {
    event.preventDefault()
    const chosen = RELATIONSHIP_PHRASES.find((p) => p.value === phrase())
    if (!chosen) return
    const me = props.partner.id
    const other = props.relationship.from === me ? props.relationship.to : props.relationship.from
    const ends = chosen.reverse ? { from: other, to: me } : { from: me, to: other }
    const patch: RelationshipPatch = {}
    if (chosen.type !== props.relationship.type) patch.type = chosen.type
    if (ends.from !== props.relationship.from) patch.ends = ends
    if (strength() !== props.relationship.strength) patch.strength = strength()
    if (note().trim() !== props.relationship.note) patch.note = note().trim().slice(0, LIMITS.relationshipNote)
    if (map.act(() => updateRelationship(map.doc, map.mapId, props.relationship.id, patch, map.actor(), Date.now()))) {
      map.announce(t('partners.relationships.saved', { from: props.partner.name, phrase: phraseLabel(chosen), to: props.otherName }))
      props.onDone()
    }
  }
  return (
    <form
      class="stack inline-panel"
      onSubmit={submit}
      novalidate
      aria-label={t('partners.relationships.editWith', { name: props.otherName })}
      onKeyDown={escapeCloses(() => props.onDone())}
    >
      <div class="partner-form-grid">
        <SelectField label={t('partners.relationships.howRelates', { from: props.partner.name, to: props.otherName })} value={phrase()} options={phraseOptions()} onChange={setPhrase} />
        <SelectField label={t('partners.relationships.strength')} value={String(strength())} options={strengthOptions()} onChange={(v) => setStrength(Number(v) as Strength)} />
        <TextField label={t('partners.relationships.note')} value={note()} onInput={setNote} maxLength={LIMITS.relationshipNote} />
      </div>
      <div class="actions">
        <button type="submit" class="button primary small">
          {t('partners.relationships.save')}
        </button>
        <button type="button" class="button small" onClick={() => props.onDone()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
