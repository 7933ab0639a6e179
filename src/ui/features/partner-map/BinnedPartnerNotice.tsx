import { Show } from 'solid-js'
import type { Partner } from '../../../domain/partner'
import { restorePartner } from '../../../crdt/partner-bin'
import { createBinnedPartners } from '../../../reactive/partner-map'
import { focusAfterRender } from '../../components/focus-after-render'
import { usePartnerMap } from './partner-map-context'

/**
 * Said after this person moved a partner to the bin: what happened, and a Restore button so
 * a slip is undone in one step. It takes focus (the dialog it came from has closed and the
 * partner's row is gone), and goes when dismissed, when the partner leaves the bin (restored
 * here, from the bin or on another device, or deleted for good), or when another is binned.
 */
export const BinnedPartnerNotice = (props: { partner: Pick<Partner, 'id' | 'name'>; onDone: () => void }) => {
  const map = usePartnerMap()
  const bin = createBinnedPartners(map.doc)
  const inBin = (): boolean => bin().some((p) => p.id === props.partner.id)
  let restoreButton: HTMLButtonElement | undefined
  focusAfterRender(() => restoreButton)
  const restore = (): void => {
    const { id, name } = props.partner
    const done = map.act(() => restorePartner(map.doc, map.mapId, id, map.actor(), Date.now()))
    if (done === false) map.announce(`${name} is no longer in the bin.`)
    if (done) map.announce(`${name} restored, with its contacts and relationships.`)
    props.onDone()
  }
  return (
    <Show when={inBin()}>
      <div class="alert alert-info binned-notice" role="status">
        <p class="alert-title">Partner moved to the bin</p>
        <p>
          {props.partner.name} is off the map, with its contacts and relationships. Restore it here, or later from the bin.
        </p>
        <div class="actions">
          <button type="button" class="button small" ref={restoreButton} disabled={!map.canEdit()} onClick={restore}>
            Restore {props.partner.name}
          </button>
          <button type="button" class="button small" onClick={() => props.onDone()}>
            Dismiss<span class="visually-hidden"> the message about {props.partner.name}</span>
          </button>
        </div>
      </div>
    </Show>
  )
}
