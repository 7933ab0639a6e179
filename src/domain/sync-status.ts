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
}

export const INITIAL_SYNC_STATUS: SyncStatus = {
  signalling: 'connecting',
  peers: 0,
  tabs: 0,
  unseenChanges: 'unknown',
  lastSyncedAt: null
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
      return 'This device has changes that no other device has seen yet.'
    case 'no':
      return 'Every change on this device has reached another device.'
    case 'unknown':
      return null
  }
}
