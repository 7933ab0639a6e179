import * as Y from 'yjs'
import * as idb from 'lib0/indexeddb'
import { fetchUpdates, type IndexeddbPersistence } from 'y-indexeddb'
import { nextUnreadKey } from './adapters/y-indexeddb-internals'
import { replaceRows } from './replace-rows'

/**
 * Folds the rows stored since the state was last stored in full (y-indexeddb writes one per
 * change) into one row, leaving every row before them as it is.
 *
 * y-indexeddb's own fold, every 500 changes, writes the whole state again: for a two-year lab,
 * encoding 9 MB on the page while the person types, then one row that the next open applies
 * in one long task. Merging the recent rows is a few ms and keeps the state's chunks
 * (store-full-state.ts) as they are. The merged row takes the place of the rows it replaces, at
 * the end, in one IndexedDB transaction: all or nothing, so a full disk loses nothing.
 *
 * Says 'too-big', folding nothing, when the recent rows come to more than `maxBytes` (a big
 * change, or another tab's chunks stored since this tab read on): one row of that much would
 * be applied in one long task, and the state is better stored again as chunks.
 */
export const foldRecentRows = async (provider: IndexeddbPersistence, maxBytes: number): Promise<'folded' | 'too-big'> => {
  const from = nextUnreadKey(provider)
  // Applies what another tab stored meanwhile, and reads on to the last row.
  const store = await fetchUpdates(provider)
  const to = nextUnreadKey(provider)
  if (to <= from) return 'folded'
  const recent = idb.createIDBKeyRangeBound(from, to, false, true)
  const rows = (await idb.getAll(store, recent)) as unknown as Uint8Array[]
  if (rows.reduce((sum, row) => sum + row.byteLength, 0) > maxBytes) return 'too-big'
  if (rows.length < 2) return 'folded'
  await replaceRows(store, provider, [Y.mergeUpdates(rows)], recent)
  return 'folded'
}
