import * as Y from 'yjs'
import { openDatabase, requestToPromise, transactionDone } from './idb-request'
import { applyStoredRow } from './salvage'
import { UPDATES_STORE } from './workspace-db-name'

/** Where damaged records go: same database, out of y-indexeddb's way, kept under their own keys. */
export const DAMAGED_RECORDS_STORE = 'damaged-records'

/**
 * Moves the stored records that cannot be read out of a workspace's updates and into a store
 * of their own, so the workspace loads again. Nothing is deleted: each record is kept whole,
 * and the move is one transaction, so a failure part-way leaves the database as it was.
 * Resolves with how many records were moved (0 when none was damaged: nothing is written).
 */
export const setAsideDamagedRecords = async (dbName: string): Promise<number> => {
  let db = await openDatabase({ name: dbName, upgrade: () => {} })
  try {
    if (!db.objectStoreNames.contains(UPDATES_STORE)) return 0
    const damagedKeys = await findDamagedKeys(db)
    if (damagedKeys.length === 0) return 0
    if (!db.objectStoreNames.contains(DAMAGED_RECORDS_STORE)) {
      const version = db.version
      db.close()
      db = await openDatabase({
        name: dbName,
        version: version + 1,
        upgrade: (upgrading) => {
          if (!upgrading.objectStoreNames.contains(DAMAGED_RECORDS_STORE)) {
            upgrading.createObjectStore(DAMAGED_RECORDS_STORE)
          }
        }
      })
    }
    const tx = db.transaction([UPDATES_STORE, DAMAGED_RECORDS_STORE], 'readwrite')
    const updates = tx.objectStore(UPDATES_STORE)
    const damaged = tx.objectStore(DAMAGED_RECORDS_STORE)
    for (const key of damagedKeys) {
      // Read again inside this transaction: copy first, then remove, all or nothing.
      const request = updates.get(key)
      request.onsuccess = () => {
        damaged.put(request.result, key)
        updates.delete(key)
      }
    }
    await transactionDone(tx)
    return damagedKeys.length
  } finally {
    db.close()
  }
}

/** Replays every record in order into a scratch doc, as a load would, noting those that fail. */
const findDamagedKeys = async (db: IDBDatabase): Promise<IDBValidKey[]> => {
  const tx = db.transaction(UPDATES_STORE, 'readonly')
  const store = tx.objectStore(UPDATES_STORE)
  const [keys, rows] = await Promise.all([
    requestToPromise(store.getAllKeys()),
    requestToPromise(store.getAll() as IDBRequest<unknown[]>),
    // Finished before the connection is closed for the upgrade, so it cannot hold that up.
    transactionDone(tx)
  ])
  const scratch = new Y.Doc({ gc: false })
  try {
    return keys.filter((_key, index) => !applyStoredRow(scratch, rows[index]))
  } finally {
    scratch.destroy()
  }
}
