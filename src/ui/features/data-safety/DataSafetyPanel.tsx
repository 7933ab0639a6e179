import { For, Show, createResource, createSignal } from 'solid-js'
import type * as Y from 'yjs'
import { assessDataSafety, dataSafetyTone, type DataSafety, type DataSafetyConcern } from '../../../domain/data-safety'
import type { RegistryEntry } from '../../../domain/registry-entry'
import { makeBackup } from '../../../storage/backup'
import { collectBackupAttachments } from '../../../storage/backup-attachments'
import { useAttachments } from '../attachments/attachments-context'
import { readStorageFacts } from '../../../storage/storage-estimate'
import { recordBackup } from '../../../storage/workspace-library'
import { useApp } from '../../app-context'
import { RelativeTime } from '../../components/RelativeTime'
import { PassphraseField } from '../../components/PassphraseField'
import { downloadBytes, fileNameFor } from '../../download'
import { createArtifactSummaries } from '../../../reactive/workspace-projections'
import './data-safety.css'
import { latestHeldAt } from '../../../domain/relay-notice'
import { describeRelayCopy } from '../../../domain/sync-status'
import { createSyncStatus, useWorkspaceSync } from '../sync-status/sync-context'
import { t } from '../../i18n/t'

const concernText = (concern: DataSafetyConcern): string => t(`safety.concern.${concern}`)
const levelTitle = (level: Exclude<DataSafety['level'], 'safe'>): string => t(`safety.level.${level}`)

/**
 * The last-copy warning: how safe this workspace's work is, and a backup button right there
 * when this device may hold the only copy. Its weight matches the risk: calm while there is no
 * work to lose yet, a warning once real work exists only here.
 */
