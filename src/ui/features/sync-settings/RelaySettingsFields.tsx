import { Show, createUniqueId } from 'solid-js'
import { TextField } from '../../components/TextField'

export interface RelayChoice {
  peerToPeerOnly: boolean
  useAppRelay: boolean
  /** The further relays as typed: one address per line. */
  relayUrls: string
}

/**
 * The relay part of the connection settings: a relay (the app's own, and any other) keeps an
 * encrypted copy of the work so members who are never online together still get it; peer to
 * peer only means work travels only while two devices are online at once.
 */
export const RelaySettingsFields = (props: {
  value: RelayChoice
  appRelayUrl: string | null
  error?: string
  onChange: (next: RelayChoice) => void
}) => {
  const id = createUniqueId()
  const set = (change: Partial<RelayChoice>): void => props.onChange({ ...props.value, ...change })
  return (
    <fieldset class="relay-settings">
      <legend>Relay</legend>
      <p class="hint">
        A relay keeps an encrypted copy of this workspace’s changes, so members who are never online at the same time
        still get each other’s work. It cannot read them: only members hold the key.
      </p>
      <label class="relay-option">
        <input type="radio" name={`${id}-mode`} checked={!props.value.peerToPeerOnly} onChange={() => set({ peerToPeerOnly: false })} />
        <span>Use a relay</span>
      </label>
      <label class="relay-option">
        <input
          type="radio"
          name={`${id}-mode`}
          checked={props.value.peerToPeerOnly}
          onChange={() => set({ peerToPeerOnly: true })}
          aria-describedby={`${id}-p2p-hint`}
        />
        <span>Peer-to-peer only (no relay)</span>
      </label>
      <p class="hint" id={`${id}-p2p-hint`}>
        Nothing is sent to any relay. Your work reaches others only while their device and yours are both online.
      </p>
      <Show when={!props.value.peerToPeerOnly}>
        <div class="field">
          <div class="checkbox">
            <input
              id={`${id}-app`}
              type="checkbox"
              checked={props.value.useAppRelay}
              onChange={(e) => set({ useAppRelay: e.currentTarget.checked })}
              aria-describedby={`${id}-app-hint`}
            />
            <label for={`${id}-app`}>Use the relay next to the app</label>
          </div>
          <p class="hint" id={`${id}-app-hint`}>
            {props.appRelayUrl ? `At ${props.appRelayUrl}, where this app was loaded from.` : 'This page was not loaded from a server.'}
          </p>
        </div>
        <TextField
          label="Other relays"
          hint="One address per line, such as wss://relay.your-council.example. New invitations include these."
          multiline
          value={props.value.relayUrls}
          onInput={(relayUrls) => set({ relayUrls })}
          error={props.error}
        />
      </Show>
    </fieldset>
  )
}
