import { describe, expect, it } from 'vitest'
import { GAP_TEXT, latestHeldAt, relayNotice } from '../../../src/domain/relay-notice'
import { RELAY_OFF, describeRelay } from '../../../src/domain/sync-status'

describe('relay notices', () => {
  it('interrupt for a refused entry, inform for an unavailable relay or a gap, and stay quiet otherwise', () => {
    const refused = { ...RELAY_OFF, state: 'refused' as const, problem: 'The relay sent something altered. Nothing of it was applied.' }
    expect(relayNotice(refused)).toEqual({ urgency: 'alert', text: refused.problem })
    const unavailable = { ...RELAY_OFF, state: 'unavailable' as const }
    expect(relayNotice(unavailable)).toEqual({ urgency: 'status', text: describeRelay(unavailable).detail })
    expect(relayNotice({ ...RELAY_OFF, state: 'synced', heldAt: 5, gap: true })).toEqual({ urgency: 'status', text: GAP_TEXT })
    expect(relayNotice({ ...RELAY_OFF, state: 'synced', heldAt: 5 })).toBeNull()
    expect(relayNotice({ ...RELAY_OFF, state: 'unreachable', since: 5 })).toBeNull()
    expect(relayNotice(RELAY_OFF)).toBeNull()
  })

  it('take the latest acknowledgement of those known', () => {
    expect(latestHeldAt([])).toBeNull()
    expect(latestHeldAt([null, undefined])).toBeNull()
    expect(latestHeldAt([3, null, 7, 5])).toBe(7)
  })
})
