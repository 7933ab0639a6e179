import * as Y from 'yjs'
import { z } from 'zod'
import { openDatabase, requestToPromise } from './idb-request'
import { UPDATES_STORE } from './workspace-db-name'

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
  // No version: a repaired database has been upgraded past y-indexeddb's first version.
  const db = await openDatabase({ name: dbName, upgrade: () => {} })
  try {
    if (!db.objectStoreNames.contains(UPDATES_STORE)) return { totalRows: 0, unreadableRows: 0 }
    const rows: unknown[] = await requestToPromise(
      db.transaction(UPDATES_STORE, 'readonly').objectStore(UPDATES_STORE).getAll()
    )
    const unreadableRows = rows.filter((row) => !applyStoredRow(doc, row)).length
    return { totalRows: rows.length, unreadableRows }
  } finally {
    db.close()
  }
}

/** Applies one stored record if it can be read; false when it is damaged. */
export const applyStoredRow = (doc: Y.Doc, row: unknown): boolean => {
  const update = StoredUpdateSchema.safeParse(row)
  if (!update.success) return false
  try {
    Y.applyUpdate(doc, update.data, SALVAGE_ORIGIN)
    return true
  } catch {
    return false
  }
}
