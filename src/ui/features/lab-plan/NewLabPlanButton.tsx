import { Show, createEffect } from 'solid-js'
import { createLabPlan } from '../../../crdt/lab-plan'
import { createArtifactSummaries } from '../../../reactive/workspace-projections'
import { useActor } from '../../app-context'
import { href, navigate } from '../../router'
import type { ArtifactCreateProps } from '../workspace/artifact-views'
import { t } from '../../i18n/t'
import { prefetchLabPlan } from './prefetch-plan'

/**
 * A workspace keeps one lab plan. The sidebar offers to start it only while there is none
 * (outside the bin); once it exists, the sidebar's link opens it. Two devices starting one
 * each before they meet keep both, and nothing typed into either is lost. While a plan exists,
 * its code is loaded once the page's first screen is painted, so that opening it is quick.
 */
export const NewLabPlanButton = (props: ArtifactCreateProps) => {
  const artifacts = createArtifactSummaries(props.doc)
  const actor = useActor()
  const hasPlan = () => artifacts().some((a) => a.kind === 'lab-plan' && a.deletedAt === null)
  createEffect(() => {
    if (hasPlan()) prefetchLabPlan()
  })
  const start = (): void => {
    const me = actor()
    if (!me) return
    const id = createLabPlan(props.doc, { title: t('labPlan.title') }, me, Date.now())
    navigate(href.artifact(props.workspaceId, id))
  }
  return (
    <Show when={!hasPlan()}>
      <button type="button" class="button small" disabled={props.readOnly || !actor()} onClick={start}>
        {t('labPlan.start')}
      </button>
    </Show>
  )
}
