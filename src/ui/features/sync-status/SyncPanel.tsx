import { For, Show, createResource, createSignal } from 'solid-js'
import type * as Y from 'yjs'
import type { RegistryEntry } from '../../../domain/registry-entry'
import { saveConnectionSettings } from '../../../app/connection-settings'
import { DEFAULT_SYNC_SETTINGS, appRelayUrl, appSignallingUrl, type SyncSettings } from '../../../domain/sync-settings'
import { relayNotice } from '../../../domain/relay-notice'
import { describeRefusedIncoming } from '../../../domain/refused-incoming'
import { describeConnection, describeRelay, describeUnseenChanges } from '../../../domain/sync-status'
import { useApp } from '../../app-context'
import { Dialog } from '../../components/Dialog'
import { RelativeTime } from '../../components/RelativeTime'
import { FileSyncPanel } from '../file-sync/FileSyncPanel'
import { SyncSettingsForm } from '../sync-settings/SyncSettingsForm'
import { createSyncStatus, useWorkspaceSync } from './sync-context'
import './sync-status.css'
import { t } from '../../i18n/t'

/**
 * The Sync menu: a button named "Sync" that also shows the connection (offline / connecting /
 * connected to N peers), whether this device holds changes nobody else has, and — behind it —
 * sync details, carrying changes on a file (Export changes, Import changes) and the connection
 * settings.
 */
export const SyncStatusButton = (props: { doc: Y.Doc; entry: RegistryEntry; name: string; readOnly: boolean }) => {
  const app = useApp()
  const sync = useWorkspaceSync()
  const status = createSyncStatus(sync)
  const description = () => describeConnection(status(), t)
  const relay = () => describeRelay(status().relay, t)
  const notice = () => relayNotice(status().relay, t)
  /** Changes from other devices this device refused (its trust check): said here, not only in the console. */
  const refused = () => {
    const record = status().refusedIncoming
    return record && describeRefusedIncoming(record, t)
  }
  const [open, setOpen] = createSignal(false)
  const unshared = () => status().unseenChanges === 'yes' && status().peers === 0
  const appServerUrl = typeof location === 'undefined' ? null : appSignallingUrl(location.href)
  const appRelay = typeof location === 'undefined' ? null : appRelayUrl(location.href)
  const [settings] = createResource(open, async (isOpen): Promise<SyncSettings> => {
    if (!isOpen) return DEFAULT_SYNC_SETTINGS
    return (await app.registry.get(props.entry.id))?.sync ?? DEFAULT_SYNC_SETTINGS
  })

  const save = (next: SyncSettings): Promise<void> =>
    saveConnectionSettings(app.registry, props.entry.id, next, sync(), location.href)

  return (
    <div class="sync-status">
      {/* Read as "Sync Online · nobody else here": what it is, then how it is. */}
      <button type="button" class="sync-pill" data-tone={description().tone} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <span class="sync-pill-name">{t('sync.name')}</span> <span class="sync-dot" aria-hidden="true" />
        <span>{description().label}</span>
        <span class="sync-pill-relay" data-tone={relay().tone}>
          {' · '}
          {relay().label}
        </span>
      </button>
      <p class="sync-note" role="status">
        <Show when={unshared()}>
          <span class="sync-note-warning">{t('sync.onlyHere')}</span>
        </Show>
      </p>
      <Show when={notice()}>
        {(n) => (
          <p class="sync-relay-notice" role={n().urgency}>
            {n().text}
          </p>
        )}
      </Show>
      <Show when={refused()}>
        {(r) => (
          <p class="sync-refused-notice" role="alert">
            {r().notice}
          </p>
        )}
      </Show>
      <Dialog open={open()} title={t('sync.name')} onClose={() => setOpen(false)} startAtTitle>
        <section class="stack" aria-labelledby="sync-connection-title">
          <h3 id="sync-connection-title">{t('sync.connection')}</h3>
          <dl class="sync-facts">
            <dt>{t('sync.liveSync')}</dt>
            <dd>
              {description().label}. {description().detail}
            </dd>
            <dt>{t('sync.relay')}</dt>
            <dd>
              {relay().detail}
              <Show when={status().relay.filesFull}> {t('sync.relay.filesFull')}</Show>
            </dd>
            <dt>{t('sync.thisDevice')}</dt>
            <dd>{describeUnseenChanges(status(), t) ?? t('sync.comparing')}</dd>
            <dt>{t('sync.lastSynced')}</dt>
            <dd>
              <Show when={status().lastSyncedAt} fallback={t('sync.notYetSynced')}>
                {(at) => <RelativeTime time={at()} />}
              </Show>
            </dd>
            <Show when={refused()}>
              {(r) => (
                <>
                  <dt>{t('sync.refusedIncoming.title')}</dt>
                  <dd>
                    <For each={r().detail}>{(line) => <p>{line}</p>}</For>
                  </dd>
                </>
              )}
            </Show>
            <Show when={status().tabs > 0}>
              <dt>{t('sync.otherTabs')}</dt>
              <dd>{t('sync.otherTabsCount', { count: status().tabs })}</dd>
            </Show>
          </dl>
        </section>
        <FileSyncPanel doc={props.doc} entry={props.entry} name={props.name} readOnly={props.readOnly} headingLevel={3} />
        <details class="sync-settings-disclosure">
          <summary>{t('sync.settings')}</summary>
          <Show when={settings()} keyed>
            {(initial) => <SyncSettingsForm initial={initial} appServerUrl={appServerUrl} appRelayUrl={appRelay} onSave={save} />}
          </Show>
        </details>
        <div class="actions">
          <button type="button" class="button" onClick={() => setOpen(false)}>
            {t('sync.close')}
          </button>
        </div>
      </Dialog>
    </div>
  )
}
