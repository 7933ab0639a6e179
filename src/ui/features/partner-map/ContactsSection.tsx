import { For, Show, createSignal, createUniqueId } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import {
  ContactFieldsSchema,
  LIMITS,
  changedFields,
  validateFields,
  type Contact,
  type ContactFields,
  type ItemId,
  type Partner
} from '../../../domain/partner'
import { addContact, removeContact, updateContact } from '../../../crdt/partner-items'
import { TextField } from '../../components/TextField'
import { escapeCloses } from './escape-closes'
import { usePartnerMap } from './partner-map-context'
import { editableName } from './shown-partner-names'
import { focusAfterRender } from '../../components/focus-after-render'
import { t } from '../../i18n/t'
import { fieldError } from './field-error'

const EMPTY: ContactFields = { name: '', jobTitle: '', email: '', phone: '' }

/** The people to contact at a partner: listed, added, edited and removed in place. */
export const ContactsSection = (props: { partner: Partner }) => {
  const map = usePartnerMap()
  const headingId = createUniqueId()
  const [editing, setEditing] = createSignal<ItemId | 'new' | null>(null)
  let addButton: HTMLButtonElement | undefined

  const focusAfter = (selector: string): void => {
    focusAfterRender(() => document.querySelector<HTMLElement>(selector))
  }

  return (
    <section class="partner-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('partners.contacts.heading', { count: props.partner.contacts.length })}</h3>
      <Show when={props.partner.contacts.length > 0} fallback={<p class="muted">{t('partners.contacts.none')}</p>}>
        <ul class="item-list">
          <For each={props.partner.contacts}>
            {(contact) => (
              <li id={`contact-${contact.id}`}>
                <Show
                  when={editing() === contact.id}
                  fallback={
                    <ContactCard
                      contact={contact}
                      onEdit={() => setEditing(contact.id)}
                      onRemove={() => {
                        if (map.act(() => removeContact(map.doc, map.mapId, props.partner.id, contact.id, map.actor(), Date.now()))) {
                          map.announce(t('partners.contacts.removed', { name: contact.name }))
                          addButton?.focus()
                        }
                      }}
                    />
                  }
                >
                  <ContactForm
                    title={t('partners.contacts.editNamed', { name: contact.name })}
                    initial={contact}
                    submitLabel={t('partners.contacts.save')}
                    onCancel={() => {
                      setEditing(null)
                      focusAfter(`#contact-${contact.id} button`)
                    }}
                    onSubmit={(fields) => {
                      const patch = changedFields(pickFields(contact), fields)
                      const done = map.act(() => updateContact(map.doc, map.mapId, props.partner.id, contact.id, patch, map.actor(), Date.now()))
                      if (done) {
                        setEditing(null)
                        map.announce(t('partners.contacts.saved', { name: fields.name }))
                        focusAfter(`#contact-${contact.id} button`)
                      }
                      return Boolean(done)
                    }}
                  />
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show
        when={editing() === 'new'}
        fallback={
          <button ref={addButton} type="button" class="button small" disabled={!map.canEdit()} onClick={() => setEditing('new')}>
            {t('partners.contacts.add')}
          </button>
        }
      >
        <ContactForm
          title={t('partners.contacts.new')}
          initial={EMPTY}
          submitLabel={t('partners.contacts.add')}
          onCancel={() => {
            setEditing(null)
            focusAfter(`#${headingId} ~ button`)
          }}
          onSubmit={(fields) => {
            const id = map.act(() => addContact(map.doc, map.mapId, props.partner.id, fields, map.actor(), Date.now()))
            if (id) {
              map.announce(t('partners.contacts.added', { name: fields.name }))
              setEditing(null)
              focusAfter(`#${headingId} ~ button`)
            }
            return Boolean(id)
          }}
        />
      </Show>
    </section>
  )
}

/** Only the editable fields (a Contact also carries its id and creation time). */
const pickFields = (c: ContactFields): ContactFields => ({ name: editableName(c), jobTitle: c.jobTitle, email: c.email, phone: c.phone })

const ContactCard = (props: { contact: Contact; onEdit: () => void; onRemove: () => void }) => {
  const map = usePartnerMap()
  return (
    <div class="item-row">
      <div class="item-text">
        <p class="item-title">{props.contact.name}</p>
        <Show when={props.contact.jobTitle}>
          <p class="muted">{props.contact.jobTitle}</p>
        </Show>
        <p class="contact-ways">
          <Show when={props.contact.email}>
            <a href={`mailto:${props.contact.email}`}>{props.contact.email}</a>
          </Show>
          <Show when={props.contact.phone}>
            <a href={`tel:${props.contact.phone.replace(/[^\d+]/g, '')}`}>{props.contact.phone}</a>
          </Show>
        </p>
      </div>
      <div class="actions">
        <button type="button" class="button small" disabled={!map.canEdit()} onClick={() => props.onEdit()} aria-label={t('partners.contacts.editNamed', { name: props.contact.name })}>
          {t('partners.edit')}
        </button>
        <button type="button" class="button small danger-outline" disabled={!map.canEdit()} onClick={() => props.onRemove()} aria-label={t('partners.contacts.removeNamed', { name: props.contact.name })}>
          {t('partners.remove')}
        </button>
      </div>
    </div>
  )
}

const ContactForm = (props: {
  title: string
  initial: ContactFields
  submitLabel: string
  onSubmit: (fields: ContactFields) => boolean
  onCancel: () => void
}) => {
  const titleId = createUniqueId()
  const [draft, setDraft] = createStore<ContactFields>(pickFields(props.initial))
  const [errors, setErrors] = createSignal<Partial<Record<string, string>>>({})
  const submit = (event: SubmitEvent): void => {
    event.preventDefault()
    const result = validateFields(ContactFieldsSchema, { ...draft })
    if (!result.ok) {
      setErrors(result.errors)
      focusAfterRender(() => (event.target as HTMLElement).querySelector<HTMLElement>('[aria-invalid="true"]'))
      return
    }
    setErrors({})
    if (props.onSubmit(result.value)) setDraft(reconcile({ ...EMPTY }))
  }
  return (
    <form
      class="stack inline-panel"
      aria-labelledby={titleId}
      novalidate
      onSubmit={submit}
      onKeyDown={escapeCloses(() => props.onCancel())}
    >
      <h4 id={titleId}>{props.title}</h4>
      <div class="partner-form-grid">
        <TextField label={t('partners.contacts.name')} value={draft.name} onInput={(v) => setDraft('name', v)} error={fieldError(errors().name)} maxLength={LIMITS.contactName} autocomplete="off" inputRef={(el) => focusAfterRender(() => el)} />
        <TextField label={t('partners.contacts.jobTitle')} value={draft.jobTitle} onInput={(v) => setDraft('jobTitle', v)} error={fieldError(errors().jobTitle)} maxLength={LIMITS.jobTitle} />
        <TextField label={t('partners.contacts.email')} type="email" value={draft.email} onInput={(v) => setDraft('email', v)} error={fieldError(errors().email)} maxLength={LIMITS.email} />
        <TextField label={t('partners.contacts.phone')} value={draft.phone} onInput={(v) => setDraft('phone', v)} error={fieldError(errors().phone)} maxLength={LIMITS.phone} />
      </div>
      <div class="actions">
        <button type="submit" class="button primary small">
          {props.submitLabel}
        </button>
        <button type="button" class="button small" onClick={() => props.onCancel()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
