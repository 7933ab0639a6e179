import { describe, expect, it } from 'vitest'
import type { CheckpointReason } from '../../../src/domain/checkpoint'
import { describeKept, describeListToggle } from '../../../src/ui/features/recovery/describe-recovery'
import { makeTranslator } from '../../../src/ui/i18n/make-translator'

/**
 * "Restore the workspace as it was" said "Kept on this device: 115 checkpoints" over a list whose
 * rows included copies of versions, each tagged "Copy of a version": a person counting
 * checkpoints found a number other than the one said. The summary names the two kinds apart, and
 * their counts add up to the rows that "Show all" lists.
 */
const en = makeTranslator('en')
const cy = makeTranslator('cy')
const rows = (reasons: CheckpointReason[]) => reasons.map((reason) => ({ reason, bytes: 100 }))
const mixed = rows(['open', 'version', 'activity', 'version', 'version', 'before-deletions', 'version'])

describe('what this device keeps, above the list of checkpoints', () => {
  it('counts checkpoints and copies of versions apart, adding up to the rows listed', () => {
    expect(describeKept(en, 'en', mixed)).toBe('Kept on this device: 3 checkpoints and 4 copies of versions, 700 bytes.')
    expect(describeListToggle(en, mixed, 2)).toEqual({
      more: 'Show all 7 checkpoints and copies of versions',
      fewer: 'Show the 2 most recent checkpoints and copies of versions'
    })
  })

  it('names only the kind there is', () => {
    expect(describeKept(en, 'en', rows(['open']))).toBe('Kept on this device: 1 checkpoint, 100 bytes.')
    expect(describeKept(en, 'en', rows(['version']))).toBe('Kept on this device: 1 copy of a version, 100 bytes.')
    expect(describeListToggle(en, rows(['open', 'activity']), 1).more).toBe('Show all 2 checkpoints')
  })

  it('says the same in Welsh, with Welsh counts', () => {
    expect(describeKept(cy, 'cy', mixed)).toBe('Wedi’u cadw ar y ddyfais hon: 3 phwynt gwirio a 4 copi o fersiynau, 700 beit.')
    expect(describeKept(cy, 'cy', rows(['open', 'open', 'version', 'version']))).toBe(
      'Wedi’u cadw ar y ddyfais hon: 2 bwynt gwirio a 2 gopi o fersiynau, 400 beit.'
    )
    expect(describeListToggle(cy, mixed, 2)).toEqual({
      more: 'Dangos y cyfan (7 o bwyntiau gwirio a chopïau o fersiynau)',
      fewer: 'Dangos y 2 diweddaraf (pwyntiau gwirio a chopïau o fersiynau)'
    })
    expect(describeListToggle(cy, rows(['open', 'activity']), 1).more).toBe('Dangos y cyfan (2 pwynt gwirio)')
  })
})
