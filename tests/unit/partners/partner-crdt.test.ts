import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { artifactMap } from '../../../src/crdt/artifacts'
import { markReadOnly, ReadOnlyDocumentError } from '../../../src/crdt/read-only'
import {
  addPartner,
  partnerMapParts,
  updatePartner,
  PARTNER_MAP
} from '../../../src/crdt/partner-map'
import { deletePartnerForGood } from '../../../src/crdt/partner-bin'
import { addContact, addResource, removeContact, removeResource, updateContact } from '../../../src/crdt/partner-items'
import {
  addRelationship,
  RelationshipEndError,
  removeRelationship,
  updateRelationship
} from '../../../src/crdt/partner-relationships'
import { readPartnerMap } from '../../../src/crdt/partner-read'
import { mergePartnerMaps } from '../../../src/crdt/partner-merge'
import { createPartnerMap } from '../../../src/crdt/partner-map'
import { readArtifactSummaries, createArtifact } from '../../../src/crdt/artifacts'
import type { PartnerId } from '../../../src/domain/partner'
import { asha, ben, copyOf, newMap, read, sync } from './support'

const add = (doc: Y.Doc, mapId: Parameters<typeof addPartner>[1], name: string, extra = {}): PartnerId => {
  const id = addPartner(doc, mapId, { name, ...extra }, asha, 10)
  if (!id) throw new Error('not added')
  return id
}

describe('partners', () => {
  it('adds a partner with defaults for what was not given and lists partners by name', () => {
    const { doc, mapId } = newMap()
    add(doc, mapId, 'Oldham Council', { type: 'council', region: 'North of England', role: 'lead', website: 'www.oldham.gov.uk' })
    add(doc, mapId, 'Age UK Oldham')
    const state = read(doc, mapId)
    expect(state.partners.map((p) => p.name)).toEqual(['Age UK Oldham', 'Oldham Council'])
    expect(state.partners[1]).toMatchObject({
      type: 'council',
      region: 'North of England',
      role: 'lead',
      status: 'not-contacted',
      website: 'https://www.oldham.gov.uk/',
      contacts: [],
      offers: [],
      needs: [],
      updatedBy: 'Asha Patel'
    })
    expect(state.partners[0]).toMatchObject({ type: 'other', role: 'to-approach', status: 'not-contacted' })
  })

  it('refuses input a form should have caught, and writes nothing', () => {
    const { doc, mapId } = newMap()
    expect(() => addPartner(doc, mapId, { name: '  ' }, asha, 3)).toThrow()
    expect(() => addPartner(doc, mapId, { name: 'X', website: 'not a site' }, asha, 3)).toThrow()
    expect(read(doc, mapId).partners).toEqual([])
  })

  it('returns null for a map that is not on this device', () => {
    const { doc } = newMap()
    const noteId = createArtifact(doc, { kind: 'note', title: 'A note' }, asha, 3)
    expect(addPartner(doc, noteId, { name: 'X' }, asha, 3)).toBeNull()
    expect(readPartnerMap(doc, noteId)).toBeNull()
  })

  it('merges two people editing different fields of one partner at once, field by field', () => {
    const { doc, mapId } = newMap()
    const id = add(doc, mapId, 'Kirklees Council', { region: 'North', status: 'contacted' })
    const other = copyOf(doc)
    updatePartner(doc, mapId, id, { region: 'North of England' }, asha, 20)
    updatePartner(other, mapId, id, { status: 'committed', notes: 'Signed up at the launch' }, ben, 21)
    sync(doc, other)
    for (const d of [doc, other])
      expect(read(d, mapId).partners[0]).toMatchObject({ region: 'North of England', status: 'committed', notes: 'Signed up at the launch' })
  })

  it('only writes fields that change, so an unchanged field does not overwrite a concurrent edit', () => {
    const { doc, mapId } = newMap()
    const id = add(doc, mapId, 'Leeds Library')
    const other = copyOf(doc)
    updatePartner(other, mapId, id, { region: 'North of England' }, ben, 20)
    // Asha's form still shows the old (empty) region and she saves only the name.
    updatePartner(doc, mapId, id, { name: 'Leeds Central Library', region: '' }, asha, 21)
    sync(doc, other)
    expect(read(doc, mapId).partners[0]).toMatchObject({ name: 'Leeds Central Library', region: 'North of England' })
  })

  it('removes a partner with its relationships and contacts, leaving a tombstone', () => {
    const { doc, mapId } = newMap()
    const a = add(doc, mapId, 'A')
    const b = add(doc, mapId, 'B')
    addContact(doc, mapId, a, { name: 'Pat', email: 'pat@a.org' }, asha, 11)
    addRelationship(doc, mapId, { from: a, to: b, type: 'funds' }, asha, 12)
    expect(deletePartnerForGood(doc, mapId, a, asha, 13)).toBe(true)
    expect(read(doc, mapId)).toEqual({ partners: [expect.objectContaining({ name: 'B' })], relationships: [], hiddenRelationships: 0 })
    const parts = partnerMapParts(doc, mapId)
    const tombstone = parts?.partners.get(a)
    expect(tombstone?.get('deletedAt')).toBe(13)
    expect((tombstone?.get('contacts') as Y.Map<unknown>).size).toBe(0)
    expect(deletePartnerForGood(doc, mapId, a, asha, 14)).toBe(false)
    expect(updatePartner(doc, mapId, a, { name: 'A again' }, asha, 15)).toBe(false)
  })

  it('refuses to write to a read-only workspace', () => {
    const { doc, mapId } = newMap()
    markReadOnly(doc, 'Opened read-only')
    expect(() => addPartner(doc, mapId, { name: 'X' }, asha, 3)).toThrow(ReadOnlyDocumentError)
  })
})

