import type { WorkspaceId } from '../domain/ids'
import { deleteDatabase, openDatabase, requestToPromise, transactionDone } from './idb-request'

/**
 * Where this device keeps a workspace's search index between visits: a database of its own
 * beside the workspace's, holding one record. It is only ever a copy of what the workspace
 * holds: losing it costs one rebuild. Opened by the search worker.
 */
export const searchIndexDbName = (id: WorkspaceId): string => `mutual-search-${id}`
const VERSION = 1
const STORE = 'index'
const KEY = 'current'

export interface SearchIndexStore {
  /** The kept record as stored, unchecked; undefined when there is none. */
  read(): Promise<unknown>
  write(record: unknown): Promise<void>
  close(): void
}

export const openSearchIndexStore = async (id: WorkspaceId): Promise<SearchIndexStore> => {
  const db = await openDatabase({
    name: searchIndexDbName(id),
    version: VERSION,
    upgrade: (d) => {
      if (!d.objectStoreNames.contains(STORE)) d.createObjectStore(STORE)
    }
  })
  return {
    read: () => requestToPromise(db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY)),
    write: async (record) => {
      const tx = db.transaction(STORE, 'readwrite')
      tx.objectStore(STORE).put(record, KEY)
      await transactionDone(tx)
    },
    close: () => db.close()
  }
}

export const deleteSearchIndex = (id: WorkspaceId, onBlocked?: () => void): Promise<void> =>
  deleteDatabase(searchIndexDbName(id), onBlocked)
