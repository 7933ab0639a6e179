import * as Y from 'yjs'
import type { Actor } from '../domain/artifact'
import type { ArtifactId } from '../domain/ids'
import {
  ContactFieldsSchema,
  ResourceFieldsSchema,
  makeItemId,
  type ContactFields,
  type ContactInput,
  type ItemId,
  type PartnerId,
  type ResourceFields,
  type ResourceSide
} from '../domain/partner'
import { PARTNER, changeLivePartner, touchPartner, writeChanges } from './partner-map'

/** Built once: zod schemas are costly to make and cheap to run. */
const ContactPatchSchema = ContactFieldsSchema.partial()
const ResourcePatchSchema = ResourceFieldsSchema.partial()

/*
 * A partner's contacts, offers and needs: each a Y.Map<itemId, Y.Map> inside the partner's
 * map, one key per field, so two people adding contacts at once keep both, and two people
 * editing different fields of one contact keep both changes.
 */

type ItemList = typeof PARTNER.contacts | typeof PARTNER.offers | typeof PARTNER.needs

const CONTACT_FIELDS = ['name', 'jobTitle', 'email', 'phone'] as const satisfies readonly (keyof ContactFields)[]
const RESOURCE_FIELDS = ['category', 'detail'] as const satisfies readonly (keyof ResourceFields)[]

const listOf = (partner: Y.Map<unknown>, list: ItemList): Y.Map<Y.Map<unknown>> => {
  const existing = partner.get(list)
  if (existing instanceof Y.Map) return existing as Y.Map<Y.Map<unknown>>
  // A partner written by a peer without this list: the first edit makes it.
  const created = new Y.Map<Y.Map<unknown>>()
  partner.set(list, created)
  return created
}

const makeItem = (fields: Record<string, string>, now: number): Y.Map<unknown> => {
  const item = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(fields)) item.set(key, value)
  item.set('createdAt', now)
  return item
}

const addItem = (
  doc: Y.Doc,
  mapId: ArtifactId,
  partnerId: PartnerId,
  list: ItemList,
  fields: Record<string, string>,
  actor: Actor,
  now: number,
  id: ItemId
): ItemId | null =>
  changeLivePartner(doc, mapId, partnerId, actor, now, (partner) => {
    listOf(partner, list).set(id, makeItem(fields, now))
    touchPartner(partner, actor, now)
    return id
  })

const updateItem = (
  doc: Y.Doc,
  mapId: ArtifactId,
  partnerId: PartnerId,
  list: ItemList,
  itemId: ItemId,
  patch: Record<string, string | undefined>,
  actor: Actor,
  now: number
): boolean =>
  changeLivePartner(doc, mapId, partnerId, actor, now, (partner) => {
    const item = listOf(partner, list).get(itemId)
    if (!(item instanceof Y.Map)) return false
    if (writeChanges(item, patch)) touchPartner(partner, actor, now)
    return true
  }) ?? false

const removeItem = (
  doc: Y.Doc,
  mapId: ArtifactId,
  partnerId: PartnerId,
  list: ItemList,
  itemId: ItemId,
  actor: Actor,
  now: number
): boolean =>
  changeLivePartner(doc, mapId, partnerId, actor, now, (partner) => {
    const items = listOf(partner, list)
    if (!items.has(itemId)) return false
    items.delete(itemId)
    touchPartner(partner, actor, now)
    return true
  }) ?? false

const pick = <K extends string>(keys: readonly K[], values: Partial<Record<K, string>>): Record<string, string | undefined> =>
  Object.fromEntries(keys.map((key) => [key, values[key]]))

/** Adds a contact to a partner; null if the partner is gone. */
export const addContact = (
  doc: Y.Doc,
  mapId: ArtifactId,
  partnerId: PartnerId,
  input: ContactInput,
  actor: Actor,
  now: number,
  id: ItemId = makeItemId()
): ItemId | null => {
  const fields = ContactFieldsSchema.parse({ jobTitle: '', email: '', phone: '', ...input })
  return addItem(doc, mapId, partnerId, PARTNER.contacts, fields, actor, now, id)
}

/** Changes the given fields of a contact only. */
export const updateContact = (
  doc: Y.Doc,
  mapId: ArtifactId,
  partnerId: PartnerId,
  contactId: ItemId,
  patch: Partial<ContactFields>,
  actor: Actor,
  now: number
): boolean => {
  const checked = ContactPatchSchema.parse(patch)
  return updateItem(doc, mapId, partnerId, PARTNER.contacts, contactId, pick(CONTACT_FIELDS, checked), actor, now)
}

export const removeContact = (
  doc: Y.Doc,
  mapId: ArtifactId,
  partnerId: PartnerId,
  contactId: ItemId,
  actor: Actor,
  now: number
): boolean => removeItem(doc, mapId, partnerId, PARTNER.contacts, contactId, actor, now)

/** Adds something a partner offers (`side` 'offers') or needs ('needs'). */
export const addResource = (
  doc: Y.Doc,
  mapId: ArtifactId,
  partnerId: PartnerId,
  side: ResourceSide,
  input: ResourceFields,
  actor: Actor,
  now: number,
  id: ItemId = makeItemId()
): ItemId | null => {
  const fields = ResourceFieldsSchema.parse(input)
  return addItem(doc, mapId, partnerId, PARTNER[side], fields, actor, now, id)
}

export const updateResource = (
  doc: Y.Doc,
  mapId: ArtifactId,
  partnerId: PartnerId,
  side: ResourceSide,
  itemId: ItemId,
  patch: Partial<ResourceFields>,
  actor: Actor,
  now: number
): boolean => {
  const checked = ResourcePatchSchema.parse(patch)
  return updateItem(doc, mapId, partnerId, PARTNER[side], itemId, pick(RESOURCE_FIELDS, checked), actor, now)
}

export const removeResource = (
  doc: Y.Doc,
  mapId: ArtifactId,
  partnerId: PartnerId,
  side: ResourceSide,
  itemId: ItemId,
  actor: Actor,
  now: number
): boolean => removeItem(doc, mapId, partnerId, PARTNER[side], itemId, actor, now)

/**
 * For bulk writers (CSV import, merging maps), inside an open `changePartnerMap`: appends a
 * contact created at `createdAt`, which also orders the list.
 */
export const appendContactTo = (partner: Y.Map<unknown>, fields: ContactFields, createdAt: number): ItemId => {
  const id = makeItemId()
  listOf(partner, PARTNER.contacts).set(id, makeItem(fields, createdAt))
  return id
}

export const appendResourceTo = (partner: Y.Map<unknown>, side: ResourceSide, fields: ResourceFields, createdAt: number): ItemId => {
  const id = makeItemId()
  listOf(partner, PARTNER[side]).set(id, makeItem(fields, createdAt))
  return id
}
