import { describe, expect, it } from 'vitest'
import { latestHeldAt, relayNotice } from '../../../src/domain/relay-notice'
import { RELAY_OFF, describeRelay } from '../../../src/domain/sync-status'

import { RELAY_PROBLEMS } from '../../../src/sync/relay/relay-problems'
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

  it('say plainly, in English and Welsh, when the relay is full and what to do', () => {
    const cy = makeTranslator('cy')
    // The room is over its quota for changes: the sync pill says "Relay full", and the notice
    // says the work is safe here, still travels peer-to-peer, and who can make room.
    const full = { ...RELAY_OFF, state: 'full' as const, problem: RELAY_PROBLEMS.full }
    expect(describeRelay(full, en)).toMatchObject({ label: 'Relay full', tone: 'warning' })
    expect(describeRelay(full, cy).label).toBe('Cyfnewidfa’n llawn')
    const notice = relayNotice(full, en)
    expect(notice?.urgency).toBe('status')
    expect(notice?.text).toMatch(/ask whoever runs the relay/i)
    expect(notice?.text).toMatch(/peer-to-peer/)
    expect(relayNotice(full, cy)?.text).toBe(cy('sync.relayProblem.full'))
    expect(relayNotice(full, cy)?.text).not.toBe(RELAY_PROBLEMS.full)
    // The room has no space for more photos and files, while changes still reach the relay.
    const filesFull = { ...RELAY_OFF, state: 'synced' as const, heldAt: 5, filesFull: true }
    expect(describeRelay(filesFull, en).tone).toBe('warning')
    expect(relayNotice(filesFull, en)).toEqual({ urgency: 'status', text: en('sync.relay.filesFull') })
    expect(relayNotice(filesFull, en)?.text).toMatch(/photos and files.*peer-to-peer.*whoever runs the relay/is)
    expect(relayNotice(filesFull, cy)?.text).toBe(cy('sync.relay.filesFull'))
    expect(cy('sync.relay.filesFull')).not.toBe(en('sync.relay.filesFull'))
    // Both at once: the changes come first, and the files are not forgotten.
    expect(relayNotice({ ...full, filesFull: true }, en)?.text).toContain(en('sync.relay.filesFull'))
  })

  it('take the latest acknowledgement of those known', () => {
    expect(latestHeldAt([])).toBeNull()
    expect(latestHeldAt([null, undefined])).toBeNull()
    expect(latestHeldAt([3, null, 7, 5])).toBe(7)
  })
})
