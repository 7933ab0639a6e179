import { Show } from 'solid-js'
import { createPartnerMap } from '../../../crdt/partner-map'
import { createArtifactSummaries } from '../../../reactive/workspace-projections'
import { useActor } from '../../app-context'
import { href, navigate } from '../../router'
import type { ArtifactCreateProps } from '../workspace/artifact-views'
import { t } from '../../i18n/t'

/**
 * A workspace keeps one partner map for the lab. The sidebar offers to start it only while
 * there is none (outside the bin); once it exists, the sidebar's link opens it. If two
 * devices start one each before they meet, the map view offers to merge them.
 */
export const NewPartnerMapButton = (props: ArtifactCreateProps) => {
  const artifacts = createArtifactSummaries(props.doc)
  const actor = useActor()
  const hasMap = () => artifacts().some((a) => a.kind === 'partner-map' && a.deletedAt === null)
  const start = (): void => {
    const me = actor()
    if (!me) return
    const id = createPartnerMap(props.doc, { title: t('create.partnerMapTitle') }, me, Date.now())
    navigate(href.artifact(props.workspaceId, id))
  }
  return (
    <Show when={!hasMap()}>
      <button type="button" class="button small" disabled={props.readOnly || !actor()} onClick={start}>
        {t('create.startPartnerMap')}
      </button>
    </Show>
  )
}
