import { INCOMING_REFUSAL_REASONS, type IncomingRefusalReason, type RefusedIncoming } from '../../domain/refused-incoming'
import type { DeviceKeyId } from '../../domain/trust/membership-entry'

/** Devices told apart at most: past that, a flood of made-up keys costs nothing more. */
export const MAX_DEVICES_TOLD_APART = 16
/** The Sync status hears of new refusals at most this often: a flood cannot keep the page re-drawing. */
export const REFUSED_NOTIFY_MS = 1_000

export interface RefusedIncomingRecord {
  /**
   * The trust check refused something another device sent (its author, when its signature
   * checked out). Only counted: the refusal itself happened where it was decided.
   */
  record(reason: IncomingRefusalReason, author: DeviceKeyId | null): void
  /** What the Sync status shows; null while nothing was refused. */
  summary(): RefusedIncoming | null
  destroy(): void
}

/**
 * What this device's trust check refused from other devices while the workspace is open, so
 * the person sees it in the Sync status (domain/refused-incoming.ts) rather than only in the
 * console. Fixed in size whatever arrives (a count, a few reasons, at most
 * MAX_DEVICES_TOLD_APART device keys), and `onChange` is called at most once per
 * REFUSED_NOTIFY_MS, the last call always coming.
 */
export const makeRefusedIncomingRecord = (options: { onChange: () => void; now?: () => number }): RefusedIncomingRecord => {
  const now = options.now ?? Date.now
  const reasons = new Set<IncomingRefusalReason>()
  const devices = new Set<DeviceKeyId>()
  let count = 0
  let lastAt = 0
  let shown: RefusedIncoming | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let notifiedAt = -Infinity
  let destroyed = false

  const publish = (): void => {
    timer = null
    if (destroyed) return
    notifiedAt = now()
    shown = { count, devices: devices.size, reasons: INCOMING_REFUSAL_REASONS.filter((reason) => reasons.has(reason)), lastAt }
    options.onChange()
  }

  return {
    record(reason, author) {
      if (destroyed) return
      count++
      lastAt = now()
      reasons.add(reason)
      if (author !== null && devices.size < MAX_DEVICES_TOLD_APART) devices.add(author)
      if (timer) return
      timer = setTimeout(publish, Math.max(0, notifiedAt + REFUSED_NOTIFY_MS - lastAt))
    },
    summary: () => shown,
    destroy() {
      destroyed = true
      if (timer) clearTimeout(timer)
      timer = null
    }
  }
}

/**
 * Whether a refusal is one the person should hear of. A change refused for any reason is (its
 * device's own work). A state (all of a device's copy, mostly others' work) refused because
 * its signer's role may not vouch for some of it is not: a viewer's device passing on an
 * owner's notes to a device that lacks them is refused so in the ordinary course, and the notes
 * come from a device that may vouch for them. Nor is what could not be read at all, which says
 * nothing about who sent it.
 */
export const worthTelling = (reason: IncomingRefusalReason | 'unreadable', kind: 'change' | 'state'): reason is IncomingRefusalReason =>
  reason !== 'unreadable' && !(kind === 'state' && reason === 'not-allowed')
