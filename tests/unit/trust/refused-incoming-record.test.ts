import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { describeRefusedIncoming } from '../../../src/domain/refused-incoming'
import type { DeviceKeyId } from '../../../src/domain/trust/membership-entry'
import { makeRefusedIncomingRecord, MAX_DEVICES_TOLD_APART, REFUSED_NOTIFY_MS, worthTelling } from '../../../src/sync/trust/refused-incoming-record'
import { makeTranslator } from '../../../src/ui/i18n/make-translator'

const key = (n: number): DeviceKeyId => `device-${n}` as DeviceKeyId

describe('what the Sync status hears of changes refused from other devices', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('counts a flood in a fixed size, and re-draws at most once a second, the last count always shown', () => {
    let changes = 0
    const record = makeRefusedIncomingRecord({ onChange: () => changes++ })
    expect(record.summary()).toBeNull()
    for (let i = 0; i < 10_000; i++) record.record(i % 2 ? 'bad-signature' : 'not-a-member', i % 3 ? key(i) : null)
    expect(changes).toBe(0)
    vi.advanceTimersByTime(0)
    expect(changes).toBe(1)
    expect(record.summary()).toMatchObject({ count: 10_000, devices: MAX_DEVICES_TOLD_APART, reasons: ['not-a-member', 'bad-signature'] })
    for (let i = 0; i < 500; i++) {
      record.record('went-back', key(1))
      vi.advanceTimersByTime(10)
    }
    // 5 s of refusals: about one re-draw a second, not one each.
    expect(changes).toBeLessThanOrEqual(1 + 5_000 / REFUSED_NOTIFY_MS + 1)
    vi.advanceTimersByTime(REFUSED_NOTIFY_MS)
    expect(record.summary()).toMatchObject({ count: 10_500, reasons: ['not-a-member', 'went-back', 'bad-signature'] })
    record.destroy()
    record.record('not-allowed', key(2))
    vi.advanceTimersByTime(REFUSED_NOTIFY_MS)
    expect(record.summary()?.count).toBe(10_500)
  })

  it('tells of every refused change, and of a refused state unless its signer’s role only may not vouch for others’ work', () => {
    expect(worthTelling('not-allowed', 'change')).toBe(true)
    expect(worthTelling('not-allowed', 'state')).toBe(false)
    expect(worthTelling('not-a-member', 'state')).toBe(true)
    expect(worthTelling('bad-signature', 'state')).toBe(true)
    expect(worthTelling('unreadable', 'state')).toBe(false)
  })

  it('says it in plain words, in English and in Welsh, with what to do', () => {
    const refused = { count: 3, devices: 1, reasons: ['not-a-member'] as const, lastAt: new Date(2026, 4, 18, 9, 14).getTime() }
    const en = describeRefusedIncoming(refused, makeTranslator('en'))
    expect(en.notice).toBe('Changes from another device were not accepted: it is not a member of this workspace as this device knows it. Open Sync for what to do.')
    expect(en.detail[0]).toBe('Since this workspace was opened here: 3 changes from 1 device, the last at 09:14. This device keeps its own work, without those changes.')
    expect(en.detail[1]).toMatch(/ask an owner to invite them again/)
    const cy = describeRefusedIncoming(refused, makeTranslator('cy'))
    expect(cy.notice).toMatch(/^Ni dderbyniwyd newidiadau gan ddyfais arall/)
    expect(cy.detail[0]).toMatch(/3 newid gan 1 ddyfais, yr olaf am 09:14/)
  })

  it('says what to do about unsigned changes, after the rules’ reasons and before a bad signature, in English and in Welsh', () => {
    const record = makeRefusedIncomingRecord({ onChange: () => {} })
    for (const reason of ['bad-signature', 'unsigned', 'went-back'] as const) record.record(reason, null)
    vi.advanceTimersByTime(0)
    expect(record.summary()?.reasons).toEqual(['went-back', 'unsigned', 'bad-signature'])
    const unsigned = { count: 4, devices: 0, reasons: ['unsigned'] as const, lastAt: new Date(2026, 4, 18, 9, 14).getTime() }
    const en = describeRefusedIncoming(unsigned, makeTranslator('en'))
    expect(en.notice).toBe(
      'Changes from another device were not accepted: they were not signed, most likely because that device runs an older version of Mutual. Open Sync for what to do.'
    )
    expect(en.detail[0]).toBe('Since this workspace was opened here: 4 changes from 1 device, the last at 09:14. This device keeps its own work, without those changes.')
    expect(en.detail[1]).toMatch(/Ask everyone in this workspace to update Mutual .* someone outside the workspace may hold one of its invitation links: when an owner removes a member or a device, the workspace moves to a new key/)
    const cy = describeRefusedIncoming(unsigned, makeTranslator('cy'))
    expect(cy.notice).toBe(
      'Ni dderbyniwyd newidiadau gan ddyfais arall: nid oeddent wedi’u llofnodi, yn fwyaf tebyg am fod y ddyfais honno’n rhedeg fersiwn hŷn o Mutual. Agorwch Cysoni i weld beth i’w wneud.'
    )
    expect(cy.detail[1]).toMatch(/^Ni dderbyniwyd .* Gofynnwch i bawb yn y gweithle hwn ddiweddaru Mutual .* mae’r gweithle’n symud i allwedd newydd/)
  })
})