describe('contacts, offers and needs', () => {
  it('adds, edits and removes contacts; concurrent additions both survive', () => {
    const { doc, mapId } = newMap()
    const id = add(doc, mapId, 'Oldham Council')
    const other = copyOf(doc)
    const c1 = addContact(doc, mapId, id, { name: 'Asha Patel', jobTitle: 'Policy officer' }, asha, 11)
    addContact(other, mapId, id, { name: 'Imran Khan', phone: '0161 770 3000' }, ben, 12)
    sync(doc, other)
    expect(read(other, mapId).partners[0]?.contacts.map((c) => c.name)).toEqual(['Asha Patel', 'Imran Khan'])
    if (!c1) throw new Error('no contact')
    updateContact(doc, mapId, id, c1, { email: 'asha@oldham.gov.uk' }, asha, 13)
    updateContact(other, mapId, id, c1, { jobTitle: 'Senior policy officer' }, ben, 14)
    sync(doc, other)
    expect(read(doc, mapId).partners[0]?.contacts[0]).toMatchObject({ email: 'asha@oldham.gov.uk', jobTitle: 'Senior policy officer' })
    expect(() => updateContact(doc, mapId, id, c1, { email: 'nope' }, asha, 15)).toThrow()
    expect(removeContact(doc, mapId, id, c1, asha, 16)).toBe(true)
    expect(read(doc, mapId).partners[0]?.contacts.map((c) => c.name)).toEqual(['Imran Khan'])
  })

  it('keeps offers and needs apart', () => {
    const { doc, mapId } = newMap()
    const id = add(doc, mapId, 'Oldham Council')
    const offer = addResource(doc, mapId, id, 'offers', { category: 'venues', detail: 'Meeting rooms' }, asha, 11)
    addResource(doc, mapId, id, 'needs', { category: 'data', detail: 'Benefit take-up' }, asha, 12)
    const partner = read(doc, mapId).partners[0]
    expect(partner?.offers.map((o) => [o.category, o.detail])).toEqual([['venues', 'Meeting rooms']])
    expect(partner?.needs.map((o) => [o.category, o.detail])).toEqual([['data', 'Benefit take-up']])
    if (!offer) throw new Error('no offer')
    expect(removeResource(doc, mapId, id, 'needs', offer, asha, 13)).toBe(false)
    expect(removeResource(doc, mapId, id, 'offers', offer, asha, 13)).toBe(true)
    expect(read(doc, mapId).partners[0]?.offers).toEqual([])
  })
})

