import * as Y from 'yjs'
import { areaKey, type ChangeArea } from '../../domain/trust/change-area'
import { clockOf, holdingItemOf, itemAt } from '../adapters/yjs-internals'
import { BOARD } from '../board'
import { isWaitingNotesKey } from '../brainstorm-records'
import { COMMENTS_FIELD } from '../comments'
import { ROOT } from '../keys'
import { candidateCredits, creditsOfNewItem, type AuthorshipCredit } from './authorship-credits'
import { TRUST_ROOT } from './trust-root'

/**
 * Where a received Yjs update lands, as change areas (domain/trust/change-area.ts), worked out
 * against the receiving document before the update is applied. Only what the document does
 * not have yet counts: items it holds, and deletions of items already deleted, change nothing.
 *
 * `missing`: the update builds on items this document does not have yet (a change that went
 * ahead of the one it follows), so where it lands cannot be known; hold it until they arrive.
 */
export type UpdateAreas = { ok: true; areas: ChangeArea[]; credits: AuthorshipCredit[] } | { ok: false; missing: true }

/** Board parts only a facilitator changes (crdt/board.ts's facilitator tools). */
const FACILITATOR_FIELDS = new Set<string>([BOARD.settings, BOARD.facilitators, BOARD.rounds, BOARD.timer])

/**
 * Where an item sits: its root type, the map keys on the way down, and whether it is new.
 * `anchor`: the place starts at an item the receiving document holds but that was not looked up
 * (area-draft.ts, in a worker without the document): `root` is then unknown and `keys` are the
 * keys below that item.
 */
export interface Place {
  root: string
  keys: (string | null)[]
  /** Whether the item holding the artifact (keys[0] of `artifacts`) arrives in this update. */
  newAtTop: boolean
  anchor?: Y.ID
}

/**
 * An area that only the receiving document can tell (area-draft.ts): the pass ran without it,
 * knowing only how far it has each client's changes.
 * - `place`: an item below one the document holds (`anchor`), `keys` further down;
 * - `trust-key`: a new key of the membership log is `area`, unless the log has it already;
 * - `deleted`: deletions of the document's items from `clock` to `end` of `client`.
 */
export type LaterArea =
  | { check: 'place'; client: number; clock: number; keys: (string | null)[]; deleting: boolean; clients?: number[] }
  | { check: 'trust-key'; key: string; area: ChangeArea }
  | { check: 'deleted'; client: number; clock: number; end: number }

/** What the pass needs to know of the receiving document. */
export interface ReceivingSide {
  /** How far it has each client's changes: below this clock it has them all. */
  clockOf(client: number): number
  /** Where an item it holds sits (an `anchor` place when it cannot look); null when it has no item there. */
  placeOfHeld(id: Y.ID): Place | null
  /**
   * A deletion of what it holds from `id` on (up to `end`): where the deleted run ends, and its
   * area (null when already deleted); null when it has no item there.
   */
  deletionOfHeld(id: Y.ID, end: number): { end: number; area: ChangeArea | LaterArea | null } | null
  /** Whether the membership log has this key already; null when it cannot tell here. */
  hasTrustKey(key: string): boolean | null
}

export type DraftAreas = { ok: true; areas: ChangeArea[]; later: LaterArea[]; credits: AuthorshipCredit[] } | { ok: false; missing: true }

type Struct = Y.Item | Y.GC | Y.Skip

/**
 * The update's own structs by client, to find an item it both creates and builds on. Yjs
 * writes each client's structs in clock order, so a lookup is a binary search: a whole
 * workspace's state holds hundreds of thousands of them.
 */
const indexStructs = (structs: Struct[]): ((id: Y.ID) => Y.Item | null) => {
  const byClient = new Map<number, Y.Item[]>()
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    const list = byClient.get(struct.id.client) ?? []
    list.push(struct)
    byClient.set(struct.id.client, list)
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock)
  return (id) => {
    const list = byClient.get(id.client)
    if (!list) return null
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const struct = list[middle] as Y.Item
      if (id.clock < struct.id.clock) high = middle - 1
      else if (id.clock >= struct.id.clock + struct.length) low = middle + 1
      else return struct
    }
    return null
  }
}

