import { describe, expect, it } from 'vitest'
import { makeTranslator } from '../../../src/ui/i18n/make-translator'
import { checkpointLabel, deletionFlagTitle, describeHolds, describeRestore } from '../../../src/ui/features/recovery/describe-recovery'

/**
 * Issue 16 (#12): the deletion warning and what a restore brought back were English sentences
 * built in code ("3 items"), left in English when the app was in Welsh. They now come from the
 * catalogues, with counts through ICU plurals: Welsh takes its own forms for 2 and 3.
 */
const en = makeTranslator('en')
const cy = makeTranslator('cy')
const burst = (artifactsRemoved: number, versionsRemoved: number, by: string | null = null) => ({ by, artifactsRemoved, versionsRemoved, startedAt: 0, lastAt: 0 })

describe('the deletion warning', () => {
  it('says what was deleted and by whom, in English as before', () => {
    expect(deletionFlagTitle(en, burst(3, 1, 'Asha Patel'))).toBe('3 items and 1 version deleted in a few minutes by Asha Patel')
    expect(deletionFlagTitle(en, burst(0, 2))).toBe('2 versions deleted in a few minutes')
  })

  it('is in Welsh, with Welsh counts for 2 and 3 items', () => {
    expect(deletionFlagTitle(cy, burst(2, 3, 'Asha Patel'))).toBe('2 eitem a 3 fersiwn wedi’u dileu mewn ychydig funudau gan Asha Patel')
    expect(deletionFlagTitle(cy, burst(3, 0))).toBe('3 eitem wedi’u dileu mewn ychydig funudau')
  })

  it('names a checkpoint taken before deletions from its counts, not its stored English words', () => {
    const before = { reason: 'before-deletions' as const, label: 'Before 1 item was deleted', burst: burst(1, 0) }
    expect(checkpointLabel(en, before)).toBe('Before 1 item was deleted')
    expect(checkpointLabel(cy, before)).toBe('Cyn i 1 eitem gael ei dileu')
    expect(checkpointLabel(cy, { ...before, burst: burst(2, 0, 'Ben') })).toBe('Cyn i 2 eitem gael eu dileu gan Ben')
    expect(checkpointLabel(cy, { reason: 'activity', label: 'Before a large change arrived', burst: null })).toBe('Cyn i newid mawr gyrraedd')
    // A copy of a version keeps the name a person gave it.
    expect(checkpointLabel(cy, { reason: 'version', label: 'Before a large change arrived', burst: null })).toBe('Before a large change arrived')
  })

  it('says what a checkpoint holds in Welsh', () => {
    expect(describeHolds(cy, { artifacts: 2, binned: 1, versions: 3 })).toBe('2 eitem, 1 yn y bin, 3 fersiwn')
    expect(describeHolds(en, { artifacts: 1, binned: 0, versions: 2 })).toBe('1 item, 2 versions')
  })
})

describe('the restore summary', () => {
  it('counts what came back in English as before', () => {
    expect(describeRestore(en, { ok: true, artifacts: 3, versions: 2, unbinned: 0, texts: 1 })).toBe(
      'Brought back 3 deleted items, the text of 1 item, 2 versions. Everyone in the workspace gets them back, and a version of what was there before was saved.'
    )
  })

  it('counts what came back in Welsh, with 2 and 3 items', () => {
    const text = describeRestore(cy, { ok: true, artifacts: 2, versions: 0, unbinned: 3, texts: 0 })
    expect(text).toBe('Daethpwyd â 2 eitem a ddilëwyd, 3 eitem o’r bin yn ôl. Mae pawb yn y gweithle yn eu cael yn ôl, a chafodd fersiwn o’r hyn oedd yno o’r blaen ei chadw.')
  })

  it('says in Welsh that nothing changed, and why a restore was refused', () => {
    expect(describeRestore(cy, { ok: true, artifacts: 0, versions: 0, unbinned: 0, texts: 0 })).toBe('Nid oedd dim wedi’i ddileu ers hynny, felly ni newidiodd dim.')
    expect(describeRestore(cy, { ok: false, message: 'This checkpoint is no longer kept on this device.' })).toBe(
      'Ni adferwyd dim: Nid yw’r pwynt gwirio hwn yn cael ei gadw ar y ddyfais hon mwyach.'
    )
  })
})
