import { describe, expect, it } from 'vitest'
import { createArtifact, moveArtifactToBin } from '../../../src/crdt/artifacts'
import { addPartner, createPartnerMap } from '../../../src/crdt/partner-map'
import { deletePartnerForGood } from '../../../src/crdt/partner-bin'
import { addContact } from '../../../src/crdt/partner-items'
import {
  readNotePartnerIds,
  readNotesMentioningPartner,
  readPartnerChoices,
  setNotePartners
} from '../../../src/crdt/partner-notes'
import { PARTNER_TYPE_LABELS, type PartnerId } from '../../../src/domain/partner'
import { partnerChoiceLabels } from '../../../src/ui/features/partner-map/partner-choice-labels'
import { asha, ben, copyOf, newMap, sync } from './support'

describe('notes that name partners', () => {
  it('lists the notes naming a partner, newest edit first, leaving out the bin', () => {
    const { doc, mapId } = newMap()
    const oldham = addPartner(doc, mapId, { name: 'Oldham Council' }, asha, 3) as PartnerId
    const age = addPartner(doc, mapId, { name: 'Age UK' }, asha, 3) as PartnerId
    const visit = createArtifact(doc, { kind: 'note', title: 'Site visit' }, asha, 4)
    const report = createArtifact(doc, { kind: 'report', title: 'Interim report' }, asha, 5)
    const binned = createArtifact(doc, { kind: 'note', title: 'Old note' }, asha, 6)
    setNotePartners(doc, visit, [oldham, age], asha, 10)
    setNotePartners(doc, report, [oldham], asha, 11)
    setNotePartners(doc, binned, [oldham], asha, 12)
    moveArtifactToBin(doc, binned, asha, 13)
    expect(readNotesMentioningPartner(doc, oldham).map((n) => [n.title, n.kind])).toEqual([
      ['Interim report', 'report'],
      ['Site visit', 'note']
    ])
    expect(readNotesMentioningPartner(doc, age).map((n) => n.title)).toEqual(['Site visit'])
    expect(readNotePartnerIds(doc, visit)).toEqual([oldham, age].sort())
  })

  it('keeps partners two people name at once, and a removal by one of them', () => {
    const { doc, mapId } = newMap()
    const [a, b, c] = ['A', 'B', 'C'].map((name) => addPartner(doc, mapId, { name }, asha, 3) as PartnerId)
    const note = createArtifact(doc, { kind: 'note', title: 'Meeting' }, asha, 4)
    setNotePartners(doc, note, [a as PartnerId], asha, 5)
    const other = copyOf(doc)
    setNotePartners(doc, note, [a as PartnerId, b as PartnerId], asha, 6)
    setNotePartners(other, note, [c as PartnerId], ben, 7)
    sync(doc, other)
    // Asha added B; Ben removed A and added C.
    expect(readNotePartnerIds(doc, note)).toEqual([b, c].sort())
    expect(readNotePartnerIds(other, note)).toEqual([b, c].sort())
  })

  it('offers every live partner of every map not in the bin as a choice', () => {
    const { doc, mapId } = newMap()
    const kept = addPartner(doc, mapId, { name: 'Kirklees Council' }, asha, 3) as PartnerId
    const gone = addPartner(doc, mapId, { name: 'Gone Ltd' }, asha, 3) as PartnerId
    deletePartnerForGood(doc, mapId, gone, asha, 4)
    const second = createPartnerMap(doc, { title: 'Second' }, asha, 5)
    addPartner(doc, second, { name: 'Age UK' }, asha, 6)
    const binned = createPartnerMap(doc, { title: 'Binned' }, asha, 7)
    addPartner(doc, binned, { name: 'Binned partner' }, asha, 8)
    moveArtifactToBin(doc, binned, asha, 9)
    expect(readPartnerChoices(doc).map((c) => [c.name, c.mapId])).toEqual([
      ['Age UK', second],
      ['Kirklees Council', mapId]
    ])
    expect(readPartnerChoices(doc).find((c) => c.name === 'Kirklees Council')?.id).toBe(kept)
  })

  it('lets a note’s picker tell partners of one name apart as the map’s own picker does', () => {
    // A QA pass found a note's picker offering "Newham Food Bank" twice, with nothing to tell which was which.
    const { doc, mapId } = newMap()
    const east = addPartner(doc, mapId, { name: 'Newham Food Bank', type: 'vcse', region: 'East Ham' }, asha, 3) as PartnerId
    const west = addPartner(doc, mapId, { name: 'Newham Food Bank', type: 'vcse', region: 'East Ham' }, asha, 3) as PartnerId
    addContact(doc, mapId, east, { name: 'Priya Shah' }, asha, 4)
    addContact(doc, mapId, west, { name: 'Tom Reed' }, asha, 4)
    const second = createPartnerMap(doc, { title: 'Second' }, asha, 5)
    const stratford = addPartner(doc, second, { name: 'newham food bank', type: 'vcse', region: 'Stratford' }, asha, 6) as PartnerId
    addPartner(doc, second, { name: 'Age UK' }, asha, 6)
    const choices = readPartnerChoices(doc)
    const labels = partnerChoiceLabels(choices, (type) => PARTNER_TYPE_LABELS[type])
    expect(Object.fromEntries(choices.map((c) => [c.id, labels.get(c.id)]))).toMatchObject({
      [east]: 'Newham Food Bank (VCSE organisation, East Ham, Priya Shah)',
      [west]: 'Newham Food Bank (VCSE organisation, East Ham, Tom Reed)',
      [stratford]: 'newham food bank (VCSE organisation, Stratford)'
    })
    expect(choices.map((c) => labels.get(c.id))).toContain('Age UK')
  })
})
