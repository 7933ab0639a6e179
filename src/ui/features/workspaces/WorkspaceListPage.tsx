import { For, Match, Show, Switch, createResource, createSignal } from 'solid-js'
import type { RegistryEntry } from '../../../domain/registry-entry'
import { deleteWorkspaceFromDevice } from '../../../storage/delete-workspace'
import { renameWorkspaceOnDevice } from '../../../storage/workspace-library'
import { useApp, useMemberId } from '../../app-context'
import { Alert } from '../../components/Alert'
import { PageHeading } from '../../components/PageHeading'
import { RelativeTime } from '../../components/RelativeTime'
import { href } from '../../router'
import { StorageHealthPanel } from '../storage-health/StorageHealthPanel'
import { ImportWorkspaceButton } from './ImportWorkspaceButton'
import { DeleteWorkspaceDialog } from './DeleteWorkspaceDialog'
import { RenameWorkspaceDialog } from './RenameWorkspaceDialog'
import { t } from '../../i18n/t'
import { CONTENT_LANG } from '../../i18n/content-lang'

/** Every workspace on this device, most recently edited first. */
export const WorkspaceListPage = () => {
  const app = useApp()
  const memberId = useMemberId()
  const [listing, { refetch }] = createResource(() => app.registry.list())
  const [renaming, setRenaming] = createSignal<RegistryEntry | null>(null)
  const [deleting, setDeleting] = createSignal<RegistryEntry | null>(null)
  const [notice, setNotice] = createSignal<string | null>(null)
  const [importProblem, setImportProblem] = createSignal<string | null>(null)

  return (
    <section class="stack">
      <div class="page-title-row">
        <PageHeading title={t('workspaces.title')} />
        <div class="actions">
          <a class="button primary" href={href.newWorkspace}>
            {t('workspaces.new')}
          </a>
          <ImportWorkspaceButton onImported={() => void refetch()} onProblem={setImportProblem} />
        </div>
      </div>
      <Show when={notice()}>
        <Alert tone="success" title={notice() ?? ''} />
      </Show>
      <Show when={importProblem()}>
        {(problem) => (
          <Alert tone="error" title={t('workspaces.importNothing')}>
            <p>{problem()}</p>
          </Alert>
        )}
      </Show>
      <Switch>
        <Match when={listing.error}>
          <Alert tone="error" title={t('workspaces.listFailed')}>
            <p>{String(listing.error)}</p>
            <button type="button" class="button" onClick={() => void refetch()}>
              {t('common.tryAgain')}
            </button>
          </Alert>
        </Match>
        <Match when={listing()}>
          {(result) => (
            <>
              <Show when={result().unreadable > 0}>
                <Alert tone="warning" title={t('workspaces.unreadable.title')}>
                  <p>{t('workspaces.unreadable.body', { count: result().unreadable })}</p>
                </Alert>
              </Show>
              <Show
                when={result().entries.length > 0}
                fallback={
                  <div class="empty-state">
                    <p>{t('workspaces.empty')}</p>
                    <p>{t('workspaces.emptyHint')}</p>
                  </div>
                }
              >
                <ul class="workspace-list" aria-label={t('workspaces.listLabel')}>
                  <For each={result().entries}>
                    {(entry) => (
                      <li class="workspace-card">
                        <h2 class="workspace-card-title">
                          <a href={href.workspace(entry.id)} lang={entry.name ? CONTENT_LANG.lang : undefined}>
                            {entry.name || t('common.untitledWorkspace')}
                          </a>
                        </h2>
                        <p class="meta">
                          {t('workspaces.lastEdited')} <RelativeTime time={entry.lastEditedAt} />
                        </p>
                        <div class="actions">
                          <button
                            type="button"
                            id={`rename-${entry.id}`}
                            class="button small"
                            aria-label={t('workspaces.renameNamed', { name: entry.name })}
                            onClick={() => setRenaming(entry)}
                          >
                            {t('common.rename')}
                          </button>
                          <button
                            type="button"
                            class="button small danger-outline"
                            aria-label={t('workspaces.deleteNamed', { name: entry.name })}
                            onClick={() => setDeleting(entry)}
                          >
                            {t('common.delete')}
                          </button>
                        </div>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </Match>
      </Switch>
      <StorageHealthPanel />
      <RenameWorkspaceDialog
        currentName={renaming()?.name ?? null}
        onClose={() => setRenaming(null)}
        onRename={async (name) => {
          const entry = renaming()
          if (!entry) return
          await renameWorkspaceOnDevice(app.registry, entry, name, memberId())
          setNotice(t('workspaces.renamed', { name }))
          await refetch()
        }}
      />
      <DeleteWorkspaceDialog
        name={deleting()?.name ?? null}
        onClose={() => setDeleting(null)}
        onDelete={async (onBlocked) => {
          const entry = deleting()
          if (!entry) return
          await deleteWorkspaceFromDevice(app.registry, entry.id, onBlocked)
          setNotice(t('workspaces.deleted', { name: entry.name }))
          await refetch()
        }}
      />
    </section>
  )
}
