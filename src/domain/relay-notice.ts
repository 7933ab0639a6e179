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

export const GAP_TEXT =
  'Some changes the relay should have sent are missing. They arrive when the member who made them, or another device that has them, is online again.'

export const relayNotice = (relay: RelayStatus): RelayNotice | null => {
  if (relay.state === 'refused') return { urgency: 'alert', text: describeRelay(relay).detail }
  if (relay.state === 'unavailable') return { urgency: 'status', text: describeRelay(relay).detail }
  if (relay.gap) return { urgency: 'status', text: GAP_TEXT }
  return null
}

/** The latest moment a relay acknowledged holding everything this device had, of those known. */
export const latestHeldAt = (times: readonly (number | null | undefined)[]): number | null =>
  times.reduce<number | null>((latest, at) => (typeof at === 'number' && (latest === null || at > latest) ? at : latest), null)
