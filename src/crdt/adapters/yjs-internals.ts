import * as Y from 'yjs'

/**
 * The one place Mutual reads Yjs's internal linked structure (ARCHITECTURE.md, rule 5). History
 * comparison, authorship and comment anchors need every item of a type, deleted ones included,
 * which Yjs's public API does not walk. yjs is pinned to an exact version in package.json, and
 * tests/unit/crdt/yjs-internals.test.ts fails if a field relied on here changes.
 */
type TypeInternals = Y.AbstractType<unknown> & {
  _start: Y.Item | null
  _item: Y.Item | null
  _map: Map<string, Y.Item>
}

const internals = (type: Y.AbstractType<any>): TypeInternals => type as unknown as TypeInternals

/** The first item of a type's sequence (deleted items included); follow `item.right`. */
export const firstItemOf = (type: Y.AbstractType<any>): Y.Item | null => internals(type)._start

/** The item that holds this type in its parent; null for a root type. */
export const holdingItemOf = (type: Y.AbstractType<any>): Y.Item | null => internals(type)._item

/** The latest item of each key of a map-like type (deleted ones included); follow `item.left`. */
export const keyedItemsOf = (type: Y.AbstractType<any>): ReadonlyMap<string, Y.Item> => internals(type)._map

/**
 * What was last written under a key of a map, even when it has since been removed: a workspace
 * never discards deleted content (`gc: false`), so the removed value is still in its item. A
 * version stored relative to a removed version reads its base this way (crdt/version-chain.ts).
 */
export const lastWrittenValueOf = (type: Y.AbstractType<any>, key: string): unknown => {
  const item = keyedItemsOf(type).get(key)
  if (!item) return undefined
  const content = item.content.getContent()
  return content[content.length - 1]
}

/**
 * The item a document holds under an id (any clock inside it), or null when the document does
 * not have it yet. Yjs exports `getItem` and the document's `store`, but they are its struct
 * store's insides: trust/update-areas.ts needs them to see where a received change lands.
 */
export const itemAt = (doc: Y.Doc, id: Y.ID): Y.Item | null => {
  if (id.clock >= Y.getState(doc.store, id.client)) return null
  const struct = Y.getItem(doc.store, id) as Y.Item | Y.GC
  return struct instanceof Y.Item ? struct : null
}

/** How far a document has each client's changes: below this clock it has them all. */
export const clockOf = (doc: Y.Doc, client: number): number => Y.getState(doc.store, client)

/** Yjs's DeleteSet class, which it does not export by name. */
type DeleteSet = Y.Transaction['deleteSet']
type DeleteItems = DeleteSet['clients'] extends Map<number, infer L> ? L : never

/**
 * A Yjs delete set built from plain ranges (sorted, merged). Yjs exports `createDeleteSet` but
 * not its `DeleteItem` class; its readers and encoders use only `clock` and `len` of each.
 */
export const deleteSetFromRanges = (ranges: ReadonlyMap<number, readonly { clock: number; len: number }[]>): DeleteSet => {
  const ds = Y.createDeleteSet()
  ranges.forEach((list, client) => ds.clients.set(client, list.map((r) => ({ clock: r.clock, len: r.len })) as unknown as DeleteItems))
  return ds
}
