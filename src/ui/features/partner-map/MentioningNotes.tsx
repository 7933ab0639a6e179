import { For, Show, createUniqueId } from 'solid-js'
import { ARTIFACT_KIND_LABELS } from '../../../domain/artifact'
import type { Partner } from '../../../domain/partner'
import { createNotesMentioningPartner } from '../../../reactive/partner-map'
import { href } from '../../router'
import { RelativeTime } from '../../components/RelativeTime'
import { usePartnerMap } from './partner-map-context'

/** Notes (and reports) whose details name this partner, newest edit first. */
export const MentioningNotes = (props: { partner: Partner }) => {
  const map = usePartnerMap()
  const headingId = createUniqueId()
  const notes = createNotesMentioningPartner(map.doc, props.partner.id)
  return (
    <section class="partner-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Notes that mention {props.partner.name} ({notes().length})</h3>
      <Show
        when={notes().length > 0}
        fallback={<p class="muted">No notes name this partner yet. Name partners in a note’s details to link them here.</p>}
      >
        <ul class="item-list">
          <For each={notes()}>
            {(note) => (
              <li class="item-row">
                <a href={href.artifact(map.workspaceId, note.id)}>{note.title || 'Untitled'}</a>
                <span class="muted">
                  {ARTIFACT_KIND_LABELS[note.kind].one} · edited <RelativeTime time={note.updatedAt} />
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  )
}
