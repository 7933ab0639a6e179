import { Show } from 'solid-js'
import type { Partner } from '../../../domain/partner'
import { restorePartner } from '../../../crdt/partner-bin'
import { createBinnedPartners } from '../../../reactive/partner-map'
import { focusAfterRender } from '../../components/focus-after-render'
import { usePartnerMap } from './partner-map-context'
import { t } from '../../i18n/t'

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
    const done = map.act(() => restorePartner(map.doc, map.mapId, id))
    if (done === false) map.announce(t('partners.binned.notThere', { name }))
    if (done) map.announce(t('partners.binned.restored', { name }))
    props.onDone()
  }
  return (
    <Show when={inBin()}>
      <div class="alert alert-info binned-notice" role="status">
        <p class="alert-title">{t('partners.binned.title')}</p>
        <p>{t('partners.binned.body', { name: props.partner.name })}</p>
        <div class="actions">
          <button type="button" class="button small" ref={restoreButton} disabled={!map.canEdit()} onClick={restore}>
            {t('partners.binned.restore', { name: props.partner.name })}
          </button>
          <button type="button" class="button small" onClick={() => props.onDone()}>
            {t('partners.binned.dismiss')}
            <span class="visually-hidden"> {t('partners.binned.dismissWhat', { name: props.partner.name })}</span>
          </button>
        </div>
      </div>
    </Show>
  )
}
