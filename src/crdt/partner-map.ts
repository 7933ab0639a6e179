import * as Y from 'yjs'
import type { Actor } from '../domain/artifact'
import type { ArtifactId } from '../domain/ids'
import {
  PARTNER_DEFAULTS,
  PARTNER_FIELDS,
  PartnerFieldsSchema,
  makePartnerId,
  type PartnerFields,
  type PartnerId,
  type PartnerInput
} from '../domain/partner'
import { artifactMap, createArtifact } from './artifacts'
import { ARTIFACT } from './keys'
import { mutate } from './mutate'
import { artifactsMap } from './workspace-doc'

/** Built once: zod schemas are costly to make and cheap to run. */
const PartnerPatchSchema = PartnerFieldsSchema.partial()

/*
 * The partner map's data hangs off its artifact's Y.Map (kind 'partner-map'):
 *
 *   partners:      Y.Map<partnerId, Y.Map>   one map per partner, ONE KEY PER FIELD (name, type,
 *                  region, role, status, website, notes, …), so two people editing the same
 *                  partner at once merge field by field; plus `contacts`, `offers`, `needs`:
 *                  Y.Map<itemId, Y.Map> each (concurrent additions all survive), and
 *                  `binnedAt`/`binnedBy` (in the bin: see crdt/partner-bin.ts) and `deletedAt`
 *                  (deleted for good, a tombstone: see below).
 *   relationships: Y.Map<relationshipId, Y.Map{from, to, type, note, strength, createdAt}>
 *
 * Removing a partner first moves it to the bin (`binnedAt`): it keeps everything and its
 * relationships stay, hidden, until it is restored. Deleting it for good from the bin sets
 * `deletedAt` instead of deleting its map. That is what lets any device
 * tell "this partner was removed" (tombstone present) from "this partner has not reached me
 * yet" (absent: Yjs does not order a relationship after the partner it points to, when the two
 * were written by different people). A relationship with a tombstoned end is deleted by the
 * next write to the map on any device (`changePartnerMap` sweeps), which is safe to do on many
 * devices at once (deleting a key twice converges) and never touches a relationship whose end
 * is merely missing. Views hide both kinds of dangling relationship in the meantime.
 *
 * The API below is stable: the bench seed (tests/bench/seed) builds maps through it.
 */
export const PARTNER_MAP = { partners: 'partners', relationships: 'relationships' } as const

/** Fields of one partner's Y.Map. */
export const PARTNER = {
  name: 'name',
  type: 'type',
  region: 'region',
  role: 'role',
  status: 'status',
  website: 'website',
  notes: 'notes',
  contacts: 'contacts',
  offers: 'offers',
  needs: 'needs',
  createdAt: 'createdAt',
  createdBy: 'createdBy',
  updatedAt: 'updatedAt',
  updatedBy: 'updatedBy',
  deletedAt: 'deletedAt',
  binnedAt: 'binnedAt',
  binnedBy: 'binnedBy'
} as const

export interface PartnerMapParts {
  record: Y.Map<unknown>
  partners: Y.Map<Y.Map<unknown>>
  relationships: Y.Map<Y.Map<unknown>>
}

/** The partner map's containers, or null if `mapId` is not a partner map on this device. */
export const partnerMapParts = (doc: Y.Doc, mapId: ArtifactId): PartnerMapParts | null => {
  const record = artifactMap(doc, mapId)
  if (!record || record.get(ARTIFACT.kind) !== 'partner-map') return null
  const partners = record.get(PARTNER_MAP.partners)
  const relationships = record.get(PARTNER_MAP.relationships)
  if (!(partners instanceof Y.Map) || !(relationships instanceof Y.Map)) return null
  return { record, partners: partners as Y.Map<Y.Map<unknown>>, relationships: relationships as Y.Map<Y.Map<unknown>> }
}

