import { describe, expect, it } from 'vitest'
import { makeTranslator } from '../../../src/ui/i18n/make-translator'
import { decodeRefusalNotice, encodeRefusalNotice } from '../../../src/sync/trust/refusal-notice'

describe('telling a sender their change was refused', () => {
  it('reads back what was sent, for every reason', () => {
    for (const reason of ['not-a-member', 'not-allowed', 'went-back', 'bad-signature'] as const) {
      expect(decodeRefusalNotice(encodeRefusalNotice({ reason, counter: 4_000_000_000 }))).toEqual({ reason, counter: 4_000_000_000 })
      // The sender's device says why, in English and in Welsh.
      expect(makeTranslator('en')(`members.notice.${reason}`)).toMatch(/^Your change was not accepted by the others: /)
      expect(makeTranslator('cy')(`members.notice.${reason}`)).toMatch(/^Ni dderbyniodd y lleill eich newid: /)
    }
  })

  it('ignores anything else', () => {
    const good = encodeRefusalNotice({ reason: 'not-allowed', counter: 1 })
    for (const bad of [new Uint8Array(5), Uint8Array.of(2, 1, 0, 0, 0, 1), Uint8Array.of(1, 9, 0, 0, 0, 1), 'text', null, new Uint8Array([...good, 0])]) {
      expect(decodeRefusalNotice(bad)).toBeNull()
    }
  })
})