describe('relationships', () => {
  it('adds, edits and removes a relationship between two live partners', () => {
    const { doc, mapId } = newMap()
    const a = add(doc, mapId, 'A')
    const b = add(doc, mapId, 'B')
    const id = addRelationship(doc, mapId, { from: a, to: b, type: 'funds', strength: 3, note: 'Grant' }, asha, 11)
    expect(read(doc, mapId).relationships).toEqual([
      { id, from: a, to: b, type: 'funds', note: 'Grant', strength: 3, createdAt: 11 }
    ])
    if (!id) throw new Error('no relationship')
    updateRelationship(doc, mapId, id, { strength: 1 }, asha, 12)
    expect(read(doc, mapId).relationships[0]).toMatchObject({ strength: 1, type: 'funds', note: 'Grant' })
    // Turned round and retyped: B now supplies A.
    updateRelationship(doc, mapId, id, { type: 'supplies', ends: { from: b, to: a } }, asha, 12)
    expect(read(doc, mapId).relationships[0]).toMatchObject({ from: b, to: a, type: 'supplies', strength: 1 })
    expect(removeRelationship(doc, mapId, id, asha, 13)).toBe(true)
    expect(read(doc, mapId).relationships).toEqual([])
  })

  it('turns a relationship round but never onto another partner or onto one partner twice', () => {
    const { doc, mapId } = newMap()
    const a = add(doc, mapId, 'A')
    const b = add(doc, mapId, 'B')
    const c = add(doc, mapId, 'C')
    const id = addRelationship(doc, mapId, { from: a, to: b, type: 'funds' }, asha, 11)
    if (!id) throw new Error('no relationship')
    expect(() => updateRelationship(doc, mapId, id, { ends: { from: a, to: c } }, asha, 12)).toThrow(RelationshipEndError)
    expect(() => updateRelationship(doc, mapId, id, { ends: { from: a, to: a } }, asha, 12)).toThrow(RelationshipEndError)
    expect(read(doc, mapId).relationships[0]).toMatchObject({ from: a, to: b })
  })

  it('settles two people turning one relationship round at once on one pair, everywhere', () => {
    const { doc, mapId } = newMap()
    const a = add(doc, mapId, 'A')
    const b = add(doc, mapId, 'B')
    const id = addRelationship(doc, mapId, { from: a, to: b, type: 'funds' }, asha, 11)
    if (!id) throw new Error('no relationship')
    const other = new Y.Doc({ gc: false })
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    // One turns it round; the other turns it round too and changes its type, unseen.
    updateRelationship(doc, mapId, id, { ends: { from: b, to: a } }, asha, 12)
    updateRelationship(other, mapId, id, { ends: { from: b, to: a }, type: 'informs' }, asha, 12)
    updateRelationship(other, mapId, id, { ends: { from: a, to: b } }, asha, 13)
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))
    const [mine, theirs] = [read(doc, mapId).relationships, read(other, mapId).relationships]
    expect(mine).toEqual(theirs)
    expect(mine).toHaveLength(1)
    expect([mine[0]?.from, mine[0]?.to].sort()).toEqual([a, b].sort())
  })

  it('refuses a relationship to itself, to a removed partner or to an unknown one', () => {
    const { doc, mapId } = newMap()
    const a = add(doc, mapId, 'A')
    const b = add(doc, mapId, 'B')
    deletePartnerForGood(doc, mapId, b, asha, 11)
    expect(() => addRelationship(doc, mapId, { from: a, to: a }, asha, 12)).toThrow(RelationshipEndError)
    expect(() => addRelationship(doc, mapId, { from: a, to: b }, asha, 12)).toThrow(RelationshipEndError)
    expect(() => addRelationship(doc, mapId, { from: a, to: 'f'.repeat(32) as PartnerId }, asha, 12)).toThrow(RelationshipEndError)
  })

  it('hides a relationship added while its partner was removed elsewhere, then cleans it up on the next edit', () => {
    const { doc, mapId } = newMap()
    const a = add(doc, mapId, 'A')
    const b = add(doc, mapId, 'B')
    const other = copyOf(doc)
    deletePartnerForGood(doc, mapId, b, asha, 20)
    addRelationship(other, mapId, { from: a, to: b, type: 'informs' }, ben, 21)
    sync(doc, other)
    for (const d of [doc, other]) {
      const state = read(d, mapId)
      expect(state.relationships).toEqual([])
      expect(state.hiddenRelationships).toBe(1)
    }
    // Any later write to the map, on any device, sweeps it away.
    updatePartner(other, mapId, a, { notes: 'Follow up' }, ben, 22)
    sync(doc, other)
    expect(partnerMapParts(doc, mapId)?.relationships.size).toBe(0)
    expect(read(doc, mapId).hiddenRelationships).toBe(0)
  })

  it('never sweeps a relationship whose partner has simply not arrived yet', () => {
    const { doc, mapId } = newMap()
    const a = add(doc, mapId, 'A')
    const carol = copyOf(doc)
    const other = copyOf(doc)
    // Carol adds B; Ben receives it and links A to B; Asha gets Ben's link before Carol's B.
    const b = addPartner(carol, mapId, { name: 'B' }, asha, 30) as PartnerId
    sync(carol, other)
    addRelationship(other, mapId, { from: a, to: b, type: 'supplies' }, ben, 31)
    const bensLink = Y.encodeStateAsUpdate(other, Y.encodeStateVector(carol))
    Y.applyUpdate(doc, bensLink)
    expect(read(doc, mapId).relationships).toEqual([])
    expect(read(doc, mapId).hiddenRelationships).toBe(1)
    updatePartner(doc, mapId, a, { notes: 'x' }, asha, 32)
    sync(doc, carol)
    expect(read(doc, mapId).relationships.map((r) => [r.from, r.to])).toEqual([[a, b]])
  })
})

