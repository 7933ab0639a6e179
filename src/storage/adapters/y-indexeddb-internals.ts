import type * as Y from 'yjs'
import type { IndexeddbPersistence } from 'y-indexeddb'

/**
 * Every use of y-indexeddb's private fields, in one place. y-indexeddb offers no way to start
 * reading from a given record (the early read, storage/early-read.ts, has read the older
 * ones), to stop and resume its 'update' listener (it makes Yjs encode the whole loaded state
 * again), to compact with an awaited write, or to watch its database for errors; so the
 * persistence (storage/workspace-persistence.ts) does those through these functions.
 *
 * Pinned: y-indexeddb 9.0.12, exactly, in package.json. tests/unit/storage/y-indexeddb-internals.test.ts
 * checks the installed version and that each field used here exists, with the type used, on a
 * real provider: an upgrade that changes one fails there.
 */
export const PINNED_Y_INDEXEDDB_VERSION = '9.0.12'

interface Internals {
  _db: Promise<IDBDatabase>
  _dbref: number
  _dbsize: number
  _storeTimeoutId: ReturnType<typeof setTimeout> | null
  _storeUpdate: (update: Uint8Array, origin: unknown) => void
}
const internalsOf = (provider: IndexeddbPersistence): Internals => provider as unknown as Internals

/** The provider's database, once open (rejects when it cannot be opened). */
export const databaseOf = (provider: IndexeddbPersistence): Promise<IDBDatabase> => internalsOf(provider)._db

/** Makes the provider read (and later trim) records from this key on: those before it were read already. */
export const readFromKey = (provider: IndexeddbPersistence, key: number): void => {
  internalsOf(provider)._dbref = key
}

/** The first key the provider has not read: records below it are covered by a full-state write. */
export const nextUnreadKey = (provider: IndexeddbPersistence): number => internalsOf(provider)._dbref

/** How many records the provider counts in its store. */
export const storedRecords = (provider: IndexeddbPersistence): number => internalsOf(provider)._dbsize
export const setStoredRecords = (provider: IndexeddbPersistence, count: number): void => {
  internalsOf(provider)._dbsize = count
}

/** Whether the provider has a trim of its records scheduled (its changes are waiting to be folded). */
export const hasPendingTrim = (provider: IndexeddbPersistence): boolean => internalsOf(provider)._storeTimeoutId !== null

/** Cancels the provider's scheduled trim (a compaction is about to do the same, awaited). */
export const cancelPendingTrim = (provider: IndexeddbPersistence): void => {
  const internals = internalsOf(provider)
  if (internals._storeTimeoutId !== null) clearTimeout(internals._storeTimeoutId)
  internals._storeTimeoutId = null
}

/** Stops the provider storing the doc's changes (it listens from its construction). */
export const pauseStoring = (provider: IndexeddbPersistence, doc: Y.Doc): void => doc.off('update', internalsOf(provider)._storeUpdate)
/** Lets it store them again. */
export const resumeStoring = (provider: IndexeddbPersistence, doc: Y.Doc): void => {
  doc.on('update', internalsOf(provider)._storeUpdate)
}
