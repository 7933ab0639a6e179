import { For, Show, createSignal, createUniqueId } from 'solid-js'
import { createStore } from 'solid-js/store'
import { SyncSettingsSchema, MAX_ICE_SERVERS, type SyncSettings } from '../../../domain/sync-settings'
import { Alert } from '../../components/Alert'
import { ErrorSummary } from '../../components/ErrorList'
import { TextField } from '../../components/TextField'
import { RelaySettingsFields, type RelayChoice } from './RelaySettingsFields'
import './sync-settings.css'
import { t } from '../../i18n/t'
import { settingsRefusal } from './settings-refusal'

interface IceRow {
  key: string
  urls: string
  username: string
  credential: string
}

interface FieldErrors {
  signalling?: string
  relays?: string
  ice: Record<string, { urls?: string; username?: string; credential?: string }>
  other?: string
}

const lines = (text: string): string[] =>
  text
    .split(/[\n,]+/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)

const words = (text: string): string[] => text.split(/[\s,]+/).filter((w) => w.length > 0)

/**
 * Where this device looks for the other members: signalling servers (the app's own, and any
 * other) and STUN/TURN servers with their credentials. Checked before saving; nothing
 * outside this computer is contacted unless it is listed here.
 */
export const SyncSettingsForm = (props: {
  initial: SyncSettings
  appServerUrl: string | null
  appRelayUrl: string | null
  onSave: (settings: SyncSettings) => Promise<void>
}) => {
  const [useAppServer, setUseAppServer] = createSignal(props.initial.useAppServer)
  const [signalling, setSignalling] = createSignal(props.initial.signallingUrls.join('\n'))
  const [relay, setRelay] = createSignal<RelayChoice>({
    peerToPeerOnly: props.initial.peerToPeerOnly,
    useAppRelay: props.initial.useAppRelay,
    relayUrls: props.initial.relayUrls.join('\n')
  })
  const [rows, setRows] = createStore<IceRow[]>(
    props.initial.iceServers.map((s) => ({
      key: createUniqueId(),
      urls: s.urls.join(' '),
      username: s.username ?? '',
      credential: s.credential ?? ''
    }))
  )
  const [errors, setErrors] = createSignal<FieldErrors>({ ice: {} })
  const [saved, setSaved] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const checkboxId = createUniqueId()

  const summary = (): string[] => {
    const e = errors()
    return [
      ...(e.signalling ? [e.signalling] : []),
      ...(e.relays ? [e.relays] : []),
      ...Object.entries(e.ice).flatMap(([key, fields]) => {
        const n = rows.findIndex((r) => r.key === key) + 1
        return Object.values(fields).map((message) => t('sync.settings.iceError', { number: n, message }))
      }),
      ...(e.other ? [e.other] : [])
    ]
  }

  const submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault()
    if (busy()) return
    setSaved(false)
    const signallingLines = lines(signalling())
    const candidate = {
      useAppServer: useAppServer(),
      signallingUrls: signallingLines,
      peerToPeerOnly: relay().peerToPeerOnly,
      useAppRelay: relay().useAppRelay,
      relayUrls: lines(relay().relayUrls),
      iceServers: rows.map((r) => ({
        urls: words(r.urls),
        ...(r.username.trim() ? { username: r.username.trim() } : {}),
        ...(r.credential ? { credential: r.credential } : {})
      }))
    }
    const parsed = SyncSettingsSchema.safeParse(candidate)
    if (!parsed.success) {
      const found: FieldErrors = { ice: {} }
      for (const issue of parsed.error.issues) {
        const [field, index, sub] = issue.path
        const message = settingsRefusal(issue, t)
        if (field === 'signallingUrls') {
          found.signalling ??= typeof index === 'number' ? t('sync.settings.signallingLine', { line: index + 1, message }) : message
        } else if (field === 'relayUrls') {
          found.relays ??= typeof index === 'number' ? t('sync.settings.relayLine', { line: index + 1, message }) : message
        } else if (field === 'iceServers' && typeof index === 'number') {
          const key = rows[index]?.key ?? ''
          const name = sub === 'username' || sub === 'credential' ? sub : 'urls'
          found.ice[key] = { ...found.ice[key], [name]: found.ice[key]?.[name] ?? message }
        } else {
          found.other ??= message
        }
      }
      setErrors(found)
      return
    }
    setErrors({ ice: {} })
    setBusy(true)
    try {
      await props.onSave(parsed.data)
      setSaved(true)
    } catch (error) {
      setErrors({ ice: {}, other: t('sync.settings.notSaved', { reason: error instanceof Error ? error.message : String(error) }) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="stack sync-settings" novalidate onSubmit={(e) => void submit(e)}>
      <Show when={summary().length > 0}>
        <ErrorSummary errors={summary()} />
      </Show>
      <Show when={saved()}>
        <Alert tone="success" title={t('sync.settings.saved')}>
          <p>{t('sync.settings.reconnecting')}</p>
        </Alert>
      </Show>
      <div class="field">
        <div class="checkbox">
          <input
            id={checkboxId}
            type="checkbox"
            checked={useAppServer()}
            onChange={(e) => setUseAppServer(e.currentTarget.checked)}
            aria-describedby={`${checkboxId}-hint`}
          />
          <label for={checkboxId}>{t('sync.settings.useAppServer')}</label>
        </div>
        <p class="hint" id={`${checkboxId}-hint`}>
          {props.appServerUrl ? t('sync.settings.loadedFrom', { address: props.appServerUrl }) : t('sync.settings.notFromServer')}
        </p>
      </div>
      <TextField
        label={t('sync.settings.otherSignalling')}
        hint={t('sync.settings.otherSignallingHint')}
        multiline
        value={signalling()}
        onInput={setSignalling}
        error={errors().signalling}
      />
      <RelaySettingsFields value={relay()} appRelayUrl={props.appRelayUrl} error={errors().relays} onChange={setRelay} />
      <fieldset class="ice-servers">
        <legend>{t('sync.settings.ice')}</legend>
        <p class="hint">{t('sync.settings.iceHint')}</p>
        <For each={rows}>
          {(row, index) => (
            <fieldset class="ice-server">
              <legend>{t('sync.settings.iceServer', { number: index() + 1 })}</legend>
              <TextField
                label={t('sync.settings.iceAddresses')}
                hint={t('sync.settings.iceAddressesHint')}
                value={row.urls}
                onInput={(v) => setRows(index(), 'urls', v)}
                error={errors().ice[row.key]?.urls}
              />
              <TextField
                label={t('sync.settings.username')}
                value={row.username}
                onInput={(v) => setRows(index(), 'username', v)}
                error={errors().ice[row.key]?.username}
              />
              <TextField
                label={t('sync.settings.password')}
                type="password"
                value={row.credential}
                onInput={(v) => setRows(index(), 'credential', v)}
                error={errors().ice[row.key]?.credential}
              />
              <div class="actions">
                <button
                  type="button"
                  class="button small danger-outline"
                  onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                >
                  {t('sync.settings.removeServer', { number: index() + 1 })}
                </button>
              </div>
            </fieldset>
          )}
        </For>
        <Show when={rows.length < MAX_ICE_SERVERS}>
          <button
            type="button"
            class="button small"
            onClick={() => setRows(rows.length, { key: createUniqueId(), urls: '', username: '', credential: '' })}
          >
            {t('sync.settings.addServer')}
          </button>
        </Show>
      </fieldset>
      <div class="actions">
        <button type="submit" class="button primary" aria-disabled={busy() || undefined}>
          {busy() ? t('sync.settings.saving') : t('sync.settings.save')}
        </button>
      </div>
    </form>
  )
}
