import { describe, expect, it } from 'vitest'
import { createRoot } from 'solid-js'
import * as Y from 'yjs'
import { createArtifact, renameArtifact } from '../../../src/crdt/artifacts'
import { addPartner, createPartnerMap, updatePartner } from '../../../src/crdt/partner-map'
import { deletePartnerForGood } from '../../../src/crdt/partner-bin'
import { addContact } from '../../../src/crdt/partner-items'
import { addRelationship } from '../../../src/crdt/partner-relationships'
import { setNotePartners } from '../../../src/crdt/partner-notes'
import type { PartnerId } from '../../../src/domain/partner'
import { createNotesMentioningPartner, createPartnerMapState } from '../../../src/reactive/partner-map'
import { asha, ben, copyOf, newMap, sync } from './support'

describe('the partner map, live', () => {
  it('follows local and remote changes, re-reading only what changed', () => {
    const { doc, mapId } = newMap()
    const a = addPartner(doc, mapId, { name: 'A' }, asha, 3) as PartnerId
    const b = addPartner(doc, mapId, { name: 'B' }, asha, 3) as PartnerId
    addRelationship(doc, mapId, { from: a, to: b }, asha, 4)
    createRoot((dispose) => {
      const state = createPartnerMapState(doc, mapId)
      const before = state()
      if (!before) throw new Error('no map')
      const [firstA, firstB] = before.partners
      const firstRelationship = before.relationships[0]

      addContact(doc, mapId, a, { name: 'Pat' }, asha, 5)
      const afterContact = state()
      expect(afterContact?.partners[0]?.contacts.map((c) => c.name)).toEqual(['Pat'])
      // A changed, so it is a new record; B and the relationship are the same objects.
      expect(afterContact?.partners[0]).not.toBe(firstA)
      expect(afterContact?.partners[1]).toBe(firstB)
      expect(afterContact?.relationships[0]).toBe(firstRelationship)

      const peer = copyOf(doc)
      updatePartner(peer, mapId, b, { region: 'Wales' }, ben, 6)
      sync(doc, peer)
      expect(state()?.partners[1]?.region).toBe('Wales')
      expect(state()?.partners[0]).toBe(afterContact?.partners[0])

      deletePartnerForGood(doc, mapId, a, asha, 7)
      expect(state()?.partners.map((p) => p.name)).toEqual(['B'])
      expect(state()?.relationships).toEqual([])
      dispose()
    })
  })

  it('ignores changes to other artifacts, and shows a map that arrives later', () => {
    const { doc } = newMap()
    const source = copyOf(doc)
    const mapId = createPartnerMap(source, { title: 'Later' }, ben, 5)
    addPartner(source, mapId, { name: 'Arrived' }, ben, 6)
    createRoot((dispose) => {
      const state = createPartnerMapState(doc, mapId)
      expect(state()).toBeNull()
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(source, Y.encodeStateVector(doc)))
      expect(state()?.partners.map((p) => p.name)).toEqual(['Arrived'])
      const before = state()
      const note = createArtifact(doc, { kind: 'note', title: 'Unrelated' }, asha, 7)
      renameArtifact(doc, note, 'Still unrelated', asha, 8)
      // Not re-read: the very same state object.
      expect(state()).toBe(before)
      dispose()
    })
  })

  it('lists the notes that name a partner as they change', () => {
    const { doc, mapId } = newMap()
    const a = addPartner(doc, mapId, { name: 'A' }, asha, 3) as PartnerId
    createRoot((dispose) => {
      const notes = createNotesMentioningPartner(doc, a)
      expect(notes()).toEqual([])
      const note = createArtifact(doc, { kind: 'note', title: 'Visit' }, asha, 4)
      setNotePartners(doc, note, [a], asha, 5)
      expect(notes().map((n) => n.title)).toEqual(['Visit'])
      dispose()
    })
  })
})
