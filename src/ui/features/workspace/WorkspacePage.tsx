import { Match, Show, Switch, onMount } from 'solid-js'
import { readOnlyReason } from '../../../crdt/read-only'
import { createArtifactSummaries } from '../../../reactive/workspace-projections'
import type { WorkspaceSession } from '../../../storage/workspace-session'
import type { RegistryEntry } from '../../../domain/registry-entry'
import { useApp } from '../../app-context'
import { Alert } from '../../components/Alert'
import { PageHeading } from '../../components/PageHeading'
import { PAGE_CONTENT_ID } from '../../components/page-content'
import { href } from '../../router'
import { ArtifactSidebar } from './ArtifactSidebar'
import { FoldingNavigation } from './FoldingNavigation'
import { BoardSummonListener } from '../board/BoardSummonListener'
import { OverviewPanel } from './OverviewPanel'
import { WorkspaceBanners } from './WorkspaceBanners'
import { WorkspaceToolbar } from './WorkspaceToolbar'
import { RefusalBanner } from '../members/RefusalBanner'
import { AccessNotice } from '../members/AccessNotice'
import { createJoining, createMyRole, createRemoved } from '../members/create-trust-state'
import { CommentAccessProvider } from '../members/workspace-access'
import { WorkspaceTrustProvider } from '../members/workspace-trust-context'
import { capabilitiesOf } from '../../../domain/trust/role-capabilities'
import type { WorkspaceTrust } from '../../../app/workspace-trust'
import { ArtifactOutlet } from './ArtifactOutlet'
import { createWorkspaceSession, type SessionStorageState } from './use-workspace-session'
import { WorkspaceSyncProvider } from '../sync-status/sync-context'
import { WaitingForWorkspace, createHasContent } from '../join/WaitingForWorkspace'
import { LocalHistoryProvider } from '../recovery/local-history-context'
import { t } from '../../i18n/t'
import { AttachmentsProvider } from '../attachments/attachments-context'

/**
 * One workspace: sidebar of artifacts beside the overview or the open artifact; on a narrow
 * screen, the content first and the sidebar behind a Menu button.
 */
export const WorkspacePage = (props: { id: string; artifactId: string | null; panel?: 'history' | null }) => {
  const app = useApp()
  const profile = () => {
    const read = app.profile()
    return read.status === 'ok' ? read.profile : null
  }
  // The entry follows a re-key: what the page makes with the key (changes files, backups) is
  // sealed under the key in force, never the one a removed member still holds.
  const { state, storage, sync, history, trust, attachments, entry } = createWorkspaceSession(props.id, profile)

  return (
    <Switch>
      <Match when={state().status === 'loading'}>
        <p class="loading" role="status">
          {t('workspace.opening')}
        </p>
      </Match>
      <Match when={state().status === 'not-found'}>
        <section class="narrow stack">
          <PageHeading title={t('workspace.notFound.title')} />
          <p>{t('workspace.notFound.body')}</p>
          <p>
            <a href={href.home}>{t('notFound.home')}</a>
          </p>
        </section>
      </Match>
      <Match when={state().status === 'error' && state()}>
        {(failed) => (
          <section class="narrow stack">
            <PageHeading title={t('workspace.openFailed.title')} />
            <Alert tone="error" title={t('workspace.openFailed.alert')}>
              <p>{(failed() as { message: string }).message}</p>
            </Alert>
          </section>
        )}
      </Match>
      <Match when={state().status === 'open' && entry() && state()}>
        {(open) => (
          <WorkspaceSyncProvider sync={sync()} artifactId={props.artifactId}>
            <LocalHistoryProvider history={history()}>
            <AttachmentsProvider attachments={attachments()}>
            <OpenWorkspace
              session={(open() as { session: WorkspaceSession }).session}
              entry={entry() as RegistryEntry}
              storage={storage()}
              artifactId={props.artifactId}
              panel={props.panel ?? null}
              trust={trust()}
            />
            </AttachmentsProvider>
            </LocalHistoryProvider>
          </WorkspaceSyncProvider>
        )}
      </Match>
    </Switch>
  )
}

const OpenWorkspace = (props: {
  session: WorkspaceSession
  entry: RegistryEntry
  storage: SessionStorageState | null
  artifactId: string | null
  panel: 'history' | null
  trust: WorkspaceTrust | null
}) => {
  // Timing marks read by the open benchmark (tests/bench/workspace-open.bench.ts).
  performance.mark('mutual:view:start')
  onMount(() => performance.mark('mutual:view:mounted'))
  const artifacts = createArtifactSummaries(props.session.doc)
  // This device cannot write here at all (data from a newer version), whatever its role.
  const docReadOnly = () =>
    props.session.compatibility().status === 'newer' || readOnlyReason(props.session.doc) !== null
  // A viewer or commenter sees the work read-only: other devices would refuse their edits anyway.
  const role = createMyRole(() => props.trust)
  // A removed device keeps what it has, to read and export; nobody would accept its changes.
  const removed = createRemoved(() => props.trust)
  // A device whose join waits for its invitation's entries: nobody would accept its changes yet.
  const joining = createJoining(() => props.trust)
  // A workspace joined by invitation is empty until its first change arrives from a member.
  const hasContent = createHasContent(props.session.doc)
  // Before the workspace arrives, its waiting screen says why nothing can be made yet (the New
  // buttons stay, disabled); once it is here, a device still waiting to be confirmed reads it.
  const waitingToBeConfirmed = () => joining() && hasContent()
  const can = () => capabilitiesOf(role())
  const readOnly = () => docReadOnly() || removed() || joining() || !can().edit
  const canComment = () => !docReadOnly() && !removed() && !joining() && can().comment
  return (
    <CommentAccessProvider canComment={canComment}>
    <WorkspaceTrustProvider trust={() => props.trust}>
    <div class="workspace-layout" data-workspace-ready="true">
      <BoardSummonListener doc={props.session.doc} workspaceId={props.session.id} />
      <FoldingNavigation location={`${props.artifactId ?? ''}/${props.panel ?? ''}`}>
        <ArtifactSidebar
          workspaceId={props.session.id}
          artifacts={artifacts()}
          currentArtifactId={props.artifactId}
          doc={props.session.doc}
          trust={props.trust}
          // Nothing can be made before the workspace arrives: it would have nowhere to open.
          readOnly={readOnly() || !hasContent()}
          offerNew={can().edit && !waitingToBeConfirmed()}
        />
      </FoldingNavigation>
      <div class="workspace-main" id={PAGE_CONTENT_ID} tabindex="-1">
        <WorkspaceToolbar session={props.session} entry={props.entry} readOnly={readOnly()} trust={props.trust} />
        <WorkspaceBanners session={props.session} entry={props.entry} storage={props.storage} />
        <AccessNotice role={role()} removed={removed()} joining={waitingToBeConfirmed()} name={props.entry.name} />
        <Show when={props.trust}>{(trust) => <RefusalBanner trust={trust()} />}</Show>
        <Show
          when={hasContent()}
          fallback={<WaitingForWorkspace doc={props.session.doc} entry={props.entry} readOnly={readOnly()} />}
        >
          <Show when={props.artifactId} fallback={<OverviewPanel doc={props.session.doc} entry={props.entry} readOnly={readOnly()} />}>
            {(artifactId) => (
              <ArtifactOutlet session={props.session} artifactId={artifactId()} readOnly={readOnly()} panel={props.panel} />
            )}
          </Show>
        </Show>
      </div>
    </div>
    </WorkspaceTrustProvider>
    </CommentAccessProvider>
  )
}
