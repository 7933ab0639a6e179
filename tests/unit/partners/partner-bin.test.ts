/**
 * Issue 17 (#13, "Removing a partner is final"): removing a partner moves it to the
 * workspace's bin. While binned it is on no view of the map (table, graph, counts, note
 * pickers); restoring it brings back its details, contacts, offers and needs, relationships
 * and the notes that name it. "Delete for good" from the bin removes it as removal used to.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createArtifact, moveArtifactToBin, renameArtifact } from '../../../src/crdt/artifacts'
import { PARTNER, addPartner, createPartnerMap, partnerMapParts, updatePartner } from '../../../src/crdt/partner-map'
import { binPartner, deletePartnerForGood, readBinnedPartners, restorePartner } from '../../../src/crdt/partner-bin'
import { addContact, addResource } from '../../../src/crdt/partner-items'
import { addRelationship, RelationshipEndError } from '../../../src/crdt/partner-relationships'
import { readNotesMentioningPartner, readPartnerChoices, setNotePartners } from '../../../src/crdt/partner-notes'
import { mergePartnerMaps } from '../../../src/crdt/partner-merge'
import { comparePartnerMap } from '../../../src/crdt/compare-partner-maps'
import { createVersion, restoreArtifactToVersion } from '../../../src/crdt/versions'
import { ARTIFACT } from '../../../src/crdt/keys'
import type { ArtifactId } from '../../../src/domain/ids'
import type { PartnerId } from '../../../src/domain/partner'
import { asha, ben, copyOf, newMap, read, sync } from './support'

const add = (doc: Y.Doc, mapId: ArtifactId, name: string): PartnerId => {
  const id = addPartner(doc, mapId, { name }, asha, 10)
  if (!id) throw new Error('not added')
  return id
}

/** A map with Oldham (a contact, an offer, a relationship to Kirklees, named by a note) and Kirklees. */
const setUp = () => {
  const { doc, mapId } = newMap()
  const oldham = add(doc, mapId, 'Oldham Council')
  const kirklees = add(doc, mapId, 'Kirklees Council')
  addContact(doc, mapId, oldham, { name: 'Imran Khan', email: 'imran.khan@oldham.gov.uk' }, asha, 11)
  addResource(doc, mapId, oldham, 'offers', { category: 'venues', detail: 'Community hall' }, asha, 11)
  addRelationship(doc, mapId, { from: oldham, to: kirklees, type: 'partners-with', note: 'Joint bid' }, asha, 12)
  const note = createArtifact(doc, { kind: 'note', title: 'Site visit' }, asha, 13)
  setNotePartners(doc, note, [oldham], asha, 14)
  return { doc, mapId, oldham, kirklees, note }
}

