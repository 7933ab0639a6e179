import { Match, Show, Switch, createResource, createSignal } from 'solid-js'
import { assessStorage, formatBytes } from '../../../domain/storage-health'
import { readStorageFacts } from '../../../storage/storage-estimate'
import { localHistoryBytes } from '../../../storage/local-history'
import { attachmentBytesOnDevice } from '../../../storage/attachment-store'
import { CHECKPOINT_BYTE_CAP } from '../../../domain/checkpoint-retention'
import { useApp } from '../../app-context'

/**
 * How safe this device's copy is: space used, whether the browser may clear it, and what to do.
 * It re-reads whenever the app asks for persistence or saves something big.
 */
export const StorageHealthPanel = () => {
  const app = useApp()
  const [facts, { refetch }] = createResource(() => app.storageFactsVersion(), () => readStorageFacts())
  // Counted in the total above too: shown so a person sees what keeping deleted work costs.
  const [historyBytes] = createResource(
    () => app.storageFactsVersion(),
    async () => localHistoryBytes((await app.registry.list()).entries.map((e) => e.id)).catch(() => null)
  )
  const [attachmentBytes] = createResource(
    () => app.storageFactsVersion(),
    async () => attachmentBytesOnDevice((await app.registry.list()).entries.map((e) => e.id)).catch(() => null)
  )
  // The browser's answer to the person's own request: a refusal changes nothing else on screen.
  const [declined, setDeclined] = createSignal(false)
  const risk = () => {
    const f = facts()
    return f ? assessStorage(f) : null
  }
  return (
    <section class="panel storage-health" aria-labelledby="storage-health-title">
      <h2 id="storage-health-title">Storage on this device</h2>
      <Show when={app.registryProblem}>
        {(problem) => (
          // Announced once already by the app's own alert above the page; here it is the status.
          <p class="status-line status-error">{problem().message}</p>
        )}
      </Show>
      <Show when={facts()}>
        {(f) => (
          <>
            <Show when={f().usageBytes !== null && f().quotaBytes !== null}>
              <p>
                Mutual is using {formatBytes(f().usageBytes ?? 0)} of the {formatBytes(f().quotaBytes ?? 0)} this
                browser allows.
              </p>
            </Show>
            <Show when={historyBytes()}>
              {(bytes) => (
                <p>
                  Of that, {formatBytes(bytes())} is this device’s own history of its workspaces (checkpoints kept so
                  deleted work can be restored, at most {formatBytes(CHECKPOINT_BYTE_CAP)} a workspace).
                </p>
              )}
            </Show>
            <Show when={attachmentBytes()}>
              {(bytes) => <p>Photos and attached files take {formatBytes(bytes())} of it.</p>}
            </Show>
            <Switch>
              <Match when={risk()?.level === 'ok'}>
                <p class="status-line status-ok">
                  Storage is persistent: the browser will not clear Mutual’s data to free up space.
                </p>
              </Match>
              <Match when={risk()?.level === 'nearly-full'}>
                <p class="status-line status-warning" role="alert">
                  Storage is nearly full. New changes may fail to save: free up space on this device, or export
                  workspaces you no longer need and delete them here.
                </p>
              </Match>
              <Match when={risk()?.level === 'may-be-evicted'}>
                <p class="status-line status-warning">
                  Storage is not persistent: the browser may clear Mutual’s data if the device runs low on space.
                  Installing Mutual as an app, or bookmarking it, usually lets the browser keep it. Make sure someone
                  else in your group holds a copy.
                </p>
                <button
                  type="button"
                  class="button small"
                  onClick={async () => {
                    setDeclined((await app.requestPersistence()) !== true)
                    void refetch()
                  }}
                >
                  Ask the browser to keep Mutual’s data
                </button>
                <p class="status-line" role="status">
                  {declined()
                    ? 'The browser did not agree this time. Browsers decide by their own rules: installing Mutual as an app or bookmarking it usually helps, and you can ask again later. Until then, keep backups.'
                    : ''}
                </p>
              </Match>
              <Match when={risk()?.level === 'unknown'}>
                <p class="status-line status-warning">
                  This browser does not say whether it will keep Mutual’s data. Make sure someone else in your group
                  holds a copy.
                </p>
              </Match>
            </Switch>
          </>
        )}
      </Show>
    </section>
  )
}
