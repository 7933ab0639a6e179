import type * as Y from 'yjs'
import { createSignal, onCleanup, type Accessor } from 'solid-js'
import type { ArtifactId } from '../domain/ids'
import type { PartnerId, PartnerMapState } from '../domain/partner'
import { PARTNER_MAP, partnerMapParts } from '../crdt/partner-map'
import { artifactMap } from '../crdt/artifacts'
import { readNotePartnerIds, readNotesMentioningPartner, readPartnerChoices } from '../crdt/partner-notes'
import { makePartnerReadCache, readPartnerMap } from '../crdt/partner-read'
import { readBinnedPartners } from '../crdt/partner-bin'
import { artifactsMap } from '../crdt/workspace-doc'
import { createYProjection } from './create-y-projection'

/**
 * One partner map, live: partners by name and the relationships between live partners. Null
 * while the map has not reached this device.
 *
 * Unlike the other projections this is not a reconciled store: a map has hundreds of
 * partners and thousands of relationships, and reading them through store proxies cost more
 * than drawing them. It holds plain, immutable records instead, and re-reads only the
 * partners and relationships a transaction touched (from the Yjs events' paths); the rest
 * keep their identity, so <For> keeps their rows and nodes and only changed ones redraw.
 */
export const createPartnerMapState = (doc: Y.Doc, mapId: ArtifactId): Accessor<PartnerMapState | null> => {
  let cache = makePartnerReadCache()
  const [state, setState] = createSignal(readPartnerMap(doc, mapId, cache), { equals: false })
  const artifacts = artifactsMap(doc)
  const forget = (events: Y.YEvent<any>[]): boolean => {
    const parts = partnerMapParts(doc, mapId)
    let relevant = false
    for (const event of events) {
      const path = event.path
      if (path.length === 0) {
        // The artifact list itself: this map arrived (or went).
        if (event.changes.keys.has(mapId)) relevant = true
        continue
      }
      if (path[0] !== mapId) continue
      relevant = true
      const [, list, id] = path
      if (list === undefined) {
        // The map's own fields; new containers mean nothing cached can be trusted.
        if (event.changes.keys.has(PARTNER_MAP.partners) || event.changes.keys.has(PARTNER_MAP.relationships)) cache = makePartnerReadCache()
      } else if (typeof id === 'string') {
        const changed = list === PARTNER_MAP.partners ? parts?.partners.get(id) : list === PARTNER_MAP.relationships ? parts?.relationships.get(id) : undefined
        if (changed) {
          cache.partners.delete(changed)
          cache.relationships.delete(changed)
        }
      }
    }
    return relevant
  }
  const refresh = (events: Y.YEvent<any>[]): void => {
    if (forget(events)) setState(readPartnerMap(doc, mapId, cache))
  }
  artifacts.observeDeep(refresh)
  onCleanup(() => artifacts.unobserveDeep(refresh))
  return state
}

/** The notes (and other artifacts) that name a partner, live. */
export const createNotesMentioningPartner = (doc: Y.Doc, partnerId: PartnerId) =>
  createYProjection(doc, `partner-mentions:${partnerId}`, () => artifactsMap(doc), () => readNotesMentioningPartner(doc, partnerId))

/** Every partner a note can name, live (for the note's partner picker). */
export const createPartnerChoices = (doc: Y.Doc) =>
  createYProjection(doc, 'partner-choices', () => artifactsMap(doc), () => readPartnerChoices(doc))

/** The partners a note names (ids, whether or not those partners still exist), live. */
export const createNotePartnerIds = (doc: Y.Doc, noteId: ArtifactId) =>
  createYProjection(
    doc,
    `note-partners:${noteId}`,
    () => artifactMap(doc, noteId) ?? artifactsMap(doc),
    () => readNotePartnerIds(doc, noteId)
  )

/**
 * The partners in the bin, from every partner map, live. Only changes to partners or to the
 * artifacts themselves (a map binned, renamed or arriving) can change the list.
 */
export const createBinnedPartners = (doc: Y.Doc) =>
  createYProjection(doc, 'binned-partners', () => artifactsMap(doc), () => readBinnedPartners(doc), (events) =>
    events.some((event) => event.path.length <= 1 || event.path[1] === PARTNER_MAP.partners)
  )
