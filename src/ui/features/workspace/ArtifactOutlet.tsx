import { Show, Suspense } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import { ArtifactIdSchema } from '../../../domain/ids'
import { createArtifactSummaries } from '../../../reactive/workspace-projections'
import type { WorkspaceSession } from '../../../storage/workspace-session'
import { PageHeading } from '../../components/PageHeading'
import { ARTIFACT_VIEWS } from './artifact-views'

/** Opens one artifact with the view its kind registered, or explains why it cannot. */
export const ArtifactOutlet = (props: { session: WorkspaceSession; artifactId: string; readOnly: boolean }) => {
  const artifacts = createArtifactSummaries(props.session.doc)
  const summary = () => artifacts().find((a) => a.id === props.artifactId) ?? null
  const view = () => {
    const found = summary()
    return found ? ARTIFACT_VIEWS[found.kind] ?? null : null
  }
  return (
    <Show
      when={summary()}
      fallback={
        <section class="stack">
          <PageHeading title="Item not found" />
          <p>This workspace has no item at this address. It may not have reached this device yet.</p>
        </section>
      }
    >
      <Show
        when={view()}
        fallback={
          <section class="stack">
            <PageHeading title="Not available yet" />
            <p>This kind of item cannot be opened in this version of Mutual.</p>
          </section>
        }
      >
        {(kindView) => (
          <Suspense fallback={<p class="loading" role="status">Opening…</p>}>
            <Dynamic
              component={kindView().View}
              session={props.session}
              doc={props.session.doc}
              artifactId={ArtifactIdSchema.parse(props.artifactId)}
              readOnly={props.readOnly}
            />
          </Suspense>
        )}
      </Show>
    </Show>
  )
}