describe('a partner in the bin', () => {
  it('leaves every view of the map, and comes back whole when restored', () => {
    const { doc, mapId, oldham, kirklees, note } = setUp()
    const before = read(doc, mapId)
    expect(binPartner(doc, mapId, oldham, ben, 20)).toBe(true)

    // Gone from the table, the graph and the counts; its relationship is not "waiting" either.
    expect(read(doc, mapId)).toEqual({
      partners: [expect.objectContaining({ id: kirklees })],
      relationships: [],
      hiddenRelationships: 0
    })
    expect(readPartnerChoices(doc).map((c) => c.name)).toEqual(['Kirklees Council'])
    expect(readBinnedPartners(doc)).toEqual([
      { mapId, mapTitle: 'Partners', id: oldham, name: 'Oldham Council', binnedAt: 20, binnedBy: 'Ben Okafor' }
    ])
    // A second removal of the same partner changes nothing.
    expect(binPartner(doc, mapId, oldham, ben, 21)).toBe(false)
    // Nobody can tie a new relationship to a partner in the bin.
    expect(() => addRelationship(doc, mapId, { from: kirklees, to: oldham }, asha, 22)).toThrow(RelationshipEndError)
    // Writing to the map (which tidies relationships of deleted partners) keeps the binned one's.
    updatePartner(doc, mapId, kirklees, { region: 'North of England' }, asha, 23)

    expect(restorePartner(doc, mapId, oldham)).toBe(true)
    const after = read(doc, mapId)
    // Its "last edited" is the removal's (Ben at 20): restoring is not editing.
    expect(after.partners.find((p) => p.id === oldham)).toEqual({ ...before.partners.find((p) => p.id === oldham), updatedAt: 20, updatedBy: 'Ben Okafor' })
    expect(after.relationships).toEqual(before.relationships)
    expect(readBinnedPartners(doc)).toEqual([])
    expect(readPartnerChoices(doc).map((c) => c.name)).toEqual(['Kirklees Council', 'Oldham Council'])
    expect(readNotesMentioningPartner(doc, oldham).map((n) => n.id)).toEqual([note])
    expect(restorePartner(doc, mapId, oldham)).toBe(false)
  })

  it('leaves the partner’s and the map’s "last edited" as they were when restored, as restoring a note does', () => {
    const { doc, mapId, oldham } = setUp()
    binPartner(doc, mapId, oldham, ben, 20)
    const parts = partnerMapParts(doc, mapId)
    const partner = parts?.partners.get(oldham)
    if (!parts || !(partner instanceof Y.Map)) throw new Error('no partner')
    const lastEdited = () => ({
      partner: [partner.get(PARTNER.updatedAt), partner.get(PARTNER.updatedBy)],
      map: [parts.record.get(ARTIFACT.updatedAt), parts.record.get(ARTIFACT.updatedBy)]
    })
    const before = lastEdited()
    expect(before.partner).toEqual([20, 'Ben Okafor'])

    expect(restorePartner(doc, mapId, oldham)).toBe(true)
    expect(readBinnedPartners(doc)).toEqual([])
    expect(lastEdited()).toEqual(before)
  })

  it('is deleted for good from the bin: its contacts and relationships go, and it cannot come back', () => {
    const { doc, mapId, oldham, kirklees } = setUp()
    binPartner(doc, mapId, oldham, asha, 20)
    expect(deletePartnerForGood(doc, mapId, oldham, asha, 21)).toBe(true)
    expect(readBinnedPartners(doc)).toEqual([])
    expect(restorePartner(doc, mapId, oldham)).toBe(false)
    expect(read(doc, mapId)).toEqual({ partners: [expect.objectContaining({ id: kirklees })], relationships: [], hiddenRelationships: 0 })
    const parts = partnerMapParts(doc, mapId)
    expect(parts?.relationships.size).toBe(0)
    expect((parts?.partners.get(oldham)?.get('contacts') as Y.Map<unknown>).size).toBe(0)
    expect(deletePartnerForGood(doc, mapId, oldham, asha, 23)).toBe(false)
  })

  it('lists binned partners newest first, leaving out those of a map that is itself in the bin', () => {
    const { doc, mapId, oldham, kirklees } = setUp()
    renameArtifact(doc, mapId, 'Warm homes partners', asha, 15)
    binPartner(doc, mapId, oldham, asha, 20)
    binPartner(doc, mapId, kirklees, asha, 25)
    expect(readBinnedPartners(doc).map((p) => [p.name, p.mapTitle])).toEqual([
      ['Kirklees Council', 'Warm homes partners'],
      ['Oldham Council', 'Warm homes partners']
    ])
    moveArtifactToBin(doc, mapId, asha, 30)
    expect(readBinnedPartners(doc)).toEqual([])
  })
})

