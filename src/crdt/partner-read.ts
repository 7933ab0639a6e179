import * as Y from 'yjs'
import type { ArtifactId } from '../domain/ids'
import {
  PARTNER_DEFAULTS,
  PARTNER_ROLES,
  PARTNER_STATUSES,
  PARTNER_TYPES,
  RELATIONSHIP_TYPES,
  RESOURCE_CATEGORIES,
  STRENGTHS,
  type Contact,
  type ItemId,
  type Partner,
  type PartnerId,
  type PartnerMapState,
  type Relationship,
  type ResourceItem
} from '../domain/partner'
import { readNumber, readString } from './plain-values'
import { PARTNER, isBinned, isLive, partnerMapParts } from './partner-map'
import { RELATIONSHIP } from './partner-relationships'

/*
 * Reading a partner map back. Everything here came from some peer, so each field is checked
 * on its own and anything malformed reads as its default: one bad value never hides a whole
 * partner, and no shape a peer sends can make a view crash.
 */

const HEX_ID = /^[0-9a-f]{32}$/

const oneOf = <T extends string | number>(allowed: readonly T[], value: unknown, fallback: T): T =>
  (allowed as readonly unknown[]).includes(value) ? (value as T) : fallback

const byCreation = <T extends { createdAt: number; id: string }>(a: T, b: T): number =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const eachItem = <T>(list: unknown, read: (item: Y.Map<unknown>, id: ItemId) => T): T[] => {
  const result: T[] = []
  if (!(list instanceof Y.Map)) return result
  list.forEach((item, id) => {
    if (item instanceof Y.Map && HEX_ID.test(id)) result.push(read(item, id as ItemId))
  })
  return result
}

const readContacts = (list: unknown): Contact[] =>
  eachItem(list, (item, id) => ({
    id,
    name: readString(item.get('name')),
    jobTitle: readString(item.get('jobTitle')),
    email: readString(item.get('email')),
    phone: readString(item.get('phone')),
    createdAt: readNumber(item.get('createdAt'))
  })).sort(byCreation)

const readResources = (list: unknown): ResourceItem[] =>
  eachItem(list, (item, id) => ({
    id,
    category: oneOf(RESOURCE_CATEGORIES, item.get('category'), 'skills'),
    detail: readString(item.get('detail')),
    createdAt: readNumber(item.get('createdAt'))
  })).sort(byCreation)

/**
 * One partner's record as plain data (also used for removed partners by merge and export). A
 * name is as stored: "" when a record has none (Mutual's forms ask for one, so only a damaged or
 * foreign record lacks it). The interface shows "Unnamed partner" in the reader's language
 * (ui/features/partner-map/shown-partner-names.ts); nothing invented is stored, so a merge copies
 * the record without a name rather than writing one reader's words into it.
 */
export const readPartnerRecord = (partner: Y.Map<unknown>, id: PartnerId): Partner => ({
  id,
  name: readString(partner.get(PARTNER.name)),
  type: oneOf(PARTNER_TYPES, partner.get(PARTNER.type), PARTNER_DEFAULTS.type),
  region: readString(partner.get(PARTNER.region)),
  role: oneOf(PARTNER_ROLES, partner.get(PARTNER.role), PARTNER_DEFAULTS.role),
  status: oneOf(PARTNER_STATUSES, partner.get(PARTNER.status), PARTNER_DEFAULTS.status),
  website: readString(partner.get(PARTNER.website)),
  notes: readString(partner.get(PARTNER.notes)),
  contacts: readContacts(partner.get(PARTNER.contacts)),
  offers: readResources(partner.get(PARTNER.offers)),
  needs: readResources(partner.get(PARTNER.needs)),
  createdAt: readNumber(partner.get(PARTNER.createdAt)),
  updatedAt: readNumber(partner.get(PARTNER.updatedAt)),
  updatedBy: readString(partner.get(PARTNER.updatedBy))
})

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true })

/** Partners listed by name, then by id so that equal names keep one order on every device. */
export const byName = (a: { name: string; id: string }, b: { name: string; id: string }): number =>
  collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * What a reader may reuse from its last read: the plain record of every partner and
 * relationship whose Y.Map has not changed since (the caller forgets changed ones). Reused
 * records keep their identity, so a view redraws only what changed.
 */
export interface PartnerReadCache {
  partners: WeakMap<Y.Map<unknown>, Partner>
  relationships: WeakMap<Y.Map<unknown>, Relationship>
}

export const makePartnerReadCache = (): PartnerReadCache => ({ partners: new WeakMap(), relationships: new WeakMap() })

const cached = <K extends object, V>(cache: WeakMap<K, V> | undefined, key: K, read: () => V): V => {
  const hit = cache?.get(key)
  if (hit) return hit
  const value = read()
  cache?.set(key, value)
  return value
}

/**
 * A partner map as the views show it: live partners by name, and the relationships whose two
 * ends are both live partners. Relationships of a partner in the bin are left out without
 * counting as hidden: they are not waiting for anything, and come back when it is restored.
 * Null when `mapId` is not a partner map on this device.
 */
export const readPartnerMap = (doc: Y.Doc, mapId: ArtifactId, cache?: PartnerReadCache): PartnerMapState | null => {
  const parts = partnerMapParts(doc, mapId)
  if (!parts) return null
  const partners: Partner[] = []
  const binned = new Set<string>()
  parts.partners.forEach((partner, id) => {
    if (!(partner instanceof Y.Map) || !HEX_ID.test(id)) return
    if (isLive(partner)) partners.push(cached(cache?.partners, partner, () => readPartnerRecord(partner, id as PartnerId)))
    else if (isBinned(partner)) binned.add(id)
  })
  partners.sort(byName)
  const live = new Set<string>(partners.map((p) => p.id))
  const relationships: Relationship[] = []
  let hidden = 0
  parts.relationships.forEach((relationship, id) => {
    if (!(relationship instanceof Y.Map) || !HEX_ID.test(id)) return
    const from = relationship.get(RELATIONSHIP.from)
    const to = relationship.get(RELATIONSHIP.to)
    if (typeof from !== 'string' || typeof to !== 'string' || from === to || !live.has(from) || !live.has(to)) {
      if (!binned.has(from as string) && !binned.has(to as string)) hidden += 1
      return
    }
    relationships.push(
      cached(cache?.relationships, relationship, () => ({
        id: id as ItemId,
        from: from as PartnerId,
        to: to as PartnerId,
        type: oneOf(RELATIONSHIP_TYPES, relationship.get(RELATIONSHIP.type), 'other'),
        note: readString(relationship.get(RELATIONSHIP.note)),
        strength: oneOf(STRENGTHS, relationship.get(RELATIONSHIP.strength), 2),
        createdAt: readNumber(relationship.get(RELATIONSHIP.createdAt))
      }))
    )
  })
  relationships.sort(byCreation)
  return { partners, relationships, hiddenRelationships: hidden }
}