export const DataSafetyPanel = (props: { doc: Y.Doc; entry: RegistryEntry }) => {
  const app = useApp()
  const attachments = useAttachments()
  const artifacts = createArtifactSummaries(props.doc)
  const status = createSyncStatus(useWorkspaceSync())
  /** What the relay acknowledged, live or as this device last stored it. */
  const relayHeldAt = (entry: RegistryEntry): number | null =>
    latestHeldAt([status().relay.heldAt, ...(entry.relayState?.relays.map((r) => r.heldAt) ?? [])])
  /** When another member's device last confirmed holding this device's work: live, or as last stored. */
  const peerSeenAt = (entry: RegistryEntry): number | null => latestHeldAt([status().lastSyncedAt, entry.lastPeerSeenAt])
  /**
   * Before another member's device first confirms holding this device's work: "not yet", never
   * "never", since a device that has just joined is still receiving it and confirms once it has
   * it all; and while a device is connected, that the two are comparing.
   */
  const peerNotYet = (): string => (status().peers > 0 ? t('safety.peerComparing') : t('safety.notYet'))
  const [version, setVersion] = createSignal(0)
  const [facts] = createResource(
    // Read again after a re-key too: a backup holds the key, and must hold the one in force.
    () => [version(), app.storageFactsVersion(), props.entry.secret] as const,
    async () => {
      const [storage, entry] = await Promise.all([readStorageFacts(), app.registry.get(props.entry.id)])
      return { storage, entry: entry ?? props.entry }
    }
  )
  const safety = () => {
    const f = facts()
    if (!f) return null
    return assessDataSafety({
      persisted: f.storage.persisted,
      lastEditedAt: f.entry.lastEditedAt,
      lastPeerSeenAt: peerSeenAt(f.entry),
      lastRelayHeldAt: relayHeldAt(f.entry),
      lastBackupAt: f.entry.lastBackupAt ?? null,
      hasWork: artifacts().length > 0,
      now: Date.now()
    })
  }
  // On unless turned off: an unprotected backup opens the workspace for anyone who has the file.
  const [protect, setProtect] = createSignal(true)
  const [passphrase, setPassphrase] = createSignal('')
  let passphraseInput: HTMLInputElement | HTMLTextAreaElement | undefined
  const [error, setError] = createSignal<string | undefined>()
  const [busy, setBusy] = createSignal(false)
  const [done, setDone] = createSignal(false)

  const backUp = async (): Promise<void> => {
    if (busy()) return
    // A new attempt: the last one's "downloaded" no longer describes what happens now.
    setDone(false)
    if (protect() && passphrase().length < 8) {
      setError(t('safety.passphraseShort'))
      // To the field the message is about, which reads it out with its label.
      passphraseInput?.focus()
      return
    }
    setError(undefined)
    setBusy(true)
    try {
      const entry = facts()?.entry ?? props.entry
      const library = attachments()
      const kept = library ? await collectBackupAttachments(await library.store()) : null
      const bytes = await makeBackup(entry, props.doc, protect() ? passphrase() : null, Date.now(), kept?.section)
      downloadBytes(bytes, fileNameFor(entry.name, 'mutual'))
      await recordBackup(app.registry, entry)
      setDone(true)
      setPassphrase('')
      setVersion((v) => v + 1)
    } catch (e) {
      setError(t('safety.backupFailed', { reason: e instanceof Error ? e.message : String(e) }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="panel data-safety" aria-labelledby="data-safety-title">
      <h2 id="data-safety-title">{t('safety.title')}</h2>
      <Show when={facts()}>
        {(f) => (
          <ul class="facts-list">
            <li>
              {t('safety.storage')}{' '}
              {f().storage.persisted === true ? t('safety.persistent') : t('safety.mayBeCleared')}
            </li>
            <li>
              {t('safety.peerSynced')}{' '}
              <Show when={peerSeenAt(f().entry)} fallback={peerNotYet()}>
                {(at) => <RelativeTime time={at()} />}
              </Show>
            </li>
            <li>{describeRelayCopy(status().relay, t)}</li>
            <li>
              {t('safety.relayHeld')}{' '}
              <Show when={relayHeldAt(f().entry)} fallback={f().entry.sync?.peerToPeerOnly ? t('safety.noRelay') : t('safety.notYet')}>
                {(at) => <RelativeTime time={at()} />}
              </Show>
            </li>
            <li>
              {t('safety.lastBackup')}{' '}
              <Show when={f().entry.lastBackupAt} fallback={t('safety.never')}>
                {(at) => <RelativeTime time={at()} />}
              </Show>
            </li>
          </ul>
        )}
      </Show>
      <Show when={safety()}>
        {(s) => (
          <Show
            when={s().level !== 'safe'}
            fallback={<p class="status-line status-ok">{t('safety.safe')}</p>}
          >
            <div
              class={`alert alert-${dataSafetyTone(s().level)}`}
              role={dataSafetyTone(s().level) === 'warning' ? 'alert' : 'status'}
            >
              <p class="alert-title">{levelTitle(s().level as Exclude<DataSafety['level'], 'safe'>)}</p>
              <ul>
                <For each={s().concerns}>{(c) => <li>{concernText(c)}</li>}</For>
              </ul>
            </div>
          </Show>
        )}
      </Show>
      <div class="stack">
        <label class="checkbox">
          <input type="checkbox" checked={protect()} onChange={(e) => setProtect(e.currentTarget.checked)} />
          {t('safety.protect')}
        </label>
        <Show
          when={protect()}
          fallback={
            <p class="unprotected-backup">{t('safety.unprotected')}</p>
          }
        >
          <PassphraseField
            label={t('import.passphrase')}
            hint={t('safety.passphraseHint')}
            value={passphrase()}
            onInput={setPassphrase}
            error={error()}
            autocomplete="new-password"
            inputRef={(el) => (passphraseInput = el)}
          />
        </Show>
        <Show when={!protect() && error()}>
          <p class="error-message" role="alert">
            {error()}
          </p>
        </Show>
        <div class="actions">
          <button type="button" class="button primary" aria-disabled={busy() || undefined} onClick={() => void backUp()}>
            {busy() ? t('safety.preparing') : t('safety.download')}
          </button>
        </div>
        <Show when={done()}>
          <p class="status-line status-ok" role="status">
            {t('safety.downloaded')}
          </p>
        </Show>
      </div>
    </section>
  )
}
