import * as Y from 'yjs'
import { z } from 'zod'
import { openDatabase, requestToPromise } from './idb-request'

const StoredUpdateSchema = z.instanceof(Uint8Array)

export const SALVAGE_ORIGIN = 'mutual:salvage'

export interface SalvageReport {
  totalRows: number
  unreadableRows: number
}

/**
 * Reads every stored update of a workspace one by one and applies each that can be read, so
 * one damaged record hides only its own changes. It opens the database read-only in spirit:
 * no write is made, so whatever is on disk stays exactly as it was.
 */
export const salvageStoredUpdates = async (dbName: string, doc: Y.Doc): Promise<SalvageReport> => {
  const db = await openDatabase({ name: dbName, version: 1, upgrade: () => {} })
  try {
    if (!db.objectStoreNames.contains('updates')) return { totalRows: 0, unreadableRows: 0 }
    const rows: unknown[] = await requestToPromise(
      db.transaction('updates', 'readonly').objectStore('updates').getAll()
    )
    let unreadableRows = 0
    for (const row of rows) {
      const update = StoredUpdateSchema.safeParse(row)
      if (!update.success) {
        unreadableRows += 1
        continue
      }
      try {
        Y.applyUpdate(doc, update.data, SALVAGE_ORIGIN)
      } catch {
        unreadableRows += 1
      }
    }
    return { totalRows: rows.length, unreadableRows }
  } finally {
    db.close()
  }
}
