import type * as Y from 'yjs'
import type { Actor } from '../domain/artifact'
import type { ArtifactId } from '../domain/ids'
import { makePartnerId } from '../domain/partner'
import type { ImportPlan } from '../domain/partner-csv'
import type { PlannedRelationship } from '../domain/relationship-csv'
import { appendContactTo, appendResourceTo } from './partner-items'
import { changePartnerMap, livePartner, makePartnerRecord, touchPartner } from './partner-map'
import { appendRelationshipTo } from './partner-relationships'

export interface ImportResult {
  partnersAdded: number
  partnersUpdated: number
  contactsAdded: number
}

/**
 * Writes a confirmed CSV import in one transaction, so peers see all of it or none of it. A
 * partner the plan meant to extend but that was removed meanwhile is added again as new.
 * Null when the map is not on this device.
 */
export const importPartners = (
  doc: Y.Doc,
  mapId: ArtifactId,
  plan: ImportPlan,
  actor: Actor,
  now: number
): ImportResult | null =>
  changePartnerMap(doc, mapId, actor, now, (parts) => {
    const result: ImportResult = { partnersAdded: 0, partnersUpdated: 0, contactsAdded: 0 }
    for (const planned of plan.partners) {
      const additions = planned.contacts.length + planned.offers.length + planned.needs.length
      let partner = planned.existingId ? livePartner(parts, planned.existingId) : null
      if (partner && additions === 0) continue
      if (partner) {
        touchPartner(partner, actor, now)
        result.partnersUpdated += 1
      } else {
        partner = makePartnerRecord(planned.fields, actor, now)
        parts.partners.set(makePartnerId(), partner)
        result.partnersAdded += 1
      }
      // Lists are ordered by creation time: one millisecond apart keeps the file's order.
      planned.contacts.forEach((contact, i) => appendContactTo(partner, contact, now + i))
      planned.offers.forEach((offer, i) => appendResourceTo(partner, 'offers', offer, now + i))
      planned.needs.forEach((need, i) => appendResourceTo(partner, 'needs', need, now + i))
      result.contactsAdded += planned.contacts.length
    }
    return result
  })

/**
 * Writes a confirmed relationships import in one transaction. A relationship whose partner
 * was removed meanwhile (on another device) is left out; the result says how many were
 * added. Null when the map is not on this device.
 */
export const importRelationships = (
  doc: Y.Doc,
  mapId: ArtifactId,
  planned: readonly PlannedRelationship[],
  actor: Actor,
  now: number
): { added: number; leftOut: number } | null =>
  changePartnerMap(doc, mapId, actor, now, (parts) => {
    const added = planned.filter((relationship) => appendRelationshipTo(parts, relationship, now)).length
    return { added, leftOut: planned.length - added }
  })