describe('reading what peers send', () => {
  it('reads malformed fields as defaults and skips records that are not maps', () => {
    const { doc, mapId } = newMap()
    const parts = partnerMapParts(doc, mapId)
    if (!parts) throw new Error('no map')
    doc.transact(() => {
      const odd = new Y.Map<unknown>()
      odd.set('name', 42)
      odd.set('type', 'spaceship')
      odd.set('status', null)
      odd.set('contacts', 'not a map')
      parts.partners.set('a'.repeat(32), odd)
      parts.partners.set('b'.repeat(32), 'not a map' as unknown as Y.Map<unknown>)
      parts.partners.set('not-an-id', new Y.Map())
      const rel = new Y.Map<unknown>()
      rel.set('from', 'a'.repeat(32))
      rel.set('to', 7)
      parts.relationships.set('c'.repeat(32), rel)
    })
    const state = read(doc, mapId)
    expect(state.partners).toEqual([
      expect.objectContaining({ id: 'a'.repeat(32), name: '', type: 'other', status: 'not-contacted', contacts: [] })
    ])
    expect(state.relationships).toEqual([])
    expect(state.hiddenRelationships).toBe(1)
  })

  it('treats a map whose containers are missing as not (yet) a partner map', () => {
    const { doc, mapId } = newMap()
    doc.transact(() => artifactMap(doc, mapId)?.delete(PARTNER_MAP.partners))
    expect(readPartnerMap(doc, mapId)).toBeNull()
  })
})

describe('two maps started on two devices', () => {
  it('merges one into the other, keeping partner ids, and puts the emptied one in the bin', () => {
    const { doc, mapId } = newMap()
    const a = add(doc, mapId, 'A')
    const second = createPartnerMap(doc, { title: 'Partners' }, ben, 5)
    const b = addPartner(doc, second, { name: 'B', region: 'Wales & Midlands' }, ben, 6) as PartnerId
    const c = addPartner(doc, second, { name: 'C' }, ben, 6) as PartnerId
    addContact(doc, second, b, { name: 'Bea' }, ben, 7)
    addRelationship(doc, second, { from: b, to: c, type: 'funds' }, ben, 8)
    expect(mergePartnerMaps(doc, mapId, second, asha, 9)).toBe(2)
    const state = read(doc, mapId)
    expect(state.partners.map((p) => p.id)).toEqual([a, b, c])
    expect(state.partners[1]).toMatchObject({ region: 'Wales & Midlands', contacts: [expect.objectContaining({ name: 'Bea' })] })
    expect(state.relationships.map((r) => [r.from, r.to, r.type])).toEqual([[b, c, 'funds']])
    expect(readArtifactSummaries(doc).find((s) => s.id === second)?.deletedAt).toBe(9)
  })

  it('copies a partner and contact that have no name without writing a name into them', () => {
    // The interface calls them "Unnamed partner" in each reader's language; a merge must not
    // store one reader's words in the workspace.
    const { doc, mapId } = newMap()
    const second = createPartnerMap(doc, { title: 'Partners' }, ben, 5)
    const b = addPartner(doc, second, { name: 'B' }, ben, 6) as PartnerId
    addContact(doc, second, b, { name: 'Bea' }, ben, 7)
    doc.transact(() => {
      const partner = partnerMapParts(doc, second)?.partners.get(b) as Y.Map<unknown>
      partner.delete('name')
      const contacts = partner.get('contacts') as Y.Map<Y.Map<unknown>>
      for (const contact of contacts.values()) contact.delete('name')
    })
    expect(mergePartnerMaps(doc, mapId, second, asha, 9)).toBe(1)
    const merged = partnerMapParts(doc, mapId)?.partners.get(b) as Y.Map<unknown>
    expect(merged.get('name')).toBe('')
    const contacts = [...(merged.get('contacts') as Y.Map<Y.Map<unknown>>).values()]
    expect(contacts.map((contact) => contact.get('name'))).toEqual([''])
    expect(read(doc, mapId).partners).toEqual([expect.objectContaining({ id: b, name: '', contacts: [expect.objectContaining({ name: '' })] })])
  })
})
