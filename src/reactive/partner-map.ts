import type * as Y from 'yjs'
import type { ArtifactId } from '../domain/ids'
import type { PartnerId } from '../domain/partner'
import { partnerMapParts } from '../crdt/partner-map'
import { artifactMap } from '../crdt/artifacts'
import { readNotePartnerIds, readNotesMentioningPartner, readPartnerChoices } from '../crdt/partner-notes'
import { readPartnerMap } from '../crdt/partner-read'
import { artifactsMap } from '../crdt/workspace-doc'
import { createYProjection } from './create-y-projection'

/**
 * One partner map, live: partners by name and the relationships between live partners. Null
 * while the map has not reached this device (the artifact list is watched meanwhile, so it
 * appears as soon as it arrives).
 */
export const createPartnerMapState = (doc: Y.Doc, mapId: ArtifactId) =>
  createYProjection(
    doc,
    `partner-map:${mapId}`,
    () => partnerMapParts(doc, mapId)?.record ?? artifactsMap(doc),
    () => readPartnerMap(doc, mapId)
  )

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
