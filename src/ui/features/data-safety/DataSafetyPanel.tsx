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
import { createSyncStatus, useWorkspaceSync } from '../sync-status/sync-context'

const CONCERN_TEXT: Record<DataSafetyConcern, string> = {
  'storage-not-persistent': 'The browser may clear this device’s copy when space runs low.',
  'never-synced': 'No other member’s device has synced with this one yet.',
  'not-synced-recently': 'No other member’s device has synced with this one for over a week.',
  'never-backed-up': 'There is no backup of this workspace from this device.',
  'edited-since-backup': 'There have been changes since the last backup.'
}

const TITLE: Record<Exclude<DataSafety['level'], 'safe'>, string> = {
  'only-copy': 'This device may hold the only copy of recent work. Please make a backup.',
  'at-risk': 'Some of this work is less safe than it could be.',
  'nothing-to-lose': 'This workspace is only on this device so far. Once there is work in it, invite a member or make a backup.'
}

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
  const [version, setVersion] = createSignal(0)
  const [facts] = createResource(
    () => [version(), app.storageFactsVersion()] as const,
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
      lastPeerSeenAt: f.entry.lastPeerSeenAt ?? null,
      lastRelayHeldAt: relayHeldAt(f.entry),
      lastBackupAt: f.entry.lastBackupAt ?? null,
      hasWork: artifacts().length > 0,
      now: Date.now()
    })
  }
  // On unless turned off: an unprotected backup opens the workspace for anyone who has the file.
  const [protect, setProtect] = createSignal(true)
  const [passphrase, setPassphrase] = createSignal('')
  const [error, setError] = createSignal<string | undefined>()
  const [busy, setBusy] = createSignal(false)
  const [done, setDone] = createSignal(false)

  const backUp = async (): Promise<void> => {
    if (busy()) return
    // A new attempt: the last one's "downloaded" no longer describes what happens now.
    setDone(false)
    if (protect() && passphrase().length < 8) {
      setError('Use a passphrase of at least 8 characters, or turn protection off.')
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
      setError(`The backup could not be made: ${e instanceof Error ? e.message : String(e)}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="panel data-safety" aria-labelledby="data-safety-title">
      <h2 id="data-safety-title">Keeping this work safe</h2>
      <Show when={facts()}>
        {(f) => (
          <ul class="facts-list">
            <li>
              Storage on this device:{' '}
              {f().storage.persisted === true ? 'persistent' : 'may be cleared by the browser'}
            </li>
            <li>
              Another member’s device last synced:{' '}
              <Show when={f().entry.lastPeerSeenAt} fallback="never">
                {(at) => <RelativeTime time={at()} />}
              </Show>
            </li>
            <li>
              The relay last held all of this device’s changes:{' '}
              <Show when={relayHeldAt(f().entry)} fallback={f().entry.sync?.peerToPeerOnly ? 'no relay (peer-to-peer only)' : 'not yet'}>
                {(at) => <RelativeTime time={at()} />}
              </Show>
            </li>
            <li>
              Last backup from this device:{' '}
              <Show when={f().entry.lastBackupAt} fallback="never">
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
            fallback={<p class="status-line status-ok">Another device or the relay, and a recent backup, hold this work.</p>}
          >
            <div
              class={`alert alert-${dataSafetyTone(s().level)}`}
              role={dataSafetyTone(s().level) === 'warning' ? 'alert' : 'status'}
            >
              <p class="alert-title">{TITLE[s().level as keyof typeof TITLE]}</p>
              <ul>
                <For each={s().concerns}>{(c) => <li>{CONCERN_TEXT[c]}</li>}</For>
              </ul>
            </div>
          </Show>
        )}
      </Show>
      <div class="stack">
        <label class="checkbox">
          <input type="checkbox" checked={protect()} onChange={(e) => setProtect(e.currentTarget.checked)} />
          Protect the backup with a passphrase
        </label>
        <Show
          when={protect()}
          fallback={
            <p class="unprotected-backup">
              Without a passphrase, this backup is a permanent key to the workspace: anyone who gets the file can
              open everything in it and join the workspace as a member, now and later. Keep it as safe as the
              workspace itself.
            </p>
          }
        >
          <PassphraseField
            label="Passphrase"
            hint="At least 8 characters. Without it the backup cannot be opened, so keep it somewhere safe."
            value={passphrase()}
            onInput={setPassphrase}
            error={error()}
            autocomplete="new-password"
          />
        </Show>
        <Show when={!protect() && error()}>
          <p class="error-message" role="alert">
            {error()}
          </p>
        </Show>
        <div class="actions">
          <button type="button" class="button primary" aria-disabled={busy() || undefined} onClick={() => void backUp()}>
            {busy() ? 'Preparing backup…' : 'Download a backup'}
          </button>
        </div>
        <Show when={done()}>
          <p class="status-line status-ok" role="status">
            Backup downloaded. Keep the file somewhere other than this device.
          </p>
        </Show>
      </div>
    </section>
  )
}
