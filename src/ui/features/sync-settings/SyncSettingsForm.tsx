import { For, Show, createSignal, createUniqueId } from 'solid-js'
import { createStore } from 'solid-js/store'
import { SyncSettingsSchema, MAX_ICE_SERVERS, type SyncSettings } from '../../../domain/sync-settings'
import { Alert } from '../../components/Alert'
import { ErrorSummary } from '../../components/ErrorList'
import { TextField } from '../../components/TextField'
import { RelaySettingsFields, type RelayChoice } from './RelaySettingsFields'
import './sync-settings.css'

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
        return Object.values(fields).map((m) => `STUN or TURN server ${n}: ${m}`)
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
        if (field === 'signallingUrls') {
          found.signalling ??=
            typeof index === 'number' ? `Other signalling servers, line ${index + 1}: ${issue.message}` : issue.message
        } else if (field === 'relayUrls') {
          found.relays ??= typeof index === 'number' ? `Other relays, line ${index + 1}: ${issue.message}` : issue.message
        } else if (field === 'iceServers' && typeof index === 'number') {
          const key = rows[index]?.key ?? ''
          const name = sub === 'username' || sub === 'credential' ? sub : 'urls'
          found.ice[key] = { ...found.ice[key], [name]: found.ice[key]?.[name] ?? issue.message }
        } else {
          found.other ??= issue.message
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
      setErrors({ ice: {}, other: `Not saved: ${error instanceof Error ? error.message : String(error)}` })
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
        <Alert tone="success" title="Connection settings saved">
          <p>This device is reconnecting with them now.</p>
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
          <label for={checkboxId}>Use the signalling server of this app</label>
        </div>
        <p class="hint" id={`${checkboxId}-hint`}>
          {props.appServerUrl ? `At ${props.appServerUrl}, where this app was loaded from.` : 'This page was not loaded from a server.'}
        </p>
      </div>
      <TextField
        label="Other signalling servers"
        hint="One address per line, such as wss://signal.your-council.example. Everyone in the workspace needs at least one server in common; new invitations include these."
        multiline
        value={signalling()}
        onInput={setSignalling}
        error={errors().signalling}
      />
      <RelaySettingsFields value={relay()} appRelayUrl={props.appRelayUrl} error={errors().relays} onChange={setRelay} />
      <fieldset class="ice-servers">
        <legend>STUN and TURN servers</legend>
        <p class="hint">
          None unless you add them: Mutual contacts no STUN server by default. A council network that blocks direct
          connections between devices needs a TURN server; your IT team can provide one. Passwords stay on this device.
        </p>
        <For each={rows}>
          {(row, index) => (
            <fieldset class="ice-server">
              <legend>STUN or TURN server {index() + 1}</legend>
              <TextField
                label="Addresses"
                hint="stun: or turn: addresses, separated by spaces, such as turn:turn.your-council.example:3478"
                value={row.urls}
                onInput={(v) => setRows(index(), 'urls', v)}
                error={errors().ice[row.key]?.urls}
              />
              <TextField
                label="Username"
                value={row.username}
                onInput={(v) => setRows(index(), 'username', v)}
                error={errors().ice[row.key]?.username}
              />
              <TextField
                label="Password"
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
                  Remove server {index() + 1}
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
            Add a STUN or TURN server
          </button>
        </Show>
      </fieldset>
      <div class="actions">
        <button type="submit" class="button primary" aria-disabled={busy() || undefined}>
          {busy() ? 'Saving…' : 'Save connection settings'}
        </button>
      </div>
    </form>
  )
}