describe('binning while someone else edits', () => {
  it('keeps what B changed while A binned the partner, on both devices, and restores it with B’s changes', () => {
    const { doc: a, mapId, oldham, kirklees } = setUp()
    const b = copyOf(a)
    binPartner(a, mapId, oldham, asha, 20)
    // B has not heard of the removal: it edits a field, adds a contact and a relationship.
    expect(updatePartner(b, mapId, oldham, { status: 'committed' }, ben, 21)).toBe(true)
    addContact(b, mapId, oldham, { name: 'Rosa Lee' }, ben, 21)
    const third = add(b, mapId, 'Oldham Food Bank')
    addRelationship(b, mapId, { from: third, to: oldham, type: 'informs' }, ben, 22)
    sync(a, b)

    for (const doc of [a, b]) {
      // Still in the bin, with B's work kept inside it and hidden from the map.
      expect(read(doc, mapId).partners.map((p) => p.name)).toEqual(['Kirklees Council', 'Oldham Food Bank'])
      expect(read(doc, mapId).relationships).toEqual([])
      expect(read(doc, mapId).hiddenRelationships).toBe(0)
      expect(readBinnedPartners(doc).map((p) => p.id)).toEqual([oldham])
    }
    expect(restorePartner(b, mapId, oldham)).toBe(true)
    sync(a, b)
    for (const doc of [a, b]) {
      const restored = read(doc, mapId).partners.find((p) => p.id === oldham)
      expect(restored?.status).toBe('committed')
      expect(restored?.contacts.map((c) => c.name)).toEqual(['Imran Khan', 'Rosa Lee'])
      expect(read(doc, mapId).relationships.map((r) => [r.from, r.to])).toEqual([
        [oldham, kirklees],
        [third, oldham]
      ])
    }
    expect(read(a, mapId)).toEqual(read(b, mapId))
  })

  it('settles a restore on one device and a delete for good on another as deleted, everywhere', () => {
    const { doc: a, mapId, oldham } = setUp()
    binPartner(a, mapId, oldham, asha, 20)
    const b = copyOf(a)
    expect(restorePartner(a, mapId, oldham)).toBe(true)
    expect(deletePartnerForGood(b, mapId, oldham, ben, 21)).toBe(true)
    sync(a, b)
    for (const doc of [a, b]) {
      expect(read(doc, mapId).partners.map((p) => p.name)).toEqual(['Kirklees Council'])
      expect(read(doc, mapId).relationships).toEqual([])
      expect(readBinnedPartners(doc)).toEqual([])
    }
  })

  it('lists a partner two people binned at once only once', () => {
    const { doc: a, mapId, oldham } = setUp()
    const b = copyOf(a)
    binPartner(a, mapId, oldham, asha, 20)
    binPartner(b, mapId, oldham, ben, 20)
    sync(a, b)
    expect(readBinnedPartners(a)).toEqual(readBinnedPartners(b))
    expect(readBinnedPartners(a)).toHaveLength(1)
  })
})

describe('history and merging with partners in the bin', () => {
  it('says a partner went to the bin since a version, and restoring the version brings it back with its relationship', () => {
    const { doc, mapId, oldham } = setUp()
    const version = createVersion(doc, { name: 'Before review', kind: 'named' }, asha, 15)
    binPartner(doc, mapId, oldham, asha, 20)
    expect(comparePartnerMap(doc, mapId, version, true)?.partners.map((p) => [p.name, p.change])).toEqual([
      ['Kirklees Council', null],
      ['Oldham Council', 'binned']
    ])
    expect(comparePartnerMap(doc, mapId, version, true)).toMatchObject({ relationshipsThen: 1, relationshipsNow: 0 })
    expect(restoreArtifactToVersion(doc, mapId, version, asha, 30)).toBe(true)
    expect(read(doc, mapId).partners.map((p) => p.name)).toEqual(['Kirklees Council', 'Oldham Council'])
    expect(read(doc, mapId).relationships).toHaveLength(1)
    expect(readBinnedPartners(doc)).toEqual([])
  })

  it('restoring a version taken while a partner was binned puts it back in the bin', () => {
    const { doc, mapId, oldham } = setUp()
    binPartner(doc, mapId, oldham, asha, 20)
    const version = createVersion(doc, { name: 'Tidied', kind: 'named' }, asha, 21)
    restorePartner(doc, mapId, oldham)
    expect(restoreArtifactToVersion(doc, mapId, version, asha, 30)).toBe(true)
    expect(readBinnedPartners(doc).map((p) => p.id)).toEqual([oldham])
    expect(comparePartnerMap(doc, mapId, version, true)?.partners.map((p) => p.change)).toEqual([null])
  })

  it('carries binned partners into the merged map, still in the bin, with their relationships', () => {
    const { doc, mapId } = newMap()
    const second = createPartnerMap(doc, { title: 'Second' }, ben, 5)
    const b = addPartner(doc, second, { name: 'B' }, ben, 6) as PartnerId
    const c = addPartner(doc, second, { name: 'C' }, ben, 6) as PartnerId
    addRelationship(doc, second, { from: b, to: c }, ben, 7)
    binPartner(doc, second, c, ben, 8)
    expect(mergePartnerMaps(doc, mapId, second, asha, 9)).toBe(1)
    expect(read(doc, mapId).partners.map((p) => p.name)).toEqual(['B'])
    expect(readBinnedPartners(doc).map((p) => [p.name, p.mapId])).toEqual([['C', mapId]])
    restorePartner(doc, mapId, c)
    expect(read(doc, mapId).relationships.map((r) => [r.from, r.to])).toEqual([[b, c]])
  })
})
