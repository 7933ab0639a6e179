import { Show, createUniqueId } from 'solid-js'
import type { Partner, PartnerFields, PartnerId } from '../../../domain/partner'
import { addPartner, updatePartner } from '../../../crdt/partner-map'
import { binPartner } from '../../../crdt/partner-bin'
import { Alert } from '../../components/Alert'
import { Dialog } from '../../components/Dialog'
import { ContactsSection } from './ContactsSection'
import { MentioningNotes } from './MentioningNotes'
import { PartnerDetailsForm } from './PartnerDetailsForm'
import { usePartnerMap } from './partner-map-context'
import { RelationshipsSection } from './RelationshipsSection'
import { ResourcesSection } from './ResourcesSection'
import { focusAfterRender } from '../../components/focus-after-render'
import { t } from '../../i18n/t'

/** Which partner the dialog shows: a new one being added, or one on the map. */
export type PartnerDialogTarget = { kind: 'new' } | { kind: 'partner'; id: PartnerId } | null

/**
 * Everything about one partner in one place: details, contacts, offers and needs,
 * relationships and the notes that mention it. Opened from the table, the graph (click a
 * node) or the matching view. A partner binned or deleted on another device while open says so.
 */
export const PartnerDialog = (props: { target: PartnerDialogTarget; onTarget: (target: PartnerDialogTarget) => void }) => {
  const map = usePartnerMap()
  const partner = (): Partner | undefined => {
    const target = props.target
    return target?.kind === 'partner' ? map.partnerById(target.id) : undefined
  }
  const title = (): string => {
    if (props.target?.kind === 'new') return t('partners.dialog.addTitle')
    return partner()?.name ?? t('partners.dialog.removedTitle')
  }
  const close = (): void => props.onTarget(null)

  const add = (fields: PartnerFields): boolean => {
    const id = map.act(() => addPartner(map.doc, map.mapId, fields, map.actor(), Date.now()))
    if (!id) return false
    map.announce(t('partners.dialog.added', { name: fields.name }))
    props.onTarget({ kind: 'partner', id })
    // The form that had focus is gone; the next step is usually a contact.
    focusAfterRender(() =>
      document.querySelector<HTMLElement>('.partner-dialog .partner-section button:not([disabled])')
    )
    return true
  }

  return (
    <Dialog open={props.target !== null} title={title()} onClose={close}>
      <div class="partner-dialog stack">
        <Show when={props.target?.kind === 'new'}>
          <p class="hint">{t('partners.dialog.addHint')}</p>
          <PartnerDetailsForm submitLabel={t('partners.add')} onSubmit={(fields) => add(fields)} onCancel={close} />
        </Show>
        <Show when={props.target?.kind === 'partner'}>
          <Show
            when={partner()?.id}
            keyed
            fallback={
              <>
                <Alert tone="warning" title={t('partners.dialog.gone')}>
                  <p>{t('partners.dialog.goneBody')}</p>
                </Alert>
                <button type="button" class="button" onClick={close}>
                  {t('common.close')}
                </button>
              </>
            }
          >
            {(id) => <PartnerPanels id={id} onClose={close} />}
          </Show>
        </Show>
      </div>
    </Dialog>
  )
}

/** The sections of an existing partner; `id` is fixed, the data is read live. */
const PartnerPanels = (props: { id: PartnerId; onClose: () => void }) => {
  const map = usePartnerMap()
  const partner = (): Partner => map.partnerById(props.id) as Partner
  const save = (touched: Partial<PartnerFields>): boolean =>
    Boolean(map.act(() => updatePartner(map.doc, map.mapId, props.id, touched, map.actor(), Date.now())))
  return (
    <Show when={map.partnerById(props.id)}>
      <div class="partner-panels">
        <PartnerDetailsForm partner={partner()} submitLabel={t('partners.dialog.saveDetails')} onSubmit={(_, touched) => save(touched)} />
        <ContactsSection partner={partner()} />
        <div class="resource-columns">
          <ResourcesSection partner={partner()} side="offers" />
          <ResourcesSection partner={partner()} side="needs" />
        </div>
        <RelationshipsSection partner={partner()} />
        <MentioningNotes partner={partner()} />
        <MoveToBin partner={partner()} onBinned={props.onClose} />
      </div>
      <div class="actions dialog-footer">
        <button type="button" class="button" onClick={() => props.onClose()}>
          {t('common.close')}
        </button>
      </div>
    </Show>
  )
}

/**
 * Removing a partner moves it to the bin, whole: nothing is lost, so there is no question to
 * answer first. The map then offers to restore it at once (see BinnedPartnerNotice).
 */
const MoveToBin = (props: { partner: Partner; onBinned: () => void }) => {
  const map = usePartnerMap()
  const headingId = createUniqueId()
  return (
    <section class="partner-section remove-partner" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('partners.remove.heading')}</h3>
      <p class="hint">{t('partners.remove.hint')}</p>
      <button
        type="button"
        class="button danger-outline"
        disabled={!map.canEdit()}
        onClick={() => {
          const { id, name } = props.partner
          if (map.act(() => binPartner(map.doc, map.mapId, id, map.actor(), Date.now()))) {
            props.onBinned()
            map.binned({ id, name })
          }
        }}
      >
        {t('partners.remove.button', { name: props.partner.name })}
      </button>
    </section>
  )
}
