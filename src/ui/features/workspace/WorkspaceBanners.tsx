import { Match, Show, Switch, createSignal } from 'solid-js'
import type { WorkspaceSession } from '../../../storage/workspace-session'
import { encodeWorkspaceFile } from '../../../storage/workspace-file'
import { readWorkspaceMeta } from '../../../crdt/workspace-meta'
import type { RegistryEntry } from '../../../domain/registry-entry'
import { Alert } from '../../components/Alert'
import { downloadBytes, fileNameFor } from '../../download'
import type { SessionStorageState } from './use-workspace-session'

/** Everything a person must know about the safety of this workspace's copy, right now. */
export const WorkspaceBanners = (props: {
  session: WorkspaceSession
  entry: RegistryEntry
  storage: SessionStorageState | null
}) => {
  const [retrying, setRetrying] = createSignal(false)
  const exportReadable = (): void => {
    const meta = readWorkspaceMeta(props.session.doc)
    const file = encodeWorkspaceFile(
      {
        format: 1,
        workspaceId: props.entry.id,
        secret: props.entry.secret,
        name: meta.name || props.entry.name,
        exportedAt: Date.now()
      },
      props.session.doc
    )
    downloadBytes(file, fileNameFor(meta.name || props.entry.name, 'mutual'))
  }
  const compatibility = () => props.session.compatibility()
  return (
    <div class="banners">
      <Show when={compatibility().status === 'newer'}>
        <Alert tone="warning" title="Opened read-only">
          <p>
            This workspace holds data from a newer version of Mutual that this device cannot read. You can read
            everything else, but changes are turned off on this device, so nothing in it is damaged; other members’
            devices carry on as usual. Reload the page to get the newest version of the app.
          </p>
        </Alert>
      </Show>
      <Switch>
        <Match when={props.storage?.persistence.status === 'damaged' && props.storage.persistence}>
          {(damaged) => (
            <Alert tone="error" title="Part of this workspace could not be read from this device">
              <p>
                {damaged().unreadableRows} of {damaged().totalRows} saved records are damaged. Everything that could be
                read is shown, read-only, and nothing stored has been changed or removed.
              </p>
              <p>
                Export what can be read, then import that file to carry on working with a healthy copy. Colleagues who
                hold this workspace can also send it to you again.
              </p>
              <button type="button" class="button" onClick={exportReadable}>
                Export what can be read
              </button>
            </Alert>
          )}
        </Match>
        <Match when={props.storage?.persistence.status === 'unavailable' && props.storage.persistence}>
          {(unavailable) => (
            <Alert tone="error" title="Not saving on this device">
              <p>{unavailable().problem.message}</p>
              <button type="button" class="button" onClick={exportReadable}>
                Export this workspace to a file
              </button>
            </Alert>
          )}
        </Match>
      </Switch>
      <Show when={props.storage?.writeProblem}>
        {(problem) => (
          <Alert tone="error" title="Latest changes not saved on this device">
            <p>{problem().message}</p>
            <div class="actions">
              <button
                type="button"
                class="button"
                disabled={retrying()}
                onClick={async () => {
                  setRetrying(true)
                  await props.session.persistence.retrySave()
                  setRetrying(false)
                }}
              >
                Try saving again
              </button>
              <button type="button" class="button" onClick={exportReadable}>
                Export this workspace to a file
              </button>
            </div>
          </Alert>
        )}
      </Show>
    </div>
  )
}