const rootKeyOf = (type: Y.AbstractType<unknown>): string => {
  try {
    return Y.findRootTypeKey(type)
  } catch {
    return ''
  }
}

const LIMIT = 256

/** Where an item of a document sits (walks up through the items holding its types). */
export const placeInDoc = (item: Y.Item): Place => {
  const keys: (string | null)[] = [item.parentSub]
  let type = item.parent as Y.AbstractType<unknown>
  for (let depth = 0; depth < LIMIT; depth++) {
    const holder = holdingItemOf(type)
    if (!holder) break
    keys.unshift(holder.parentSub)
    type = holder.parent as Y.AbstractType<unknown>
  }
  return { root: rootKeyOf(type), keys, newAtTop: false }
}

export const areaOf = (place: Place, deleting: boolean): ChangeArea => {
  const [first, second, third] = place.keys
  switch (place.root) {
    case TRUST_ROOT:
      return deleting || place.keys.length > 1 ? { kind: 'trust-rewrite' } : { kind: 'trust' }
    case ROOT.members:
      return typeof first === 'string' ? { kind: 'member', memberId: first } : { kind: 'content' }
    case ROOT.users:
      return typeof first === 'string' ? { kind: 'authorship', memberId: first } : { kind: 'content' }
    case ROOT.artifacts:
      if (second === COMMENTS_FIELD) return { kind: 'comments' }
      // A board made in this very change is its maker's content, settings and all.
      if (typeof first === 'string' && typeof second === 'string' && FACILITATOR_FIELDS.has(second) && !place.newAtTop) {
        // Each participant's device records in the settings how many brainstorm notes it holds
        // back, and clears that at the reveal (crdt/board-brainstorm.ts): work, not facilitation.
        if (second === BOARD.settings && typeof third === 'string' && isWaitingNotesKey(third)) return { kind: 'content' }
        return { kind: 'board', boardId: first }
      }
      return { kind: 'content' }
    default:
      return { kind: 'content' }
  }
}

/** The area of an item the update adds at a located place: setting a key of the log that is already there is an overwrite, however it is written. */
export const areaOfNew = (place: Place, hasTrustKey: (key: string) => boolean | null): ChangeArea | LaterArea => {
  const key = place.keys[0]
  if (place.root !== TRUST_ROOT || typeof key !== 'string') return areaOf(place, false)
  const has = hasTrustKey(key)
  if (has === null) return { check: 'trust-key', key, area: areaOf(place, false) }
  return has ? { kind: 'trust-rewrite' } : areaOf(place, false)
}

/**
 * The pass over a decoded update, against whatever the receiving side can tell: the document
 * itself (updateAreas, nothing left for later), or only its state vector (area-draft.ts).
 */
