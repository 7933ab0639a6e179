import type { Translate } from './i18n/catalogue'
import { clockTime } from './sync-status'
import type { RefusalReason } from './trust/change-decision'

/**
 * Why this device did not accept something another device sent: the rules' reasons, a bad
 * signature, or no signature at all (`unsigned`: from a device on a Mutual from before signed
 * changes, or from anyone else who has the workspace's key).
 */
export type IncomingRefusalReason = RefusalReason | 'unsigned' | 'bad-signature'

/** In the order they are explained: the one a person can act on first. */
export const INCOMING_REFUSAL_REASONS: readonly IncomingRefusalReason[] = ['not-a-member', 'not-allowed', 'went-back', 'unsigned', 'bad-signature']

/**
 * Changes from other devices that this device's trust check refused since the workspace opened
 * here (docs/trust.md, "Signed changes"). The refusal stands; this is only so the person is
 * not left believing their work is shared when it is not. Counts, not contents: its size is
 * the same however many arrive.
 */
export interface RefusedIncoming {
  /** Changes (and states) refused. */
  count: number
  /** Different devices whose signature checked out among them (at most a few are told apart). */
  devices: number
  /** Each reason met, in INCOMING_REFUSAL_REASONS order. */
  reasons: readonly IncomingRefusalReason[]
  /** When the last one was refused. */
  lastAt: number
}

export const sameRefusedIncoming = (a: RefusedIncoming | null, b: RefusedIncoming | null): boolean =>
  a === b ||
  (a !== null && b !== null && a.count === b.count && a.devices === b.devices && a.lastAt === b.lastAt && a.reasons.join() === b.reasons.join())

/**
 * What the person reads: `notice`, one sentence shown under the Sync button (the first reason,
 * in plain words), and `detail`, for the Sync dialog: how many, since when, and what to do for
 * each reason met.
 */
export const describeRefusedIncoming = (refused: RefusedIncoming, tr: Translate): { notice: string; detail: string[] } => {
  const first = refused.reasons[0] ?? 'not-a-member'
  return {
    notice: `${tr(`sync.refusedIncoming.${first}`)} ${tr('sync.refusedIncoming.seeSync')}`,
    detail: [
      tr('sync.refusedIncoming.count', { count: refused.count, devices: Math.max(1, refused.devices), time: clockTime(refused.lastAt) }),
      ...refused.reasons.map((reason) => `${tr(`sync.refusedIncoming.${reason}`)} ${tr(`sync.refusedIncoming.${reason}.todo`)}`)
    ]
  }
}
