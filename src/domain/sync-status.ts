/**
 * What this device knows about syncing one workspace, and how to say it. Only facts the
 * device can observe are claimed: a direct connection is a connection, and a change counts
 * as seen elsewhere only after another device reported holding the same state.
 */
export type SignallingState =
  /** The browser says there is no network: live sync is paused. */
  | 'offline'
  /** Trying to reach a signalling server for the first time (or again). */
  | 'connecting'
  /** At least one signalling server answered: peers can find this device. */
  | 'online'
  /** Every signalling server has failed several times in a row. */
  | 'unreachable'
  /** No signalling server is configured for this workspace. */
  | 'none'

/** The relay of this workspace, as this device sees it (docs/relay-protocol.md). */
export type RelayState =
  /** No relay is set for this workspace: peer-to-peer only. */
  | 'off'
  /** Reaching the relay, or receiving what it holds. */
  | 'connecting'
  /** Connected; changes of this device are on their way or not yet acknowledged. */
  | 'sending'
  /** The relay acknowledged holding everything this device has. */
  | 'synced'
  /** The relay does not answer (or the browser is offline); changes wait here. */
  | 'unreachable'
  /** The relay answered that it cannot store now (its database is down, or it is full). */
  | 'unavailable'
  /** The relay sent something this device refused (altered, or from a newer version). */
  | 'refused'

export interface RelayStatus {
  state: RelayState
  /** When the relay last acknowledged holding everything this device had. */
  heldAt: number | null
  /** While unreachable: since when. */
  since: number | null
  /** A sentence a person reads, when something is wrong. */
  problem: string | null
  /** Something the relay should have sent is missing; it arrives when its author or a peer sends it again. */
  gap: boolean
}

export const RELAY_OFF: RelayStatus = { state: 'off', heldAt: null, since: null, problem: null, gap: false }

export interface SyncStatus {
  signalling: SignallingState
  /** Open direct (WebRTC) connections to other devices. */
  peers: number
  /** Other tabs of this browser with the same workspace open (BroadcastChannel). */
  tabs: number
  /**
   * 'yes': this device holds changes no other device has reported having; 'no': another
   * device reported the same state as this one; 'unknown': not worked out yet.
   */
  unseenChanges: 'yes' | 'no' | 'unknown'
  /** When another device last reported holding everything this device had. */
  lastSyncedAt: number | null
  relay: RelayStatus
}

export const INITIAL_SYNC_STATUS: SyncStatus = {
  signalling: 'connecting',
  peers: 0,
  tabs: 0,
  unseenChanges: 'unknown',
  lastSyncedAt: null,
  relay: RELAY_OFF
}

export type SyncTone = 'ok' | 'busy' | 'idle' | 'warning'

export interface SyncDescription {
  /** Short, for the toolbar. */
  label: string
  /** A sentence for the details view. */
  detail: string
  tone: SyncTone
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

export const describeConnection = (status: SyncStatus): SyncDescription => {
  if (status.peers > 0) {
    return {
      label: `Connected to ${plural(status.peers, 'peer', 'peers')}`,
      detail: `Changes go straight to ${plural(status.peers, 'other device', 'other devices')} as you make them.`,
      tone: 'ok'
    }
  }
  switch (status.signalling) {
    case 'offline':
      return {
        label: 'Offline',
        detail: 'This device is offline. Your changes are saved here and are shared when you are back online.',
        tone: 'warning'
      }
    case 'connecting':
      return { label: 'Connecting…', detail: 'Looking for the other members of this workspace.', tone: 'busy' }
    case 'unreachable':
      return {
        label: 'Cannot reach the sync server',
        detail:
          'The signalling server for this workspace does not answer, so other devices cannot find this one. Your changes are saved here. Check the connection settings, or carry changes on a file.',
        tone: 'warning'
      }
    case 'none':
      return {
        label: 'Live sync is off',
        detail: 'No signalling server is set for this workspace. Add one in the connection settings, or carry changes on a file.',
        tone: 'warning'
      }
    case 'online':
      return {
        label: status.tabs > 0 ? 'Online · other tabs only' : 'Online · nobody else here',
        detail: 'Online and waiting: no other member’s device has this workspace open right now.',
        tone: 'idle'
      }
  }
}

export const describeUnseenChanges = (status: SyncStatus): string | null => {
  switch (status.unseenChanges) {
    case 'yes':
      return status.relay.state === 'off'
        ? 'This device has changes that no other device has seen yet.'
        : 'This device has changes that no other device and not the relay have yet.'
    case 'no':
      return status.relay.state === 'synced' && status.lastSyncedAt === null
        ? 'Every change on this device is held by the relay.'
        : 'Every change on this device has reached another device.'
    case 'unknown':
      return null
  }
}

/** Hours and minutes in the device's own time, as people read a clock ("09:14"). */
export const clockTime = (at: number): string => {
  const date = new Date(at)
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`
}

/** The relay in a few words for the toolbar, and a sentence for the details. */
export const describeRelay = (relay: RelayStatus): SyncDescription => {
  switch (relay.state) {
    case 'off':
      return { label: 'Peer-to-peer only', detail: 'No relay is set for this workspace: changes travel only while another member’s device is online.', tone: 'idle' }
    case 'connecting':
      return { label: 'Relay: connecting…', detail: 'Reaching the relay and receiving what it holds.', tone: 'busy' }
    case 'sending':
      return { label: 'Relay: sending…', detail: 'Sending your latest changes to the relay, encrypted.', tone: 'busy' }
    case 'synced':
      return {
        label: relay.heldAt === null ? 'Relay holds your changes' : `Relay holds your changes (${clockTime(relay.heldAt)})`,
        detail:
          relay.heldAt === null
            ? 'Relay holds an encrypted copy of all your changes.'
            : `Relay holds an encrypted copy of all your changes (${clockTime(relay.heldAt)}).`,
        tone: 'ok'
      }
    case 'unreachable':
      return {
        label: relay.since === null ? 'Relay unreachable' : `Relay unreachable since ${clockTime(relay.since)}`,
        detail: `${relay.since === null ? 'The relay does not answer.' : `The relay has not answered since ${clockTime(relay.since)}.`} Your changes are saved on this device and are sent when it answers again.`,
        tone: 'warning'
      }
    case 'unavailable':
      return {
        label: 'Relay unavailable',
        detail: relay.problem ?? 'The relay cannot store changes just now. Your changes are saved on this device and are sent when it can.',
        tone: 'warning'
      }
    case 'refused':
      return {
        label: 'Relay: problem',
        detail: relay.problem ?? 'This device refused something the relay sent. Your changes are saved on this device.',
        tone: 'warning'
      }
  }
}

/**
 * Where the work is, as far as the relay goes, in one line for "Keeping this work safe": the
 * relay's copy with its time when it holds everything, otherwise the same words as the sync
 * indicator ("Relay unreachable since 09:14", "Peer-to-peer only").
 */
export const describeRelayCopy = (relay: RelayStatus): string => {
  const described = describeRelay(relay)
  return relay.state === 'synced' ? described.detail : described.label
}
