import type { WorkspaceId } from '../domain/ids'
import { indexedDbAvailable, openDatabase, requestToPromise } from './idb-request'
import { UPDATES_STORE, workspaceDbName } from './workspace-db-name'

/**
 * Reading a workspace's stored updates while the app's own code is still loading.
 *
 * Opening a workspace used to wait for every module to load and run before it even opened
 * the workspace's database; then it read a few MB from it. This module is tiny, and the build
 * inlines it into index.html (scripts/inline-early-read.ts), so it starts while the page is
 * still being parsed. When the address names a workspace its rows are in memory by the time
 * the app asks for them (workspace-persistence.ts takes them, once). The inlined copy and the
 * app's bundle are separate scripts: they meet in one global slot.
 * Nothing here writes, and it never creates a database: a workspace not on this device is
 * left to y-indexeddb as before.
 */
export interface EarlyRows {
  rows: Uint8Array[]
  /** The key of the last row read: y-indexeddb reads on from the next one. */
  lastKey: number
}

/** Rows nobody takes (the address named a workspace that is not on this device) are let go. */
const FORGET_AFTER_MS = 30_000

interface PendingRead {
  dbName: string
  read: Promise<EarlyRows | null>
}
const slot = globalThis as { mutualEarlyRead?: PendingRead | null }

/** The workspace id in an address like `#/w/<id>` or `#/w/<id>/a/<artifact>` (see ui/router.ts). */
export const workspaceInHash = (hash: string): string | null => /^#\/w\/([0-9a-f]{32})(?:\/|$)/.exec(hash)?.[1] ?? null

/** Every stored row of a workspace, in key order; null when it has none (or no database). */
export const readStoredRows = async (dbName: string): Promise<EarlyRows | null> => {
  // Never stand in the way of a repair or deletion in another tab: openDatabase closes on one.
  const db = await openDatabase({ name: dbName, existingOnly: true, upgrade: () => {} })
  try {
    const transaction = db.transaction(UPDATES_STORE, 'readonly')
    const store = transaction.objectStore(UPDATES_STORE)
    const [rows, keys] = await Promise.all([requestToPromise(store.getAll()), requestToPromise(store.getAllKeys())])
    const lastKey = keys.at(-1)
    return typeof lastKey === 'number' ? { rows: rows as Uint8Array[], lastKey } : null
  } finally {
    db.close()
  }
}

/**
 * Starts reading the rows of the workspace `hash` names, if it names one. The promise says
 * when the read has finished (it never fails: a failure is left for the normal load to meet
 * and report).
 */
export const startEarlyRead = (hash: string): Promise<void> => {
  const id = workspaceInHash(hash)
  if (!id || !indexedDbAvailable()) return Promise.resolve()
  const dbName = workspaceDbName(id as WorkspaceId)
  const read = readStoredRows(dbName).catch(() => null)
  slot.mutualEarlyRead = { dbName, read }
  setTimeout(() => {
    if (slot.mutualEarlyRead?.read === read) slot.mutualEarlyRead = null
  }, FORGET_AFTER_MS)
  return read.then(() => undefined)
}

/** Whether an early read of `dbName` is waiting to be taken: it resolves once the read is done. */
export const pendingEarlyRead = (dbName: string): Promise<EarlyRows | null> | null =>
  slot.mutualEarlyRead?.dbName === dbName ? slot.mutualEarlyRead.read : null

/** The early rows of `dbName`, if they were read; each read is handed out once. */
export const takeEarlyRead = (dbName: string): Promise<EarlyRows | null> | null => {
  const taken = slot.mutualEarlyRead
  slot.mutualEarlyRead = null
  return taken?.dbName === dbName ? taken.read : null
}
