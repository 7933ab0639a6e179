import * as Y from 'yjs'
import { ROOT } from '../keys'

/**
 * One Yjs client id credited to one member by an update: written into that member's record of
 * the authorship map (crdt/authorship.ts, Y.PermanentUserData), as the client that wrote the
 * record's item or as a client id listed in the record's `ids`.
 */
export interface AuthorshipCredit {
  memberId: string
  client: number
}

/** Client ids a member's record may list at most, as read here: a crafted record costs no more. */
const MAX_IDS_READ = 100_000
/** What candidateCredits gives at most: the item's client and the ids it lists. */
export const MAX_CANDIDATE_CLIENTS = MAX_IDS_READ + 1

/**
 * What a new item landing in the authorship map credits, given the map keys on its way down
 * (update-areas.ts's place): the member whose record it lands in gets the item's own client
 * (only that member's devices write their record), and, for an item of the record's `ids`,
 * each client id it lists.
 */
export const creditsOfNewItem = (item: Y.Item, keys: readonly (string | null)[]): AuthorshipCredit[] => creditsAt(keys, candidateCredits(item))

/**
 * The client ids a new item could credit, before it is known where it lands (area-draft.ts: the
 * checking worker cannot see the document that holds its parent): the item's own client, then
 * the client ids it lists.
 */
export const candidateCredits = (item: Y.Item): number[] => {
  const clients = [item.id.client]
  if (item.content instanceof Y.ContentAny) for (const value of item.content.arr.slice(0, MAX_IDS_READ)) if (typeof value === 'number') clients.push(value)
  return clients
}

/** What `candidateCredits` credit once the item's keys in the authorship map are known. */
export const creditsAt = (keys: readonly (string | null)[], clients: readonly number[]): AuthorshipCredit[] => {
  const [memberId, field] = keys
  const [own, ...listed] = clients
  if (typeof memberId !== 'string' || own === undefined) return []
  const credits: AuthorshipCredit[] = [{ memberId, client: own }]
  if (field === 'ids' && keys.length === 3) for (const client of listed) credits.push({ memberId, client })
  return credits
}

/**
 * Whether an update's credits give a client id to a member when the document, or the update
 * itself, already gives it to another. A client id is one session of one device, and a device
 * is one member's: a client id under two members is someone crediting their work to another
 * (or claiming another's), whoever signed the update and whatever their role. Checked against
 * what the document holds and what the update brings, so it does not depend on arrival order
 * or on what this device remembers.
 */
export const creditsClash = (doc: Y.Doc, credits: readonly AuthorshipCredit[]): boolean => {
  if (credits.length === 0) return false
  const ownerOf = new Map<number, string>()
  const users = doc.getMap<unknown>(ROOT.users)
  for (const [memberId, record] of users.entries()) {
    const ids = record instanceof Y.Map ? record.get('ids') : undefined
    if (!(ids instanceof Y.Array)) continue
    for (const client of ids.toArray().slice(0, MAX_IDS_READ)) if (typeof client === 'number' && !ownerOf.has(client)) ownerOf.set(client, memberId)
  }
  const claimed = new Map<number, string>()
  for (const { memberId, client } of credits) {
    const held = ownerOf.get(client)
    if (held !== undefined && held !== memberId) return true
    const other = claimed.get(client)
    if (other !== undefined && other !== memberId) return true
    claimed.set(client, memberId)
  }
  return false
}
