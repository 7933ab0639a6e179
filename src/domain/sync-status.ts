import type { Translate } from './i18n/catalogue'
import { translateKnown } from './i18n/known-text'
import type { RefusedIncoming } from './refused-incoming'
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
  /** The relay answered that it cannot store now (its database is down or busy). */
  | 'unavailable'
  /** The relay answered that this workspace's room (or the relay) is over its quota for changes. */
  | 'full'
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
  /**
   * The relay refused a photo or file because the room is over its file quota (count or
   * bytes). Changes may still sync; the files stay on this device and travel peer-to-peer.
   */
  filesFull: boolean
}

export const RELAY_OFF: RelayStatus = { state: 'off', heldAt: null, since: null, problem: null, gap: false, filesFull: false }

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
  /** Changes from other devices that this device's trust check refused since it opened the workspace; null when none. */
  refusedIncoming: RefusedIncoming | null
}

export const INITIAL_SYNC_STATUS: SyncStatus = {
  signalling: 'connecting',
  peers: 0,
  tabs: 0,
  unseenChanges: 'unknown',
  lastSyncedAt: null,
  relay: RELAY_OFF,
  refusedIncoming: null
}

export type SyncTone = 'ok' | 'busy' | 'idle' | 'warning'

export interface SyncDescription {
  /** Short, for the toolbar. */
  label: string
  /** A sentence for the details view. */
  detail: string
  tone: SyncTone
}

export const describeConnection = (status: SyncStatus, tr: Translate): SyncDescription => {
  if (status.peers > 0) {
    return {
      label: tr('sync.connected.label', { count: status.peers }),
      detail: tr('sync.connected.detail', { count: status.peers }),
      tone: 'ok'
    }
  }
  switch (status.signalling) {
    case 'offline':
      return { label: tr('sync.offline.label'), detail: tr('sync.offline.detail'), tone: 'warning' }
    case 'connecting':
      return { label: tr('sync.connecting.label'), detail: tr('sync.connecting.detail'), tone: 'busy' }
    case 'unreachable':
      return { label: tr('sync.unreachable.label'), detail: tr('sync.unreachable.detail'), tone: 'warning' }
    case 'none':
      return { label: tr('sync.none.label'), detail: tr('sync.none.detail'), tone: 'warning' }
    case 'online':
      return {
        label: tr(status.tabs > 0 ? 'sync.online.tabsOnly' : 'sync.online.alone'),
        detail: tr('sync.online.detail'),
        tone: 'idle'
      }
  }
}

export const describeUnseenChanges = (status: SyncStatus, tr: Translate): string | null => {
  switch (status.unseenChanges) {
    case 'yes':
      return tr(status.relay.state === 'off' ? 'sync.unseen.yes' : 'sync.unseen.yesWithRelay')
    case 'no':
      return tr(status.relay.state === 'synced' && status.lastSyncedAt === null ? 'sync.unseen.relayHolds' : 'sync.unseen.reached')
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
export const describeRelay = (relay: RelayStatus, tr: Translate): SyncDescription => {
  const described = describeRelayState(relay, tr)
  // Files the relay has no room for: whatever the state says, the dot warns (relay-notice.ts says why).
  return relay.filesFull ? { ...described, tone: 'warning' } : described
}

const describeRelayState = (relay: RelayStatus, tr: Translate): SyncDescription => {
  switch (relay.state) {
    case 'off':
      return { label: tr('sync.relay.off.label'), detail: tr('sync.relay.off.detail'), tone: 'idle' }
    case 'connecting':
      return { label: tr('sync.relay.connecting.label'), detail: tr('sync.relay.connecting.detail'), tone: 'busy' }
    case 'sending':
      return { label: tr('sync.relay.sending.label'), detail: tr('sync.relay.sending.detail'), tone: 'busy' }
    case 'synced': {
      const time = relay.heldAt === null ? null : clockTime(relay.heldAt)
      return {
        label: time === null ? tr('sync.relay.synced.label') : tr('sync.relay.synced.labelAt', { time }),
        detail: time === null ? tr('sync.relay.synced.detail') : tr('sync.relay.synced.detailAt', { time }),
        tone: 'ok'
      }
    }
    case 'unreachable': {
      const time = relay.since === null ? null : clockTime(relay.since)
      return {
        label: time === null ? tr('sync.relay.unreachable.label') : tr('sync.relay.unreachable.labelSince', { time }),
        detail: time === null ? tr('sync.relay.unreachable.detail') : tr('sync.relay.unreachable.detailSince', { time }),
        tone: 'warning'
      }
    }
    case 'unavailable':
      return {
        label: tr('sync.relay.unavailable.label'),
        detail: relay.problem === null ? tr('sync.relayProblem.unavailable') : translateKnown(tr, relay.problem),
        tone: 'warning'
      }
    case 'full':
      return {
        label: tr('sync.relay.full.label'),
        detail: relay.problem === null ? tr('sync.relayProblem.full') : translateKnown(tr, relay.problem),
        tone: 'warning'
      }
    case 'refused':
      return {
        label: tr('sync.relay.refused.label'),
        detail: relay.problem === null ? tr('sync.relay.refused.detail') : translateKnown(tr, relay.problem),
        tone: 'warning'
      }
  }
}

/**
 * Where the work is, as far as the relay goes, in one line for "Keeping this work safe": the
 * relay's copy with its time when it holds everything, otherwise the same words as the sync
 * indicator ("Relay unreachable since 09:14", "Peer-to-peer only").
 */
export const describeRelayCopy = (relay: RelayStatus, tr: Translate): string => {
  const described = describeRelay(relay, tr)
  return relay.state === 'synced' ? described.detail : described.label
}
