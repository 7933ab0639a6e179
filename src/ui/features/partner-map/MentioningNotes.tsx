import { For, Show, createUniqueId } from 'solid-js'
import type { Partner } from '../../../domain/partner'
import { createNotesMentioningPartner } from '../../../reactive/partner-map'
import { href } from '../../router'
import { RelativeTime } from '../../components/RelativeTime'
import { usePartnerMap } from './partner-map-context'
import { t } from '../../i18n/t'
import { kindLabel } from '../../i18n/kind-label'

/** Notes (and reports) whose details name this partner, newest edit first. */
export const MentioningNotes = (props: { partner: Partner }) => {
  const map = usePartnerMap()
  const headingId = createUniqueId()
  const notes = createNotesMentioningPartner(map.doc, props.partner.id)
  return (
    <section class="partner-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('partners.mentions.heading', { name: props.partner.name, count: notes().length })}</h3>
      <Show
        when={notes().length > 0}
        fallback={<p class="muted">{t('partners.mentions.none')}</p>}
      >
        <ul class="item-list">
          <For each={notes()}>
            {(note) => (
              <li class="item-row">
                <a href={href.artifact(map.workspaceId, note.id)}>{note.title || t('common.untitled')}</a>
                <span class="muted">
                  {t('partners.mentions.edited', { kind: kindLabel(note.kind, 'one') })} <RelativeTime time={note.updatedAt} />
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  )
}
