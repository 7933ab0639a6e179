import * as Y from 'yjs'
import type { Actor, ArtifactKind } from '../domain/artifact'
import { ARTIFACT_KINDS } from '../domain/artifact'
import type { ArtifactId } from '../domain/ids'
import type { Partner, PartnerId } from '../domain/partner'
import { artifactMap, changeArtifact } from './artifacts'
import { ARTIFACT } from './keys'
import { readNumber, readString } from './plain-values'
import { forEachPartnerOfOpenMaps, isLive } from './partner-map'
import { byName, readPartnerRecord } from './partner-read'
import { artifactsMap } from './workspace-doc'

/**
 * Links from notes to partners.
 *
 * A note (or any artifact that is not a partner map) names partners in the field
 * `notePartners` of its artifact Y.Map: a Y.Map<partnerId, true> used as a set, so two people
 * tagging partners at once both keep theirs. The note metadata form writes it with
 * `setNotePartners` and reads it with `readNotePartnerIds`; a partner's panel lists the
 * artifacts that name it with `readNotesMentioningPartner`. Ids of partners that were removed
 * (or that have not reached this device) stay in the set and are simply not shown.
 */
export const NOTE_PARTNERS_FIELD = 'notePartners'

const HEX_ID = /^[0-9a-f]{32}$/

const partnerSet = (record: Y.Map<unknown>): Y.Map<true> | null => {
  const value = record.get(NOTE_PARTNERS_FIELD)
  return value instanceof Y.Map ? (value as Y.Map<true>) : null
}

/** The partner ids a note names, sorted (whether or not those partners still exist). */
export const readNotePartnerIds = (doc: Y.Doc, noteId: ArtifactId): PartnerId[] => {
  const record = artifactMap(doc, noteId)
  const set = record ? partnerSet(record) : null
  return set ? ([...set.keys()].filter((id) => HEX_ID.test(id)).sort() as PartnerId[]) : []
}

/**
 * Makes the partners a note names exactly `partnerIds`, adding and removing single entries so
 * that a partner someone else added meanwhile is kept unless this person removed it.
 */
export const setNotePartners = (
  doc: Y.Doc,
  noteId: ArtifactId,
  partnerIds: readonly PartnerId[],
  actor: Actor,
  now: number
): boolean =>
  changeArtifact(doc, noteId, actor, now, (record) => {
    let set = partnerSet(record)
    if (!set) {
      set = new Y.Map<true>()
      record.set(NOTE_PARTNERS_FIELD, set)
    }
    const wanted = new Set(partnerIds)
    for (const id of [...set.keys()]) if (!wanted.has(id as PartnerId)) set.delete(id)
    for (const id of wanted) if (!set.has(id)) set.set(id, true)
  })

export interface MentioningArtifact {
  id: ArtifactId
  kind: ArtifactKind
  title: string
  updatedAt: number
}

/** The artifacts (not in the bin) whose `notePartners` names `partnerId`, newest edit first. */
export const readNotesMentioningPartner = (doc: Y.Doc, partnerId: PartnerId): MentioningArtifact[] => {
  const result: MentioningArtifact[] = []
  artifactsMap(doc).forEach((record, id) => {
    if (!(record instanceof Y.Map) || record.get(ARTIFACT.deletedAt)) return
    const kind = record.get(ARTIFACT.kind)
    if (!(ARTIFACT_KINDS as readonly unknown[]).includes(kind) || kind === 'partner-map') return
    if (!partnerSet(record)?.has(partnerId)) return
    result.push({
      id: id as ArtifactId,
      kind: kind as ArtifactKind,
      title: readString(record.get(ARTIFACT.title)),
      updatedAt: readNumber(record.get(ARTIFACT.updatedAt))
    })
  })
  return result.sort((a, b) => b.updatedAt - a.updatedAt)
}

/**
 * A partner a note can name: its name, and what tells it from another of the same name (its
 * type, region and contacts: ui/features/partner-map/partner-choice-labels.ts).
 */
export interface PartnerChoice extends Pick<Partner, 'id' | 'name' | 'type' | 'region' | 'contacts'> {
  mapId: ArtifactId
}

/** Every partner on every partner map (neither in the bin), by name: what a note can name. */
export const readPartnerChoices = (doc: Y.Doc): PartnerChoice[] => {
  const result: PartnerChoice[] = []
  forEachPartnerOfOpenMaps(doc, (partner, id, mapId) => {
    if (!isLive(partner)) return
    const { name, type, region, contacts } = readPartnerRecord(partner, id)
    result.push({ id, name, type, region, contacts, mapId })
  })
  return result.sort(byName)
}
