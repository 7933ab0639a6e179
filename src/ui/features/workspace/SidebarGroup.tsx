import { For, Show } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import type * as Y from 'yjs'
import { type ArtifactKind, type ArtifactSummary } from '../../../domain/artifact'
import { RelativeTime } from '../../components/RelativeTime'
import { ShowAllToggle } from '../../components/ShowAllToggle'
import { createShortList } from '../../components/create-short-list'
import { href } from '../../router'
import { ARTIFACT_VIEWS } from './artifact-views'
import { t } from '../../i18n/t'
import { kindLabel, kindSelector } from '../../i18n/kind-label'
import { artifactTitle, shownTitle } from '../../i18n/artifact-title'

/**
 * How many of a kind the sidebar lists before "Show all" (see createShortList). The most
 * recently edited come first, the filter finds any of them, and the one open now is always
 * listed.
 */
export const SIDEBAR_PREVIEW = 25

/** One kind's group in the workspace sidebar: its items, newest edit first, and "New …". */
export const SidebarGroup = (props: {
  kind: ArtifactKind
  workspaceId: string
  /** This kind's items, already filtered and sorted. */
  items: ArtifactSummary[]
  filtering: boolean
  currentArtifactId: string | null
  doc?: Y.Doc | undefined
  readOnly: boolean
  /** Whether to show "New …" at all (a read-only workspace shows it disabled instead). */
  offerNew: boolean
  onManage: (artifact: ArtifactSummary) => void
}) => {
  const headingId = () => `sidebar-${props.kind}`
  const listId = () => `sidebar-list-${props.kind}`
  const list = createShortList({
    items: () => props.items,
    limit: SIDEBAR_PREVIEW,
    enabled: () => !props.filtering,
    keep: (artifact) => artifact.id === props.currentArtifactId
  })
  return (
    <section class="sidebar-group" aria-labelledby={headingId()}>
      <h2 id={headingId()} class="sidebar-heading">
        {kindLabel(props.kind, 'many')} <span class="count">({props.items.length})</span>
      </h2>
      <Show
        when={props.items.length > 0}
        fallback={<p class="sidebar-empty">{props.filtering ? t('sidebar.noMatches') : t('sidebar.noneYet')}</p>}
      >
        <ul class="sidebar-list" id={listId()}>
          <For each={list.listed()}>
            {(artifact) => (
              <SidebarItem
                artifact={artifact}
                workspaceId={props.workspaceId}
                current={props.currentArtifactId === artifact.id}
                manageable={Boolean(props.doc) && !props.readOnly}
                onManage={props.onManage}
              />
            )}
          </For>
        </ul>
        <Show when={list.shortened()}>
          <ShowAllToggle
            list={list}
            controls={listId()}
            more={t('sidebar.showAll', { count: props.items.length, kind: kindSelector(props.kind) })}
            fewer={t('sidebar.showRecent', { count: SIDEBAR_PREVIEW, kind: kindSelector(props.kind) })}
            class="sidebar-more"
          />
        </Show>
      </Show>
      <Show when={props.doc && props.offerNew && ARTIFACT_VIEWS[props.kind]?.Create}>
        {(create) => (
          <div class="sidebar-create">
            <Dynamic component={create()} doc={props.doc as Y.Doc} workspaceId={props.workspaceId} readOnly={props.readOnly} />
          </div>
        )}
      </Show>
    </section>
  )
}

const SidebarItem = (props: {
  artifact: ArtifactSummary
  workspaceId: string
  current: boolean
  manageable: boolean
  onManage: (artifact: ArtifactSummary) => void
}) => (
  <li class="artifact-item">
    <a href={href.artifact(props.workspaceId, props.artifact.id)} aria-current={props.current ? 'page' : undefined}>
      <span lang={shownTitle(props.artifact).lang}>{artifactTitle(props.artifact)}</span>
    </a>
    <p class="artifact-item-meta">
      {props.artifact.updatedBy.name} · <RelativeTime time={props.artifact.updatedAt} />
    </p>
    <Show when={props.artifact.tags.length > 0}>
      <ul class="tag-list" aria-label={t('sidebar.tags')}>
        <For each={props.artifact.tags}>{(tag) => <li class="tag">{tag}</li>}</For>
      </ul>
    </Show>
    <Show when={props.manageable}>
      <button
        type="button"
        id={`manage-${props.artifact.id}`}
        class="item-menu-button"
        aria-haspopup="dialog"
        onClick={() => props.onManage(props.artifact)}
      >
        <span aria-hidden="true">⋯</span>
        <span class="visually-hidden">{t('sidebar.manage', { title: artifactTitle(props.artifact) })}</span>
      </button>
    </Show>
  </li>
)
