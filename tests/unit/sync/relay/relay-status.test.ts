import { describe, expect, it } from 'vitest'
import { clockTime, describeRelay, describeRelayCopy, describeUnseenChanges, INITIAL_SYNC_STATUS, RELAY_OFF, type RelayStatus } from '../../../../src/domain/sync-status'
import { RELAY_PROBLEMS } from '../../../../src/sync/relay/relay-problems'
import { combineRelayStatus } from '../../../../src/sync/relay/relay-transport'
import { makeSyncStatus } from '../../../../src/sync/sync-status-view'

const at = (h: number, m: number): number => new Date(2026, 11, 6, h, m).getTime()
const relay = (state: RelayStatus['state'], extra: Partial<RelayStatus> = {}): RelayStatus => ({ ...RELAY_OFF, state, ...extra })

import { makeTranslator } from '../../../../src/ui/i18n/make-translator'

const en = makeTranslator('en')
describe('relay status wording', () => {
  it('says what the relay holds, since when it is unreachable, and peer-to-peer only', () => {
    expect(clockTime(at(9, 5))).toBe('09:05')
    expect(describeRelay(relay('synced', { heldAt: at(10, 32) }), en).detail).toBe('Relay holds an encrypted copy of all your changes (10:32).')
    expect(describeRelay(relay('unreachable', { since: at(9, 14) }), en).label).toBe('Relay unreachable since 09:14')
    expect(describeRelay(RELAY_OFF, en).label).toBe('Peer-to-peer only')
    expect(describeRelay(relay('refused', { problem: 'The relay sent a change that was altered.' }), en).detail).toBe('The relay sent a change that was altered.')
    expect(describeRelay(relay('unavailable'), en).tone).toBe('warning')
    // The same words in "Keeping this work safe".
    expect(describeRelayCopy(relay('synced', { heldAt: at(10, 32) }), en)).toBe('Relay holds an encrypted copy of all your changes (10:32).')
    expect(describeRelayCopy(relay('unreachable', { since: at(9, 14) }), en)).toBe('Relay unreachable since 09:14')
    expect(describeRelayCopy(RELAY_OFF, en)).toBe('Peer-to-peer only')
    expect(INITIAL_SYNC_STATUS.relay).toEqual(RELAY_OFF)
    // A problem the relay layer words from the English catalogue is shown in the chosen language.
    const cy = makeTranslator('cy')
    expect(describeRelay(relay('unavailable', { problem: RELAY_PROBLEMS.full }), cy).detail).toBe(cy('sync.relayProblem.full'))
    expect(describeRelay(relay('unavailable', { problem: RELAY_PROBLEMS.full }), cy).detail).not.toBe(RELAY_PROBLEMS.full)
  })

  it('counts a copy the relay acknowledged as seen, and says so', () => {
    const local = { sv: new Map([[1, 10]]), deleted: 2 }
    const facts = { signalling: 'online' as const, peers: 0, tabs: 0, local, acknowledged: { sv: new Map(), deleted: 0 }, lastSyncedAt: null }
    const unseen = makeSyncStatus({ ...facts, relayHeld: [{ sv: new Map([[1, 10]]), deleted: 1 }], relay: relay('sending') })
    expect(unseen.unseenChanges).toBe('yes')
    expect(describeUnseenChanges(unseen, en)).toMatch(/not the relay/)
    const held = makeSyncStatus({ ...facts, relayHeld: [{ sv: new Map([[1, 10]]), deleted: 2 }], relay: relay('synced', { heldAt: at(10, 0) }) })
    expect(held.unseenChanges).toBe('no')
    expect(describeUnseenChanges(held, en)).toBe('Every change on this device is held by the relay.')
  })

  it('shows the best of several relays, but always a refusal', () => {
    expect(combineRelayStatus([])).toEqual(RELAY_OFF)
    expect(combineRelayStatus([relay('unreachable', { since: 1 }), relay('synced', { heldAt: 5 })]).state).toBe('synced')
    expect(combineRelayStatus([relay('synced', { heldAt: 5 }), relay('refused', { problem: 'x' })]).state).toBe('refused')
    expect(combineRelayStatus([relay('sending', { gap: true }), relay('synced', { heldAt: 5 })]).gap).toBe(true)
  })
})
