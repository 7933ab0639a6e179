import * as Y from 'yjs'
import type { Actor } from '../domain/artifact'
import type { ArtifactId } from '../domain/ids'
import type { Contact, ContactFields, PartnerId, ResourceFields, ResourceItem } from '../domain/partner'
import { moveArtifactToBin } from './artifacts'
import { appendContactTo, appendResourceTo } from './partner-items'
import { PARTNER, changePartnerMap, isBinned, isRemoved, makePartnerRecord, partnerMapParts, presentPartner } from './partner-map'
import { readPartnerRecord } from './partner-read'
import { RELATIONSHIP } from './partner-relationships'
import { mutate } from './mutate'

const pickContact = ({ name, jobTitle, email, phone }: Contact): ContactFields => ({ name, jobTitle, email, phone })
const pickResource = ({ category, detail }: ResourceItem): ResourceFields => ({ category, detail })

/**
 * A workspace has one partner map, but two devices that each started one before they met
 * end up with two. This folds `fromId` into `intoId`: its partners (keeping their ids, so
 * notes that name them still do; those in the bin stay in the bin) and their relationships
 * are copied, then `fromId` goes to the bin, where it can still be opened. Returns how many
 * partners moved onto the map (binned ones not counted), or null.
 */
export const mergePartnerMaps = (
  doc: Y.Doc,
  intoId: ArtifactId,
  fromId: ArtifactId,
  actor: Actor,
  now: number
): number | null =>
  mutate(doc, () => {
    const from = partnerMapParts(doc, fromId)
    if (!from || intoId === fromId) return null
    const moved = changePartnerMap(doc, intoId, actor, now, (into) => {
      let count = 0
      from.partners.forEach((source, id) => {
        if (!(source instanceof Y.Map) || isRemoved(source) || into.partners.has(id)) return
        const plain = readPartnerRecord(source, id as PartnerId)
        const copy = makePartnerRecord(plain, actor, now)
        into.partners.set(id, copy)
        if (isBinned(source)) {
          copy.set(PARTNER.binnedAt, source.get(PARTNER.binnedAt))
          copy.set(PARTNER.binnedBy, source.get(PARTNER.binnedBy) ?? null)
        } else count += 1
        for (const contact of plain.contacts) appendContactTo(copy, pickContact(contact), contact.createdAt)
        for (const offer of plain.offers) appendResourceTo(copy, 'offers', pickResource(offer), offer.createdAt)
        for (const need of plain.needs) appendResourceTo(copy, 'needs', pickResource(need), need.createdAt)
      })
      from.relationships.forEach((source, id) => {
        if (!(source instanceof Y.Map) || into.relationships.has(id)) return
        const ends = [source.get(RELATIONSHIP.from), source.get(RELATIONSHIP.to)]
        if (!ends.every((end) => typeof end === 'string' && presentPartner(into, end))) return
        const copy = new Y.Map<unknown>()
        for (const key of Object.values(RELATIONSHIP)) copy.set(key, source.get(key) ?? null)
        into.relationships.set(id, copy)
      })
      return count
    })
    if (moved === null) return null
    moveArtifactToBin(doc, fromId, actor, now)
    return moved
  })
