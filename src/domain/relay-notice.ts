import type { Translate } from './i18n/catalogue'
import { describeRelay, type RelayStatus } from './sync-status'

/**
 * A relay problem a person should see without opening anything: what happened and whether it
 * interrupts (an altered entry refused, or this device too old for the relay) or only informs
 * (the relay cannot store just now, or something it should have sent is missing). Null when
 * there is nothing to say beyond the status itself.
 */
export interface RelayNotice {
  urgency: 'alert' | 'status'
  text: string
}

export const relayNotice = (relay: RelayStatus, tr: Translate): RelayNotice | null => {
  if (relay.state === 'refused') return { urgency: 'alert', text: describeRelay(relay, tr).detail }
  if (relay.state === 'unavailable') return { urgency: 'status', text: describeRelay(relay, tr).detail }
  if (relay.gap) return { urgency: 'status', text: tr('sync.relay.gap') }
  return null
}

/** The latest moment a relay acknowledged holding everything this device had, of those known. */
export const latestHeldAt = (times: readonly (number | null | undefined)[]): number | null =>
  times.reduce<number | null>((latest, at) => (typeof at === 'number' && (latest === null || at > latest) ? at : latest), null)
