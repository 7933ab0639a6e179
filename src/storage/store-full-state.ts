import * as Y from 'yjs'
import * as idb from 'lib0/indexeddb'
import { fetchUpdates, type IndexeddbPersistence } from 'y-indexeddb'
import { cancelPendingTrim, nextUnreadKey } from './adapters/y-indexeddb-internals'
import { replaceRows } from './replace-rows'
import { splitStateForStorage } from './split-state'

/**
 * Replaces a workspace's stored rows with its full state: as chunks that open a slice at a time
 * (split-state.ts, in a worker), or whole, in one row.
 *
 * The split takes a second or more for a big lab. Whatever changes meanwhile, in this doc or in
 * another tab's rows that fetchUpdates applies below, is stored after the chunks as the
 * difference from the state that was split, in the same IndexedDB transaction that deletes the
 * rows the chunks replace: that transaction is all or nothing, so a full disk loses nothing.
 * y-indexeddb's next fetch does not read them again (replace-rows.ts).
 */
export const storeFullState = async (
  doc: Y.Doc,
  provider: IndexeddbPersistence,
  options: { whole: boolean; stillStoring: () => boolean }
): Promise<void> => {
  cancelPendingTrim(provider)
  const state = Y.encodeStateAsUpdate(doc)
  const splitFrom = Y.encodeStateVector(doc)
  let changedSince = false
  const onChange = (): void => {
    changedSince = true
  }
  doc.on('update', onChange)
  try {
    const rows = options.whole ? [state] : await splitStateForStorage(state)
    if (!options.stillStoring()) return
    // Same steps as y-indexeddb's storeState, but awaited: it does not return its write, and
    // we need to know that the old records are gone only after the full state is stored.
    const store = await fetchUpdates(provider)
    doc.off('update', onChange)
    if (changedSince) rows.push(Y.encodeStateAsUpdate(doc, splitFrom))
    await replaceRows(store, provider, rows, idb.createIDBKeyRangeUpperBound(nextUnreadKey(provider), true))
  } finally {
    doc.off('update', onChange)
  }
}
