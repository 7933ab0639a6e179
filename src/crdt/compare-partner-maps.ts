import type * as Y from 'yjs'
import type { ArtifactId } from '../domain/ids'
import type { Partner } from '../domain/partner'
import { isBinned, partnerMapParts } from './partner-map'
import { byName, readPartnerMap } from './partner-read'
import { docAtVersion } from './versions'

/**
 * One partner in a comparison: as it is now (or as it was, if it has gone), and what changed.
 * 'binned' is a partner that has gone to the bin since (it can be restored from there);
 * 'removed' one deleted for good.
 */
export interface PartnerChange {
  id: string
  name: string
  type: Partner['type']
  change: 'added' | 'removed' | 'binned' | 'changed' | null
}

export interface PartnerMapComparison {
  partners: PartnerChange[]
  relationshipsThen: number
  relationshipsNow: number
}

/** What a person would call a change to a partner: not the bookkeeping of who saved last. */
const content = ({ updatedAt: _at, updatedBy: _by, ...rest }: Partner): string => JSON.stringify(rest)

/**
 * The partners of a map at a version, and (with `compare`) how today's map differs: partners
 * added since, removed since, or with changed details, contacts or resources. Null when the
 * version cannot be read or the map did not exist in it. A partner in the bin (then or now) is
 * not on the map: one binned since the version is marked 'binned'.
 */
export const comparePartnerMap = (
  doc: Y.Doc,
  mapId: ArtifactId,
  versionId: string,
  compare: boolean
): PartnerMapComparison | null => {
  const old = docAtVersion(doc, versionId)
  if (!old) return null
  try {
    const then = readPartnerMap(old, mapId)
    if (!then) return null
    const now = compare ? readPartnerMap(doc, mapId) : null
    if (!now) {
      return {
        partners: then.partners.map((p) => ({ id: p.id, name: p.name, type: p.type, change: null })),
        relationshipsThen: then.relationships.length,
        relationshipsNow: then.relationships.length
      }
    }
    const before = new Map(then.partners.map((p) => [p.id, p]))
    const after = new Map(now.partners.map((p) => [p.id, p]))
    const partners: PartnerChange[] = now.partners.map((p) => {
      const was = before.get(p.id)
      return { id: p.id, name: p.name, type: p.type, change: !was ? 'added' : content(was) !== content(p) ? 'changed' : null }
    })
    const nowParts = partnerMapParts(doc, mapId)
    const inBin = (id: string): boolean => {
      const partner = nowParts?.partners.get(id)
      return partner !== undefined && isBinned(partner)
    }
    for (const p of then.partners) {
      if (!after.has(p.id)) partners.push({ id: p.id, name: p.name, type: p.type, change: inBin(p.id) ? 'binned' : 'removed' })
    }
    return { partners: partners.sort(byName), relationshipsThen: then.relationships.length, relationshipsNow: now.relationships.length }
  } finally {
    old.destroy()
  }
}
