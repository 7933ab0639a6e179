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
        <PageHeading title="Your workspaces" />
        <div class="actions">
          <a class="button primary" href={href.newWorkspace}>
            New workspace
          </a>
          <ImportWorkspaceButton onImported={() => void refetch()} onProblem={setImportProblem} />
        </div>
      </div>
      <Show when={notice()}>
        <Alert tone="success" title={notice() ?? ''} />
      </Show>
      <Show when={importProblem()}>
        {(problem) => (
          <Alert tone="error" title="Nothing was imported">
            <p>{problem()}</p>
          </Alert>
        )}
      </Show>
      <Switch>
        <Match when={listing.error}>
          <Alert tone="error" title="Your workspaces could not be listed">
            <p>{String(listing.error)}</p>
            <button type="button" class="button" onClick={() => void refetch()}>
              Try again
            </button>
          </Alert>
        </Match>
        <Match when={listing()}>
          {(result) => (
            <>
              <Show when={result().unreadable > 0}>
                <Alert tone="warning" title="Some saved workspaces could not be read">
                  <p>
                    {result().unreadable} record(s) on this device are not in a form this version of Mutual understands.
                    They have been left exactly as they were.
                  </p>
                </Alert>
              </Show>
              <Show
                when={result().entries.length > 0}
                fallback={
                  <div class="empty-state">
                    <p>No workspaces on this device yet.</p>
                    <p>Create one for your policy lab, or open an invite link from a colleague.</p>
                  </div>
                }
              >
                <ul class="workspace-list" aria-label="Workspaces on this device">
                  <For each={result().entries}>
                    {(entry) => (
                      <li class="workspace-card">
                        <h2 class="workspace-card-title">
                          <a href={href.workspace(entry.id)}>{entry.name || 'Untitled workspace'}</a>
                        </h2>
                        <p class="meta">
                          Last edited <RelativeTime time={entry.lastEditedAt} />
                        </p>
                        <div class="actions">
                          <button
                            type="button"
                            id={`rename-${entry.id}`}
                            class="button small"
                            aria-label={`Rename ${entry.name}`}
                            onClick={() => setRenaming(entry)}
                          >
                            Rename
                          </button>
                          <button
                            type="button"
                            class="button small danger-outline"
                            aria-label={`Delete ${entry.name}`}
                            onClick={() => setDeleting(entry)}
                          >
                            Delete
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
          setNotice(`Renamed to “${name}”`)
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
          setNotice(`Deleted “${entry.name}” from this device`)
          await refetch()
        }}
      />
    </section>
  )
}