/** A partner's map if it exists and has not been deleted for good (it may be in the bin). */
export const presentPartner = (parts: PartnerMapParts, id: string): Y.Map<unknown> | null => {
  const partner = parts.partners.get(id)
  return partner instanceof Y.Map && !isRemoved(partner) ? partner : null
}

/** A partner's map if it is on the map: neither in the bin nor deleted for good. */
export const livePartner = (parts: PartnerMapParts, id: string): Y.Map<unknown> | null => {
  const partner = presentPartner(parts, id)
  return partner && !isBinned(partner) ? partner : null
}

/** Deleted for good: a tombstone. */
export const isRemoved = (partner: Y.Map<unknown>): boolean => typeof partner.get(PARTNER.deletedAt) === 'number'

/** In the bin (and not deleted for good since): hidden, but whole and restorable. */
export const isBinned = (partner: Y.Map<unknown>): boolean =>
  typeof partner.get(PARTNER.binnedAt) === 'number' && !isRemoved(partner)

/** On the map, as every view shows it. */
export const isLive = (partner: Y.Map<unknown>): boolean => !isRemoved(partner) && !isBinned(partner)

const HEX_ID = /^[0-9a-f]{32}$/

/**
 * Visits every partner record (live, binned or deleted) of every partner map that is not in
 * the bin, with its map's id and artifact record: what workspace-wide partner lists read.
 */
export const forEachPartnerOfOpenMaps = (
  doc: Y.Doc,
  visit: (partner: Y.Map<unknown>, id: PartnerId, mapId: ArtifactId, mapRecord: Y.Map<unknown>) => void
): void => {
  artifactsMap(doc).forEach((record, mapId) => {
    if (!(record instanceof Y.Map) || record.get(ARTIFACT.deletedAt)) return
    partnerMapParts(doc, mapId as ArtifactId)?.partners.forEach((partner, id) => {
      if (partner instanceof Y.Map && HEX_ID.test(id)) visit(partner, id as PartnerId, mapId as ArtifactId, record)
    })
  })
}

/**
 * Deletes relationships that have a removed partner at either end. Relationships whose end is
 * absent are left alone: that partner may still be on its way from another device.
 */
export const sweepDanglingRelationships = (parts: PartnerMapParts): number => {
  const removed = (id: unknown): boolean => {
    const partner = typeof id === 'string' ? parts.partners.get(id) : undefined
    return partner instanceof Y.Map && isRemoved(partner)
  }
  const doomed: string[] = []
  parts.relationships.forEach((relationship, id) => {
    if (!(relationship instanceof Y.Map)) return
    if (removed(relationship.get('from')) || removed(relationship.get('to'))) doomed.push(id)
  })
  for (const id of doomed) parts.relationships.delete(id)
  return doomed.length
}

/**
 * Deletes relationships left dangling by a concurrent removal, without recording an edit by
 * anyone. The map view calls it when it shows a map with such relationships (unless the
 * workspace is read-only); any write to the map does the same. Returns how many went.
 */
export const cleanUpPartnerMap = (doc: Y.Doc, mapId: ArtifactId): number =>
  mutate(doc, () => {
    const parts = partnerMapParts(doc, mapId)
    return parts ? sweepDanglingRelationships(parts) : 0
  })

/**
 * Every write to a partner map goes through here: one transaction that changes the map,
 * sweeps relationships left dangling by a concurrent removal, and records who edited the map.
 * Returns null (and writes nothing) when the map is not on this device.
 */
export const changePartnerMap = <T>(
  doc: Y.Doc,
  mapId: ArtifactId,
  actor: Actor,
  now: number,
  change: (parts: PartnerMapParts) => T
): T | null =>
  mutate(doc, () => {
    const parts = partnerMapParts(doc, mapId)
    if (!parts) return null
    const result = change(parts)
    sweepDanglingRelationships(parts)
    parts.record.set(ARTIFACT.updatedBy, actor)
    parts.record.set(ARTIFACT.updatedAt, now)
    return result
  })

