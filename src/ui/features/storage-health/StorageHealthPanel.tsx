import { Match, Show, Switch, createResource, createSignal } from 'solid-js'
import { assessStorage, formatBytes } from '../../../domain/storage-health'
import { readStorageFacts } from '../../../storage/storage-estimate'
import { localHistoryBytes } from '../../../storage/local-history'
import { attachmentBytesOnDevice } from '../../../storage/attachment-store'
import { CHECKPOINT_BYTE_CAP } from '../../../domain/checkpoint-retention'
import { useApp } from '../../app-context'
import { t } from '../../i18n/t'

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
      <h2 id="storage-health-title">{t('storage.title')}</h2>
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
              <p>{t('storage.usage', { used: formatBytes(f().usageBytes ?? 0), quota: formatBytes(f().quotaBytes ?? 0) })}</p>
            </Show>
            <Show when={historyBytes()}>
              {(bytes) => (
                <p>{t('storage.history', { bytes: formatBytes(bytes()), cap: formatBytes(CHECKPOINT_BYTE_CAP) })}</p>
              )}
            </Show>
            <Show when={attachmentBytes()}>
              {(bytes) => <p>Photos and attached files take {formatBytes(bytes())} of it.</p>}
            </Show>
            <Switch>
              <Match when={risk()?.level === 'ok'}>
                <p class="status-line status-ok">{t('storage.persistent')}</p>
              </Match>
              <Match when={risk()?.level === 'nearly-full'}>
                <p class="status-line status-warning" role="alert">
                  {t('storage.nearlyFull')}
                </p>
              </Match>
              <Match when={risk()?.level === 'may-be-evicted'}>
                <p class="status-line status-warning">{t('storage.mayBeEvicted')}</p>
                <button
                  type="button"
                  class="button small"
                  onClick={async () => {
                    setDeclined((await app.requestPersistence()) !== true)
                    void refetch()
                  }}
                >
                  {t('storage.ask')}
                </button>
                <p class="status-line" role="status">
                  {declined()
                    ? t('storage.declined')
                    : ''}
                </p>
              </Match>
              <Match when={risk()?.level === 'unknown'}>
                <p class="status-line status-warning">{t('storage.unknown')}</p>
              </Match>
            </Switch>
          </>
        )}
      </Show>
    </section>
  )
}
