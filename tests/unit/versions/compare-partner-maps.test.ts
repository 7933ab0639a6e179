import { describe, expect, it } from 'vitest'
import { makeWorkspaceId } from '../../../src/domain/ids'
import type { PartnerId } from '../../../src/domain/partner'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { initialiseWorkspace } from '../../../src/crdt/workspace-meta'
import { addPartner, createPartnerMap, updatePartner } from '../../../src/crdt/partner-map'
import { deletePartnerForGood } from '../../../src/crdt/partner-bin'
import { comparePartnerMap } from '../../../src/crdt/compare-partner-maps'
import { createVersion, restoreArtifactToVersion } from '../../../src/crdt/versions'
import { readPartnerMap } from '../../../src/crdt/partner-read'
import { partnerCompareSummary } from '../../../src/ui/features/history/partner-compare-summary'
import { makeTranslator } from '../../../src/ui/i18n/make-translator'

const ann = { name: 'Ann', organisation: 'Oldham Council' }

const setUp = () => {
  const doc = makeWorkspaceDoc(makeWorkspaceId())
  initialiseWorkspace(doc, { name: 'Lab', description: '', leadCouncil: 'Oldham Council', partnerCouncils: [], startDate: '' }, ann, 1)
  const mapId = createPartnerMap(doc, { title: 'Partner map' }, ann, 2)
  const ids = ['Oldham Council', 'Kirklees Council', 'Food Bank'].map((name, i) => addPartner(doc, mapId, { name }, ann, 3 + i))
  return { doc, mapId, ids: ids as PartnerId[] }
}

describe('comparing a partner map with a version', () => {
  it('lists the partners as they were, with nothing marked, when viewing a version', () => {
    const { doc, mapId, ids } = setUp()
    const version = createVersion(doc, { name: 'Before review', kind: 'named' }, ann, 10)
    deletePartnerForGood(doc, mapId, ids[0] as PartnerId, ann, 20)
    const view = comparePartnerMap(doc, mapId, version, false)
    expect(view?.partners.map((p) => [p.name, p.change])).toEqual([
      ['Food Bank', null],
      ['Kirklees Council', null],
      ['Oldham Council', null]
    ])
  })

  it('marks partners removed, added and changed since the version', () => {
    const { doc, mapId, ids } = setUp()
    const version = createVersion(doc, { name: 'Before review', kind: 'named' }, ann, 10)
    deletePartnerForGood(doc, mapId, ids[0] as PartnerId, ann, 20)
    updatePartner(doc, mapId, ids[1] as PartnerId, { region: 'North of England' }, ann, 21)
    addPartner(doc, mapId, { name: 'Citizens Advice' }, ann, 22)
    // Saving without changing anything a person sees is not a change.
    updatePartner(doc, mapId, ids[2] as PartnerId, { name: 'Food Bank' }, ann, 23)
    const compared = comparePartnerMap(doc, mapId, version, true)
    expect(compared?.partners.map((p) => [p.name, p.change])).toEqual([
      ['Citizens Advice', 'added'],
      ['Food Bank', null],
      ['Kirklees Council', 'changed'],
      ['Oldham Council', 'removed']
    ])
    expect(partnerCompareSummary(compared!, 'compare', makeTranslator('en'))).toBe('3 partners then, 3 now. 3 partners have changed since.')
    // Issue 16: the sentence reads in Welsh when Welsh is chosen.
    expect(partnerCompareSummary(compared!, 'compare', makeTranslator('cy'))).toBe('3 partner bryd hynny, 3 nawr. Mae 3 partner wedi newid ers hynny.')
    const view = comparePartnerMap(doc, mapId, version, false)!
    expect(partnerCompareSummary(view, 'view', makeTranslator('cy'))).toBe('3 partner a 0 perthynas yn y fersiwn hon.')
  })

  it('is null for a version from before the map existed, and restoring brings a removed partner back', () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    initialiseWorkspace(doc, { name: 'Lab', description: '', leadCouncil: 'Oldham Council', partnerCouncils: [], startDate: '' }, ann, 1)
    const empty = createVersion(doc, { name: 'Empty', kind: 'named' }, ann, 2)
    const mapId = createPartnerMap(doc, { title: 'Partner map' }, ann, 3)
    const oldham = addPartner(doc, mapId, { name: 'Oldham Council' }, ann, 4)
    expect(comparePartnerMap(doc, mapId, empty, true)).toBeNull()
    const version = createVersion(doc, { name: 'Before review', kind: 'named' }, ann, 10)
    deletePartnerForGood(doc, mapId, oldham as PartnerId, ann, 20)
    expect(readPartnerMap(doc, mapId)?.partners).toEqual([])
    expect(restoreArtifactToVersion(doc, mapId, version, ann, 30)).toBe(true)
    expect(readPartnerMap(doc, mapId)?.partners.map((p) => p.name)).toEqual(['Oldham Council'])
    expect(comparePartnerMap(doc, mapId, version, true)?.partners.map((p) => p.change)).toEqual([null])
  })
})
