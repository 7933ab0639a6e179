import * as Y from 'yjs'
import { areaKey, type ChangeArea } from '../../domain/trust/change-area'
import { itemAt } from '../adapters/yjs-internals'
import { ROOT } from '../keys'
import { creditsAt, type AuthorshipCredit } from './authorship-credits'
import { TRUST_ROOT } from './trust-root'
import { areaOf, areaOfNew, draftUpdateAreas, placeInDoc, updateAreas, type DraftAreas, type LaterArea, type ReceivingSide, type UpdateAreas } from './update-areas'
import { sameBytes } from '../../domain/same-bytes'

/**
 * Where a large update lands, worked out in two halves (docs/trust.md, "Signed changes"): the
 * long pass over every struct runs where the document is not (the checking worker,
 * sync/apply-update.worker.ts), knowing only the document's state vector; the few answers only
 * the document has (where an item it holds sits, whether a log key is taken, whether an item is
 * deleted already) are looked up on the page afterwards (settleAreas). Together they give
 * exactly what updateAreas gives: a document that changed in between is read whole again.
 */
export interface AreaDraft {
  /** The state vector the draft was made against (Y.encodeStateVector of the document). */
  stateVector: Uint8Array
  areas: DraftAreas
}

/** The receiving side as a state vector says it: anything below it is held, and not looked at. */
const stateVectorSide = (stateVector: Map<number, number>): ReceivingSide => {
  const clockOf = (client: number): number => stateVector.get(client) ?? 0
  return {
    clockOf,
    placeOfHeld: (id) => (id.clock < clockOf(id.client) ? { root: '', keys: [], newAtTop: false, anchor: id } : null),
    deletionOfHeld: (id, end) => {
      const held = clockOf(id.client)
      if (id.clock >= held) return null
      const until = Math.min(end, held)
      return { end: until, area: { check: 'deleted', client: id.client, clock: id.clock, end: until } }
    },
    hasTrustKey: () => null
  }
}

/** The worker's half: the pass over a decoded update against a state vector. Throws on a state vector that does not decode. */
export const draftAreas = (decoded: Parameters<typeof draftUpdateAreas>[0], stateVector: Uint8Array): AreaDraft => ({
  stateVector,
  areas: draftUpdateAreas(decoded, stateVectorSide(Y.decodeStateVector(stateVector)))
})


/** One answer from the document; null when it does not hold what the draft took it to hold. */
const settleOne = (doc: Y.Doc, later: LaterArea, add: (area: ChangeArea) => void, credit: (credits: AuthorshipCredit[]) => void): boolean => {
  const hasTrustKey = (key: string): boolean => doc.getMap(TRUST_ROOT).has(key)
  switch (later.check) {
    case 'trust-key':
      add(hasTrustKey(later.key) ? { kind: 'trust-rewrite' } : later.area)
      return true
    case 'place': {
      const held = itemAt(doc, Y.createID(later.client, later.clock))
      if (!held) return false
      const above = placeInDoc(held)
      const place = { ...above, keys: [...above.keys, ...later.keys] }
      const area = later.deleting ? areaOf(place, true) : areaOfNew(place, hasTrustKey)
      if ('check' in area) return false
      add(area)
      // A new item in a member's authorship record credits its client ids (authorship-credits.ts).
      if (!later.deleting && later.clients && place.root === ROOT.users) credit(creditsAt(place.keys, later.clients))
      return true
    }
    case 'deleted': {
      let clock = later.clock
      while (clock < later.end) {
        const held = itemAt(doc, Y.createID(later.client, clock))
        if (!held) return false
        if (!held.deleted) add(areaOf(placeInDoc(held), true))
        clock = held.id.clock + held.length
      }
      return true
    }
  }
}

/**
 * The page's half: the draft's areas with the document's answers, the same as
 * updateAreas(doc, update) gives. When the document moved on since the draft (its state
 * vector differs), or holds something other than the draft assumed (a struct Yjs keeps as
 * garbage collected), the update is read whole here instead.
 */
export const settleAreas = (doc: Y.Doc, draft: AreaDraft, update: Uint8Array): UpdateAreas => {
  if (!sameBytes(draft.stateVector, Y.encodeStateVector(doc))) return updateAreas(doc, update)
  if (!draft.areas.ok) return draft.areas
  const areas = new Map<string, ChangeArea>(draft.areas.areas.map((area) => [areaKey(area), area]))
  const add = (area: ChangeArea): void => {
    areas.set(areaKey(area), area)
  }
  const credits = [...draft.areas.credits]
  const credit = (more: AuthorshipCredit[]): void => void credits.push(...more)
  for (const later of draft.areas.later) if (!settleOne(doc, later, add, credit)) return updateAreas(doc, update)
  return { ok: true, areas: [...areas.values()], credits }
}
