import * as Y from 'yjs'
import type { Actor } from '../domain/artifact'
import type { ArtifactId } from '../domain/ids'
import type { PartnerId } from '../domain/partner'
import { ARTIFACT } from './keys'
import { mutate } from './mutate'
import {
  PARTNER,
  changePartnerMap,
  forEachPartnerOfOpenMaps,
  isBinned,
  livePartner,
  partnerMapParts,
  presentPartner,
  sweepDanglingRelationships,
  touchPartner
} from './partner-map'
import { readNumber, readString } from './plain-values'

/*
 * Partners in the workspace's bin.
 *
 * Removing a partner sets `binnedAt` (and `binnedBy`) on its map and changes nothing else: its
 * details, contacts, offers and needs stay inside it, its relationships stay in the map's
 * relationships (views hide those with an end in the bin), and notes keep naming it. Restoring
 * clears `binnedAt`, so everything comes back as it was, including what anyone changed while
 * it was binned.
 *
 * Concurrent changes, settled the same way on every device:
 * - binned on A while B edits it (fields, contacts, relationships): B's edits are kept inside
 *   the binned partner and come back with it;
 * - binned on two devices at once: one bin entry (the later `binnedAt` key wins);
 * - restored on A while deleted for good on B: deleted. `deletedAt` is a tombstone that
 *   nothing clears, so "for good" holds whatever else happened at the same time.
 *
 * `binnedAt` is a key of its own, not `deletedAt`: a device running an older build treats a
 * `deletedAt` partner as gone and deletes its relationships on its next write, which would make
 * a restore come back without them. An older build shows a binned partner as still on the map.
 */

/** Moves a partner on the map to the bin; false if it is not on the map (already binned, or gone). */
export const binPartner = (doc: Y.Doc, mapId: ArtifactId, partnerId: PartnerId, actor: Actor, now: number): boolean =>
  changePartnerMap(doc, mapId, actor, now, (parts) => {
    const partner = livePartner(parts, partnerId)
    if (!partner) return false
    partner.set(PARTNER.binnedAt, now)
    partner.set(PARTNER.binnedBy, actor.name)
    touchPartner(partner, actor, now)
    return true
  }) ?? false

/**
 * Puts a binned partner back on the map, with everything it had; false if it is not in the bin.
 * Restoring is not editing: the partner's and the map's "last edited" stay as they were (the
 * authorship records still note who wrote this change), as when a note is restored. It still
 * tidies relationships left dangling by a concurrent removal, as every write to the map does.
 */
export const restorePartner = (doc: Y.Doc, mapId: ArtifactId, partnerId: PartnerId): boolean =>
  mutate(doc, () => {
    const parts = partnerMapParts(doc, mapId)
    const partner = parts && presentPartner(parts, partnerId)
    if (!parts || !partner || !isBinned(partner)) return false
    partner.set(PARTNER.binnedAt, null)
    sweepDanglingRelationships(parts)
    return true
  })

/**
 * Deletes a partner for good: leaves a tombstone, clears its contacts (personal data should not
 * linger in the current state) and deletes its relationships in the same transaction (the sweep
 * in `changePartnerMap`). False if it was already deleted or is not on this device.
 */
export const deletePartnerForGood = (doc: Y.Doc, mapId: ArtifactId, partnerId: PartnerId, actor: Actor, now: number): boolean =>
  changePartnerMap(doc, mapId, actor, now, (parts) => {
    const partner = presentPartner(parts, partnerId)
    if (!partner) return false
    partner.set(PARTNER.deletedAt, now)
    const contacts = partner.get(PARTNER.contacts)
    if (contacts instanceof Y.Map) for (const key of [...contacts.keys()]) contacts.delete(key)
    touchPartner(partner, actor, now)
    return true
  }) ?? false

/** One partner in the bin, as the bin lists it. */
export interface BinnedPartner {
  mapId: ArtifactId
  mapTitle: string
  id: PartnerId
  name: string
  binnedAt: number
  binnedBy: string
}

/**
 * Every binned partner of every partner map that is not itself in the bin (restoring a binned
 * map brings its partners back with it), most recently binned first.
 */
export const readBinnedPartners = (doc: Y.Doc): BinnedPartner[] => {
  const result: BinnedPartner[] = []
  forEachPartnerOfOpenMaps(doc, (partner, id, mapId, mapRecord) => {
    if (!isBinned(partner)) return
    result.push({
      mapId,
      mapTitle: readString(mapRecord.get(ARTIFACT.title)) || 'Partner map',
      id,
      name: readString(partner.get(PARTNER.name)),
      binnedAt: readNumber(partner.get(PARTNER.binnedAt)),
      binnedBy: readString(partner.get(PARTNER.binnedBy))
    })
  })
  return result.sort((a, b) => b.binnedAt - a.binnedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
