import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { firstItemOf, keyedItemsOf } from './adapters/yjs-internals'
import { ROOT } from './keys'
import { MEMBERSHIP } from './origins'
import { artifactsMap } from './workspace-doc'
import type { ArtifactId } from '../domain/ids'

/**
 * Which member wrote (and deleted) what. Y.PermanentUserData records, in the doc, the Yjs
 * client ids each member has used, so history and compare views can colour changes by person
 * long after the session that made them has gone.
 */
export const attachAuthorship = (doc: Y.Doc, memberId: string): Y.PermanentUserData => {
  const authorship = new Y.PermanentUserData(doc, doc.getMap(ROOT.users))
  authorship.setUserMapping(doc, doc.clientID, memberId)
  return authorship
}

/**
 * A delete set in the encoding Y.PermanentUserData keeps in each member's `ds` list (Yjs's
 * delete-set format v1: clients, then per client its id and its ranges of clock and length,
 * all as variable-length integers, clients in descending order). Yjs does not export its own
 * writer.
 */
export const encodeDeleteSet = (ds: Y.Transaction['deleteSet']): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, ds.clients.size)
  for (const [client, ranges] of [...ds.clients.entries()].sort((a, b) => b[0] - a[0])) {
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, ranges.length)
    for (const range of ranges) {
      encoding.writeVarUint(encoder, range.clock)
      encoding.writeVarUint(encoder, range.len)
    }
  }
  return encoding.toUint8Array(encoder)
}

/**
 * attachAuthorship, once `later` runs it (the app: when the browser is idle). Building
 * Y.PermanentUserData decodes and merges every deletion each member ever made, tens of ms in
 * a lab of a few months, which held up the first input after opening a workspace. Deletions
 * made on this device before then are kept and written to this member's record when it is
 * built, so none goes unattributed. Returns a function that stops it.
 */
export const attachAuthorshipLater = (
  doc: Y.Doc,
  memberId: string,
  later: (attach: () => void) => () => void
): (() => void) => {
  const early: Uint8Array[] = []
  const keep = (transaction: Y.Transaction): void => {
    if (transaction.local && transaction.deleteSet.clients.size > 0) early.push(encodeDeleteSet(transaction.deleteSet))
  }
  doc.on('afterTransaction', keep)
  const cancel = later(() => {
    doc.off('afterTransaction', keep)
    attachAuthorship(doc, memberId)
    const record = doc.getMap<Y.Map<unknown>>(ROOT.users).get(memberId)
    const deletions = record?.get('ds')
    if (early.length > 0 && deletions instanceof Y.Array) doc.transact(() => deletions.push(early.splice(0)), MEMBERSHIP)
  })
  return () => {
    doc.off('afterTransaction', keep)
    cancel()
  }
}

/** Reads the mapping without adding this device to it (for read-only views). */
export const readAuthorship = (doc: Y.Doc): Y.PermanentUserData => new Y.PermanentUserData(doc, doc.getMap(ROOT.users))

const visitItems = (type: Y.AbstractType<any>, visit: (item: Y.Item) => void): void => {
  const walk = (item: Y.Item | null): void => {
    for (let current = item; current; current = current.right) {
      visit(current)
      const content = current.content
      if (content instanceof Y.ContentType) visitItems(content.type, visit)
    }
  }
  walk(firstItemOf(type))
  keyedItemsOf(type).forEach((item) => {
    for (let current: Y.Item | null = item; current; current = current.left) {
      visit(current)
      if (current.content instanceof Y.ContentType) visitItems(current.content.type, visit)
    }
  })
}

const inRange = (id: Y.ID, from: Y.Snapshot | null, to: Y.Snapshot): boolean => {
  const before = from?.sv.get(id.client) ?? 0
  const upTo = to.sv.get(id.client) ?? 0
  return id.clock >= before && id.clock < upTo
}

/**
 * Member ids of everyone who inserted or deleted something in one artifact between two
 * versions (`from` null means "since the beginning"). Clients no member claimed are left out.
 */
export const contributorsBetween = (
  doc: Y.Doc,
  artifactId: ArtifactId,
  from: Y.Snapshot | null,
  to: Y.Snapshot,
  authorship: Y.PermanentUserData = readAuthorship(doc)
): string[] => {
  const record = artifactsMap(doc).get(artifactId)
  if (!(record instanceof Y.Map)) return []
  const people = new Set<string>()
  const claim = (member: string | null | undefined): void => {
    if (member) people.add(member)
  }
  visitItems(record, (item) => {
    if (inRange(item.id, from, to)) claim(authorship.getUserByClientId(item.id.client))
    // A deletion counts when it is in `to` but not in `from`.
    if (item.deleted && Y.isDeleted(to.ds, item.id) && !(from && Y.isDeleted(from.ds, item.id))) {
      claim(authorship.getUserByDeletedId(item.id))
    }
  })
  return [...people].sort()
}
