import { describe, expect, it } from 'vitest'
import { latestHeldAt, relayNotice } from '../../../src/domain/relay-notice'
import { RELAY_OFF, describeRelay } from '../../../src/domain/sync-status'

import { makeTranslator } from '../../../src/ui/i18n/make-translator'

const en = makeTranslator('en')
describe('relay notices', () => {
  it('interrupt for a refused entry, inform for an unavailable relay or a gap, and stay quiet otherwise', () => {
    const refused = { ...RELAY_OFF, state: 'refused' as const, problem: 'The relay sent something altered. Nothing of it was applied.' }
    expect(relayNotice(refused, en)).toEqual({ urgency: 'alert', text: refused.problem })
    const unavailable = { ...RELAY_OFF, state: 'unavailable' as const }
    expect(relayNotice(unavailable, en)).toEqual({ urgency: 'status', text: describeRelay(unavailable, en).detail })
    expect(relayNotice({ ...RELAY_OFF, state: 'synced', heldAt: 5, gap: true }, en)).toEqual({ urgency: 'status', text: en('sync.relay.gap') })
    expect(relayNotice({ ...RELAY_OFF, state: 'synced', heldAt: 5 }, en)).toBeNull()
    expect(relayNotice({ ...RELAY_OFF, state: 'unreachable', since: 5 }, en)).toBeNull()
    expect(relayNotice(RELAY_OFF, en)).toBeNull()
  })

  it('take the latest acknowledgement of those known', () => {
    expect(latestHeldAt([])).toBeNull()
    expect(latestHeldAt([null, undefined])).toBeNull()
    expect(latestHeldAt([3, null, 7, 5])).toBe(7)
  })
})
