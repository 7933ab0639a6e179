/**
 * Resolves once every write to `store` begun before this call has finished: IndexedDB starts a
 * read-only transaction only after the read-write transactions created before it, with an
 * overlapping scope, have finished. True when the reading transaction completed; false when it
 * could not run (the database is closing or gone). Whether the writes themselves succeeded is
 * for the caller to know (a failed write fires `error` on the database: workspace-persistence.ts).
 */
export const writesSettled = (db: IDBDatabase, store: string): Promise<boolean> =>
  new Promise((resolve) => {
    try {
      const transaction = db.transaction([store], 'readonly')
      transaction.oncomplete = () => resolve(true)
      transaction.onabort = () => resolve(false)
      transaction.onerror = () => resolve(false)
    } catch {
      resolve(false)
    }
  })
