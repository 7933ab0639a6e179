import { For, Show } from 'solid-js'
import { ARTIFACT_KINDS, ARTIFACT_KIND_LABELS, type ArtifactSummary } from '../../../domain/artifact'
import { href } from '../../router'

/**
 * The workspace's navigation: the overview, then one group per artifact kind. Features plug
 * in by kind (notes, reports, partner map, boards); items in the bin are not listed here.
 */
export const ArtifactSidebar = (props: {
  workspaceId: string
  artifacts: ArtifactSummary[]
  currentArtifactId: string | null
}) => {
  const byKind = (kind: string) => props.artifacts.filter((a) => a.kind === kind && a.deletedAt === null)
  return (
    <nav class="sidebar" aria-label="Workspace">
      <ul class="sidebar-list">
        <li>
          <a
            href={href.workspace(props.workspaceId)}
            aria-current={props.currentArtifactId === null ? 'page' : undefined}
          >
            Overview
          </a>
        </li>
      </ul>
      <For each={ARTIFACT_KINDS}>
        {(kind) => (
          <section class="sidebar-group" aria-labelledby={`sidebar-${kind}`}>
            <h2 id={`sidebar-${kind}`} class="sidebar-heading">
              {ARTIFACT_KIND_LABELS[kind].many} <span class="count">({byKind(kind).length})</span>
            </h2>
            <Show
              when={byKind(kind).length > 0}
              fallback={<p class="sidebar-empty">None yet</p>}
            >
              <ul class="sidebar-list">
                <For each={byKind(kind)}>
                  {(artifact) => (
                    <li>
                      <a
                        href={href.artifact(props.workspaceId, artifact.id)}
                        aria-current={props.currentArtifactId === artifact.id ? 'page' : undefined}
                      >
                        {artifact.title || 'Untitled'}
                      </a>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>
        )}
      </For>
    </nav>
  )
}
