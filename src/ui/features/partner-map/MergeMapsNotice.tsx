import { For, Show } from 'solid-js'
import type { ArtifactId } from '../../../domain/ids'
import { mergePartnerMaps } from '../../../crdt/partner-merge'
import { createArtifactSummaries } from '../../../reactive/workspace-projections'
import { Alert } from '../../components/Alert'
import { RelativeTime } from '../../components/RelativeTime'
import { usePartnerMap } from './partner-map-context'
import { t } from '../../i18n/t'

/**
 * A lab keeps one partner map. When two devices each started one before they first synced,
 * both maps exist; this offers to fold the other one into this one (it then goes to the bin).
 */
export const MergeMapsNotice = (props: { mapId: ArtifactId }) => {
  const map = usePartnerMap()
  const summaries = createArtifactSummaries(map.doc)
  const others = () => summaries().filter((a) => a.kind === 'partner-map' && a.deletedAt === null && a.id !== props.mapId)
  return (
    <Show when={others().length > 0}>
      <Alert tone="info" title={t('partners.merge.title')}>
        <p>{t('partners.merge.body')}</p>
        <ul class="item-list">
          <For each={others()}>
            {(other) => (
              <li class="item-row">
                <span>
                  {t('partners.merge.startedBy', { title: other.title || t('common.untitled'), name: other.createdBy.name })}{' '}
                  <RelativeTime time={other.createdAt} />
                </span>
                <button
                  type="button"
                  class="button small"
                  disabled={!map.canEdit()}
                  onClick={() => {
                    const moved = map.act(() => mergePartnerMaps(map.doc, props.mapId, other.id, map.actor(), Date.now()))
                    if (moved !== undefined && moved !== null)
                      map.announce(t('partners.merge.moved', { count: moved, title: other.title }))
                  }}
                >
                  {t('partners.merge.move')}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Alert>
    </Show>
  )
}