export const draftUpdateAreas = (decoded: { structs: Struct[]; ds: Y.Transaction['deleteSet'] }, side: ReceivingSide): DraftAreas => {
  const { structs, ds } = decoded
  const inUpdate = indexStructs(structs)

  /** Places of this update's items, once worked out (null: built on an item nobody here has). */
  const known = new Map<Y.Item, Place | null>()

  /**
   * Where an item of this update will sit; null when it builds on an item nobody here has.
   * Yjs writes a parent only for the first item of a run: each later one names its neighbour
   * (origin), so in a whole workspace's state a long text is a chain of thousands of items back
   * to the one that names its parent. The chain is walked in a loop, not by recursion, and each
   * item's place kept, so a state of any length is read in one pass over its items.
   */
  const placeOfNew = (item: Y.Item): Place | null => {
    const chain: Y.Item[] = []
    const onChain = new Set<Y.Item>()
    let current: Y.Item | null = item
    // Where the last item of `chain` leads: the place the walk back starts from.
    let place: Place | null = null
    while (current) {
      if (known.has(current)) {
        place = known.get(current) ?? null
        break
      }
      // Items naming each other in a loop: only a crafted update does that.
      if (onChain.has(current)) break
      const parent = current.parent as unknown
      if (typeof parent === 'string') {
        place = { root: parent, keys: [current.parentSub], newAtTop: true }
        known.set(current, place)
        break
      }
      chain.push(current)
      onChain.add(current)
      // A parent named by id is the item holding the type; otherwise it sits beside its neighbour.
      const next = parent instanceof Y.ID ? parent : (current.origin ?? current.rightOrigin)
      if (!next) break
      const held = side.placeOfHeld(next)
      if (held) {
        place = held
        break
      }
      current = inUpdate(next)
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const link = chain[i] as Y.Item
      if (place && link.parent instanceof Y.ID) place = { ...place, keys: [...place.keys, link.parentSub] }
      known.set(link, place)
    }
    return known.get(item) ?? null
  }

  const areas = new Map<string, ChangeArea>()
  const later = new Map<string, LaterArea>()
  const credits: AuthorshipCredit[] = []
  // Called once per struct of the update (hundreds of thousands in a whole lab's state): an
  // area's key is a short string of its kind and id, never a serialisation of the object. The
  // few areas left for later (below items the document holds) are rare enough to serialise.
  const add = (area: ChangeArea | LaterArea): void => {
    if ('check' in area) later.set(JSON.stringify(area), area)
    else areas.set(areaKey(area), area)
  }
  const laterPlace = (place: Place, deleting: boolean, clients?: number[]): LaterArea | null =>
    place.anchor ? { check: 'place', client: place.anchor.client, clock: place.anchor.clock, keys: place.keys, deleting, ...(clients ? { clients } : {}) } : null

  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue
    // Already held: receiving it again changes nothing.
    if (struct.id.clock + struct.length <= side.clockOf(struct.id.client)) continue
    if (!(struct instanceof Y.Item)) {
      add({ kind: 'content' })
      continue
    }
    const place = placeOfNew(struct)
    if (!place) return { ok: false, missing: true }
    const below = laterPlace(place, false, candidateCredits(struct))
    add(below ?? areaOfNew(place, (key) => side.hasTrustKey(key)))
    // Credits below an item the document holds are settled with its answer (area-draft.ts).
    if (!below && place.root === ROOT.users) credits.push(...creditsOfNewItem(struct, place.keys))
  }

  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      let clock = range.clock
      const end = range.clock + range.len
      while (clock < end) {
        const id = Y.createID(client, clock)
        const held = side.deletionOfHeld(id, end)
        if (held) {
          if (held.area) add(held.area)
          clock = held.end
          continue
        }
        const incoming = inUpdate(id)
        if (!incoming) return { ok: false, missing: true }
        const place = placeOfNew(incoming)
        if (!place) return { ok: false, missing: true }
        add(laterPlace(place, true) ?? areaOf(place, true))
        clock = incoming.id.clock + incoming.length
      }
    }
  }
  return { ok: true, areas: [...areas.values()], later: [...later.values()], credits }
}

/** The receiving document itself, looked at directly: nothing is left for later. */
export const documentSide = (doc: Y.Doc): ReceivingSide => ({
  clockOf: (client) => clockOf(doc, client),
  placeOfHeld: (id) => {
    const held = itemAt(doc, id)
    return held ? placeInDoc(held) : null
  },
  deletionOfHeld: (id) => {
    const held = itemAt(doc, id)
    if (!held) return null
    return { end: held.id.clock + held.length, area: held.deleted ? null : areaOf(placeInDoc(held), true) }
  },
  hasTrustKey: (key) => doc.getMap(TRUST_ROOT).has(key)
})

export const updateAreas = (doc: Y.Doc, update: Uint8Array): UpdateAreas => {
  const drafted = draftUpdateAreas(Y.decodeUpdate(update), documentSide(doc))
  return drafted.ok ? { ok: true, areas: drafted.areas, credits: drafted.credits } : drafted
}