/**
 * A change to one live partner, through `changePartnerMap`. Null when the map or the partner
 * is not there (removed, perhaps on another device): nothing is written then.
 */
export const changeLivePartner = <T>(
  doc: Y.Doc,
  mapId: ArtifactId,
  partnerId: PartnerId,
  actor: Actor,
  now: number,
  change: (partner: Y.Map<unknown>, parts: PartnerMapParts) => T
): T | null =>
  changePartnerMap(doc, mapId, actor, now, (parts) => {
    const partner = livePartner(parts, partnerId)
    return partner ? change(partner, parts) : null
  })

/** Creates a partner map artifact with its empty containers and returns its id. */
export const createPartnerMap = (doc: Y.Doc, input: { title: string }, actor: Actor, now: number): ArtifactId =>
  mutate(doc, () => {
    const id = createArtifact(doc, { kind: 'partner-map', title: input.title }, actor, now)
    const record = artifactMap(doc, id) as Y.Map<unknown>
    // Containers are made with the artifact: two peers creating them later would race.
    record.set(PARTNER_MAP.partners, new Y.Map())
    record.set(PARTNER_MAP.relationships, new Y.Map())
    return id
  })

const stamp = (target: Y.Map<unknown>, actor: Actor, now: number): void => {
  target.set(PARTNER.updatedAt, now)
  target.set(PARTNER.updatedBy, actor.name)
}

/** A new partner's Y.Map (not yet attached), from validated fields. */
export const makePartnerRecord = (fields: PartnerFields, actor: Actor, now: number): Y.Map<unknown> => {
  const partner = new Y.Map<unknown>()
  for (const field of PARTNER_FIELDS) partner.set(PARTNER[field], fields[field])
  partner.set(PARTNER.contacts, new Y.Map())
  partner.set(PARTNER.offers, new Y.Map())
  partner.set(PARTNER.needs, new Y.Map())
  partner.set(PARTNER.createdAt, now)
  partner.set(PARTNER.createdBy, actor.name)
  partner.set(PARTNER.deletedAt, null)
  partner.set(PARTNER.binnedAt, null)
  stamp(partner, actor, now)
  return partner
}

/** Fills in defaults and validates; throws on input no form should have let through. */
export const partnerFields = (input: PartnerInput): PartnerFields =>
  PartnerFieldsSchema.parse({ ...PARTNER_DEFAULTS, ...input })

/** Adds a partner; returns its id, or null if the map is not on this device. */
export const addPartner = (
  doc: Y.Doc,
  mapId: ArtifactId,
  input: PartnerInput,
  actor: Actor,
  now: number,
  id: PartnerId = makePartnerId()
): PartnerId | null => {
  const fields = partnerFields(input)
  return changePartnerMap(doc, mapId, actor, now, (parts) => {
    parts.partners.set(id, makePartnerRecord(fields, actor, now))
    return id
  })
}

/**
 * Changes some fields of a partner, one key each: fields not in `patch` are not written, so
 * a colleague's concurrent change to another field survives. False if the partner is gone.
 */
export const updatePartner = (
  doc: Y.Doc,
  mapId: ArtifactId,
  partnerId: PartnerId,
  patch: Partial<PartnerFields>,
  actor: Actor,
  now: number
): boolean => {
  const checked = PartnerPatchSchema.parse(patch)
  return (
    changeLivePartner(doc, mapId, partnerId, actor, now, (partner) => {
      if (writeChanges(partner, checked)) stamp(partner, actor, now)
      return true
    }) ?? false
  )
}

/**
 * Writes the fields of `patch` that are given and differ from what the map holds, one key
 * each (never the whole record), and says whether anything changed.
 */
export const writeChanges = (target: Y.Map<unknown>, patch: Readonly<Record<string, unknown>>): boolean => {
  let changed = false
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || target.get(key) === value) continue
    target.set(key, value)
    changed = true
  }
  return changed
}

/** Marks a partner as edited (for changes to its contacts, offers or needs). */
export const touchPartner = stamp
