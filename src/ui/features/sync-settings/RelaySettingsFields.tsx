import { Show, createUniqueId } from 'solid-js'
import { TextField } from '../../components/TextField'
import { t } from '../../i18n/t'

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
      <legend>{t('sync.settings.relay')}</legend>
      <p class="hint">{t('sync.settings.relayHint')}</p>
      <label class="relay-option">
        <input type="radio" name={`${id}-mode`} checked={!props.value.peerToPeerOnly} onChange={() => set({ peerToPeerOnly: false })} />
        <span>{t('sync.settings.useRelay')}</span>
      </label>
      <label class="relay-option">
        <input
          type="radio"
          name={`${id}-mode`}
          checked={props.value.peerToPeerOnly}
          onChange={() => set({ peerToPeerOnly: true })}
          aria-describedby={`${id}-p2p-hint`}
        />
        <span>{t('sync.settings.peerToPeerOnly')}</span>
      </label>
      <p class="hint" id={`${id}-p2p-hint`}>
        {t('sync.settings.peerToPeerHint')}
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
            <label for={`${id}-app`}>{t('sync.settings.useAppRelay')}</label>
          </div>
          <p class="hint" id={`${id}-app-hint`}>
            {props.appRelayUrl ? t('sync.settings.loadedFrom', { address: props.appRelayUrl }) : t('sync.settings.notFromServer')}
          </p>
        </div>
        <TextField
          label={t('sync.settings.otherRelays')}
          hint={t('sync.settings.otherRelaysHint')}
          multiline
          value={props.value.relayUrls}
          onInput={(relayUrls) => set({ relayUrls })}
          error={props.error}
        />
      </Show>
    </fieldset>
  )
}
