import * as idb from 'lib0/indexeddb'
import type { IndexeddbPersistence } from 'y-indexeddb'
import { readFromKey, setStoredRecords } from './adapters/y-indexeddb-internals'

/**
 * Inside the IndexedDB transaction of `store` (opened by y-indexeddb's fetchUpdates): adds
 * `rows` at the end, in order, deletes the `replaced` rows, and tells y-indexeddb how many rows
 * it now has. All of it in one transaction, so it happens whole or not at all.
 *
 * The rows added are written from the doc and hold nothing it lacks: y-indexeddb's reading
 * position moves past them, so its next fetch does not apply them again (for a whole state,
 * a main-thread task as long as an open).
 */
export const replaceRows = async (
  store: IDBObjectStore,
  provider: IndexeddbPersistence,
  rows: readonly Uint8Array[],
  replaced: IDBKeyRange
): Promise<void> => {
  let lastKey = -1
  // lib0 types keys/values as primitives; y-indexeddb stores Uint8Array rows the same way.
  for (const row of rows) lastKey = Number(await idb.addAutoKey(store, row as unknown as ArrayBuffer))
  await idb.del(store, replaced)
  setStoredRecords(provider, await idb.count(store))
  if (Number.isSafeInteger(lastKey) && lastKey >= 0) readFromKey(provider, lastKey + 1)
}
