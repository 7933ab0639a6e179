import * as Y from 'yjs'
import type { Actor } from '../domain/artifact'
import type { ArtifactId } from '../domain/ids'
import {
  RelationshipFieldsSchema,
  makeItemId,
  type ItemId,
  type PartnerId,
  type RelationshipFields,
  type RelationshipInput
} from '../domain/partner'
import { changePartnerMap, livePartner, writeChanges, type PartnerMapParts } from './partner-map'

/** Built once: zod schemas are costly to make and cheap to run. */
const RelationshipPatchSchema = RelationshipFieldsSchema.partial()

/** Fields of one relationship's Y.Map. */
export const RELATIONSHIP = {
  from: 'from',
  to: 'to',
  type: 'type',
  note: 'note',
  strength: 'strength',
  createdAt: 'createdAt'
} as const

export class RelationshipEndError extends Error {
  constructor() {
    super('A relationship joins two different partners that are on the map.')
    this.name = 'RelationshipEndError'
  }
}

/**
 * Adds a relationship between two live partners and returns its id; null when the map is
 * not on this device. Throws if an end is missing, removed, or both ends are the same.
 */
export const addRelationship = (
  doc: Y.Doc,
  mapId: ArtifactId,
  input: RelationshipInput,
  actor: Actor,
  now: number,
  id: ItemId = makeItemId()
): ItemId | null => {
  const fields = RelationshipFieldsSchema.parse({ type: 'partners-with', note: '', strength: 2, ...input })
  return changePartnerMap(doc, mapId, actor, now, (parts) => {
    if (!appendRelationshipTo(parts, { ...fields, from: input.from, to: input.to }, now, id)) throw new RelationshipEndError()
    return id
  })
}

/**
 * Writes one checked relationship into a map's parts, inside a change; false (and nothing
 * written) when an end is missing or removed, or both ends are the same partner.
 */
export const appendRelationshipTo = (
  parts: PartnerMapParts,
  relationship: RelationshipFields & { from: PartnerId; to: PartnerId },
  now: number,
  id: ItemId = makeItemId()
): boolean => {
  const { from, to } = relationship
  if (from === to || !livePartner(parts, from) || !livePartner(parts, to)) return false
  const record = new Y.Map<unknown>()
  record.set(RELATIONSHIP.from, from)
  record.set(RELATIONSHIP.to, to)
  record.set(RELATIONSHIP.type, relationship.type)
  record.set(RELATIONSHIP.note, relationship.note)
  record.set(RELATIONSHIP.strength, relationship.strength)
  record.set(RELATIONSHIP.createdAt, now)
  parts.relationships.set(id, record)
  return true
}

export interface RelationshipPatch extends Partial<RelationshipFields> {
  /**
   * Turns the relationship round ("funds" to "is funded by"). It must join the same two
   * partners: to relate someone else, remove it and add another.
   */
  ends?: { from: PartnerId; to: PartnerId }
}

/**
 * Changes a relationship's type, note, strength or direction; false when it is gone. Both
 * ends are always written together, in one transaction, as when it was added: concurrent
 * turns by two people then settle on one person's pair on every device, never a mix of the
 * two that would join a partner to itself.
 */
export const updateRelationship = (
  doc: Y.Doc,
  mapId: ArtifactId,
  relationshipId: ItemId,
  patch: RelationshipPatch,
  actor: Actor,
  now: number
): boolean => {
  const { ends, ...fields } = patch
  const checked = RelationshipPatchSchema.parse(fields)
  return (
    changePartnerMap(doc, mapId, actor, now, (parts) => {
      const relationship = parts.relationships.get(relationshipId)
      if (!(relationship instanceof Y.Map)) return false
      if (ends) {
        const from = relationship.get(RELATIONSHIP.from)
        const to = relationship.get(RELATIONSHIP.to)
        const samePair = (ends.from === from && ends.to === to) || (ends.from === to && ends.to === from)
        if (!samePair || ends.from === ends.to) throw new RelationshipEndError()
        // The same pair: turned round, both fields change; otherwise neither does.
        writeChanges(relationship, { [RELATIONSHIP.from]: ends.from, [RELATIONSHIP.to]: ends.to })
      }
      writeChanges(relationship, { [RELATIONSHIP.type]: checked.type, [RELATIONSHIP.note]: checked.note, [RELATIONSHIP.strength]: checked.strength })
      return true
    }) ?? false
  )
}

export const removeRelationship = (
  doc: Y.Doc,
  mapId: ArtifactId,
  relationshipId: ItemId,
  actor: Actor,
  now: number
): boolean =>
  changePartnerMap(doc, mapId, actor, now, (parts) => {
    if (!parts.relationships.has(relationshipId)) return false
    parts.relationships.delete(relationshipId)
    return true
  }) ?? false
