import { Show, Suspense, lazy } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import { ArtifactIdSchema } from '../../../domain/ids'
import { createArtifactSummaries } from '../../../reactive/workspace-projections'
import type { WorkspaceSession } from '../../../storage/workspace-session'
import { PageHeading } from '../../components/PageHeading'
import { ARTIFACT_VIEWS } from './artifact-views'
import type { ArtifactSummary } from '../../../domain/artifact'
import { href } from '../../router'
import { t } from '../../i18n/t'

/** History is loaded when first opened, keeping it out of the initial bundle. */
const ArtifactHistory = lazy(() => import('../history/ArtifactHistory').then((m) => ({ default: m.ArtifactHistory })))

/** Opens one artifact with the view its kind registered, or explains why it cannot. */
export const ArtifactOutlet = (props: {
  session: WorkspaceSession
  artifactId: string
  readOnly: boolean
  panel?: 'history' | null
}) => {
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
          <PageHeading title={t('artifact.notFound.title')} />
          <p>{t('artifact.notFound.body')}</p>
        </section>
      }
    >
      <Show
        when={view()}
        fallback={
          <section class="stack">
            <PageHeading title={t('artifact.unknownKind.title')} />
            <p>{t('artifact.unknownKind.body')}</p>
          </section>
        }
      >
        {(kindView) => (
          <Show
            when={props.panel !== 'history'}
            fallback={
              <Suspense fallback={<p class="loading" role="status">{t('artifact.openingHistory')}</p>}>
              <ArtifactHistory
                doc={props.session.doc}
                workspaceId={props.session.id}
                artifact={summary() as ArtifactSummary}
                readOnly={props.readOnly}
              />
              </Suspense>
            }
          >
          <div class="artifact-bar">
            <a class="button small" href={href.artifactHistory(props.session.id, props.artifactId)}>
              {t('artifact.history')}
            </a>
          </div>
          <Suspense fallback={<p class="loading" role="status">{t('artifact.opening')}</p>}>
            <Dynamic
              component={kindView().View}
              session={props.session}
              doc={props.session.doc}
              artifactId={ArtifactIdSchema.parse(props.artifactId)}
              readOnly={props.readOnly}
            />
          </Suspense>
          </Show>
        )}
      </Show>
    </Show>
  )
}
