import { For, Show, createEffect, createMemo, createSignal } from 'solid-js'
import type * as Y from 'yjs'
import { ARTIFACT_KINDS, type ArtifactSummary } from '../../../domain/artifact'
import { href, navigate } from '../../router'
import { ArtifactActionsDialog } from '../artifacts/ArtifactActionsDialog'
import { ArtifactFilters } from '../artifacts/ArtifactFilters'
import { BinSection } from '../artifacts/BinSection'
import { createBinnedPartners } from '../../../reactive/partner-map'
import { withShownNames } from '../partner-map/shown-partner-names'
import { NO_FILTER, isFiltering, sidebarSections, tagsInUse, type ArtifactFilter } from '../artifacts/artifact-filter'
import { SidebarGroup } from './SidebarGroup'
import { t } from '../../i18n/t'
import { prefetchEditor } from '../editor/prefetch'
import { MembersButton } from '../members/MembersPanel'
import type { WorkspaceTrust } from '../../../app/workspace-trust'
import { artifactTitle } from '../../i18n/artifact-title'

/**
 * The workspace's navigation: the overview, then one group per artifact kind. Features plug
 * in by kind (notes, reports, partner map, boards). Items can be filtered by title, tag and
 * kind, renamed, tagged and moved to the bin, which is listed last and restores them whole.
 */
export const ArtifactSidebar = (props: {
  workspaceId: string
  artifacts: ArtifactSummary[]
  currentArtifactId: string | null
  /** When given, kinds that offer a "New …" control show it in their group. */
  doc?: Y.Doc
  readOnly?: boolean
  /** False for a viewer or commenter: their role never makes anything, so "New …" is not shown. */
  offerNew?: boolean
  /** The workspace's membership: "Members" opens the list of members, their roles and devices. */
  trust?: WorkspaceTrust | null
}) => {
  const [filter, setFilter] = createSignal<ArtifactFilter>(NO_FILTER)
  const [managing, setManaging] = createSignal<ArtifactSummary | null>(null)
  const [announcement, setAnnouncement] = createSignal('')
  let nav: HTMLElement | undefined
  // The links beside an item, read as its "⋯" dialog opens: moved to the bin, the item leaves
  // its list, and focus goes to what took its place there rather than off to the page's top.
  let neighbours: string[] = []
  const manage = (artifact: ArtifactSummary): void => {
    neighbours = neighbourLinks(artifact.id)
    setManaging(artifact)
  }
  const inPlaceOfBinned = (): HTMLElement | null =>
    neighbours.map((link) => nav?.querySelector<HTMLElement>(`a[href="${link}"]`)).find(Boolean) ?? null
  const sections = createMemo(() => sidebarSections(props.artifacts, filter()))
  const kinds = () => ARTIFACT_KINDS.filter((kind) => filter().kind === 'all' || filter().kind === kind)
  const tags = createMemo(() => tagsInUse(props.artifacts))
  // The editor's code is warmed once there is something here to open. On a device joining a
  // workspace that is after its first sync: warming it during the sync slowed the join by ~0.4 s.
  createEffect(() => {
    if (props.artifacts.some((a) => a.deletedAt === null && (a.kind === 'note' || a.kind === 'report'))) prefetchEditor()
  })
  return (
    <nav class="sidebar" aria-label={t('nav.label')} ref={nav}>
      <ul class="sidebar-list">
        <li>
          <a
            href={href.workspace(props.workspaceId)}
            aria-current={props.currentArtifactId === null ? 'page' : undefined}
          >
            {t('nav.overview')}
          </a>
        </li>
        {/* Here rather than in the toolbar: on a phone the toolbar has no room for a third row above a board. */}
        <Show when={props.doc && props.trust}>
          {(trust) => (
            <li>
              <MembersButton doc={props.doc!} trust={trust()} />
            </li>
          )}
        </Show>
      </ul>
      <ArtifactFilters filter={filter()} tags={tags()} onChange={setFilter} />
      <For each={kinds()}>
        {(kind) => (
          <SidebarGroup
            kind={kind}
            workspaceId={props.workspaceId}
            items={sections().byKind[kind]}
            filtering={isFiltering(filter())}
            currentArtifactId={props.currentArtifactId}
            doc={props.doc}
            readOnly={props.readOnly ?? false}
            offerNew={props.offerNew ?? true}
            onManage={manage}
          />
        )}
      </For>
      <Show when={props.doc}>
        {(doc) => {
          const binnedPartners = createBinnedPartners(doc())
          return (
            <>
              <BinSection
                doc={doc()}
                workspaceId={props.workspaceId}
                items={sections().binned}
                partners={binnedPartners().map(withShownNames)}
                readOnly={props.readOnly ?? false}
                announce={setAnnouncement}
                onRestored={(item) => setAnnouncement(t('nav.restoredFromBin', { title: artifactTitle(item) }))}
              />
              <ArtifactActionsDialog
                doc={doc()}
                artifact={managing()}
                onClose={() => setManaging(null)}
                returnFocus={inPlaceOfBinned}
                onBinned={(item) => {
                  setAnnouncement(t('nav.movedToBin', { title: artifactTitle(item) }))
                  if (props.currentArtifactId === item.id) navigate(href.workspace(props.workspaceId))
                }}
              />
            </>
          )
        }}
      </Show>
      <p class="visually-hidden" role="status">
        {announcement()}
      </p>
    </nav>
  )
}

/** The addresses of the items listed after, then before, the item whose "⋯" button has this id. */
const neighbourLinks = (artifactId: string): string[] => {
  const item = document.getElementById(`manage-${artifactId}`)?.closest('li')
  return [item?.nextElementSibling, item?.previousElementSibling]
    .map((sibling) => sibling?.querySelector('a[href]')?.getAttribute('href'))
    .filter((link): link is string => Boolean(link))
}
