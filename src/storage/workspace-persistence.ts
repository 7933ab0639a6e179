import * as Y from 'yjs'
import * as idb from 'lib0/indexeddb'
import { IndexeddbPersistence, fetchUpdates } from 'y-indexeddb'
import {
  cancelPendingTrim,
  databaseOf,
  hasPendingTrim,
  nextUnreadKey,
  pauseStoring,
  readFromKey,
  resumeStoring,
  setStoredRecords,
  storedRecords
} from './adapters/y-indexeddb-internals'
import type { WorkspaceId } from '../domain/ids'
import { storageProblemsEn } from '../domain/i18n/areas/storage.en'
import { markReadOnly } from '../crdt/read-only'
import { whenIdle } from '../domain/when-idle'
import { indexedDbAvailable } from './idb-request'
import { keepInMemory } from './memory-copy'
import { salvageStoredUpdates } from './salvage'
import { takeEarlyRead, type EarlyRows } from './early-read'
import { describeStorageError, unavailableProblem, type StorageProblem } from './storage-problem'
import { UPDATES_STORE, workspaceDbName } from './workspace-db-name'
import { writesSettled } from './writes-settled'

export type PersistenceStatus =
  | { status: 'loading' }
  | { status: 'ready' }
  /** Some stored records could not be read: the doc holds what could, and is read-only. */
  | { status: 'damaged'; totalRows: number; unreadableRows: number }
  /** Storage could not be opened or was taken away: the doc lives in memory only. */
  | { status: 'unavailable'; problem: StorageProblem }
  | { status: 'destroyed' }

export interface WorkspacePersistence {
  readonly status: PersistenceStatus
  /** The last failed write, until a later full save succeeds. */
  readonly writeProblem: StorageProblem | null
  /** Resolves once loading has finished, whichever way it went. */
  readonly settled: Promise<PersistenceStatus>
  subscribe(listener: () => void): () => void
  /** Writes anything still waiting, now: call on `pagehide` / hidden `visibilitychange`. */
  flush(): void
  /**
   * True once every change the doc has emitted so far is in IndexedDB; false when it is not
   * being stored (loading, damaged, unavailable, closed) or a write has failed since the last
   * full save. What depends on a change being kept for good (the relay cursor: an entry it
   * passes is never fetched again) waits for this.
   */
  whenStored(): Promise<boolean>
  /** Replaces all stored records with one holding the full state. */
  compact(): Promise<void>
  /** After a failed write: saves the full state again; true when it worked. */
  retrySave(): Promise<boolean>
  destroy(): Promise<void>
}

export interface PersistenceOptions {
  /** Compact on open when more records than this have piled up. */
  compactAboveRows?: number
  /** How long to wait before retrying a failed write on its own. */
  retryAfterMs?: number
}

/** y-indexeddb adds a record on every open; past this many we fold them into one. */
const DEFAULT_COMPACT_ABOVE_ROWS = 24
const DEFAULT_RETRY_AFTER_MS = 15_000


/**
 * Binds a workspace doc to its IndexedDB database through y-indexeddb, with what y-indexeddb
 * leaves to its users: an explicit lifecycle, errors that reach the person instead of the
 * console, compaction of the records it adds on each open, and a flush for closing tabs.
 */
export const openWorkspacePersistence = (
  doc: Y.Doc,
  id: WorkspaceId,
  options: PersistenceOptions = {}
): WorkspacePersistence => {
  const compactAboveRows = options.compactAboveRows ?? DEFAULT_COMPACT_ABOVE_ROWS
  const retryAfterMs = options.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS
  const dbName = workspaceDbName(id)
  const listeners = new Set<() => void>()
  let status: PersistenceStatus = { status: 'loading' }
  let writeProblem: StorageProblem | null = null
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let provider: IndexeddbPersistence | null = null
  let resolveSettled: (s: PersistenceStatus) => void = () => {}
  const settled = new Promise<PersistenceStatus>((resolve) => {
    resolveSettled = resolve
  })

  const notify = (): void => listeners.forEach((l) => l())
  const setStatus = (next: PersistenceStatus): void => {
    // Timing mark read by the open benchmark (tests/bench/workspace-open.bench.ts).
    if (status.status === 'loading' && next.status !== 'loading') performance.mark('mutual:open:loaded')
    status = next
    if (next.status !== 'loading') resolveSettled(next)
    notify()
  }
  const detachProvider = (): void => {
    if (!provider) return
    doc.off('afterTransaction', checkLoad)
    void provider.destroy()
    provider = null
  }
  const setWriteProblem = (problem: StorageProblem | null): void => {
    writeProblem = problem
    if (retryTimer) clearTimeout(retryTimer)
    retryTimer = problem && provider ? setTimeout(() => void retrySave(), retryAfterMs) : null
    notify()
  }

  // y-indexeddb loads inside one transaction whose origin is the provider, then marks itself
  // synced in the same task. If that transaction threw (a damaged record), `synced` is still
  // false a microtask later: stop writing at once and salvage what can be read.
  let loadChecked = false
  const checkLoad = (transaction: Y.Transaction): void => {
    if (loadChecked || !provider || transaction.origin !== provider) return
    loadChecked = true
    const watched = provider
    // Store changes again from right after the load transaction, before any other code runs.
    doc.once('afterAllTransactions', () => {
      if (provider === watched) resumeStoring(watched, doc)
    })
    queueMicrotask(() => {
      if (watched.synced && !earlyRowsFailed) onLoaded(watched)
      else void onLoadFailed()
    })
  }

  const onLoaded = (loaded: IndexeddbPersistence): void => {
    setStatus({ status: 'ready' })
    if (storedRecords(loaded) > compactAboveRows) whenIdle(() => void compact().catch(() => {}), 5000)
  }

  const onLoadFailed = async (): Promise<void> => {
    detachProvider()
    markReadOnly(doc, 'Part of this workspace’s saved data could not be read, so it is open read-only.')
    try {
      const report = await salvageStoredUpdates(dbName, doc)
      setStatus({ status: 'damaged', ...report })
    } catch (error) {
      setStatus({ status: 'unavailable', problem: describeStorageError(error) })
    }
  }

  const watchDatabase = (db: IDBDatabase): void => {
    // Errors and aborts of every request bubble up to the database object.
    const onFailure = (event: Event): void => {
      const target = event.target as IDBRequest | IDBTransaction | null
      const error = target && 'error' in target ? target.error : null
      if (error) setWriteProblem(describeStorageError(error))
    }
    db.addEventListener('error', onFailure)
    db.addEventListener('abort', onFailure)
    // The browser closed the connection (site data cleared, storage pressure).
    db.addEventListener('close', () => lose(describeStorageError(new DOMException('closed', 'InvalidStateError'))))
    // Another tab is deleting this workspace (no new version) or repairing it (setting damaged
    // records aside upgrades the database): let go so it can, and stop writing.
    db.onversionchange = (event) => {
      db.close()
      lose(
        event.newVersion === null
          ? {
              kind: 'closed',
              message: storageProblemsEn['storageProblem.deletedElsewhere'],
              detail: 'versionchange: deleted'
            }
          : {
              kind: 'closed',
              message: storageProblemsEn['storageProblem.repairedElsewhere'],
              detail: `versionchange: upgraded to ${event.newVersion}`
            }
      )
    }
  }

  const lose = (problem: StorageProblem): void => {
    detachProvider()
    setStatus({ status: 'unavailable', problem })
  }

  const compact = async (): Promise<void> => {
    const p = provider
    if (!p || status.status !== 'ready') return
    cancelPendingTrim(p)
    // Same steps as y-indexeddb's storeState, but awaited: it does not return its write, and
    // we need to know that the old records are gone only after the full state is stored.
    const store = await fetchUpdates(p)
    // lib0 types keys/values as primitives; y-indexeddb stores Uint8Array rows the same way.
    await idb.addAutoKey(store, Y.encodeStateAsUpdate(doc) as unknown as ArrayBuffer)
    await idb.del(store, idb.createIDBKeyRangeUpperBound(nextUnreadKey(p), true))
    setStoredRecords(p, await idb.count(store))
  }

  const retrySave = async (): Promise<boolean> => {
    try {
      await compact()
      if (status.status !== 'ready') return false
      setWriteProblem(null)
      return true
    } catch (error) {
      setWriteProblem(describeStorageError(error))
      return false
    }
  }

  // Rows read before the app's code had loaded (storage/early-read.ts) are applied inside
  // y-indexeddb's own load transaction, so they count as loaded from disk in every way.
  let earlyRowsFailed = false
  const applyEarlyRows = (rows: Uint8Array[], loader: IndexeddbPersistence) => {
    const onTransaction = (transaction: Y.Transaction): void => {
      if (transaction.origin !== loader) return
      doc.off('beforeTransaction', onTransaction)
      // Timing marks read by the open benchmark (tests/bench/workspace-open.bench.ts).
      performance.mark('mutual:open:apply')
      try {
        for (const row of rows) Y.applyUpdate(doc, row)
      } catch {
        // A damaged record: the load is treated as failed, and salvage reads what it can.
        earlyRowsFailed = true
      }
      performance.mark('mutual:open:applied')
    }
    doc.on('beforeTransaction', onTransaction)
  }

  const attachProvider = (early: EarlyRows | null): void => {
    if (status.status !== 'loading') return
    try {
      provider = new IndexeddbPersistence(dbName, doc)
      if (early) {
        // y-indexeddb reads the rows from this key on: only those stored since the early read.
        readFromKey(provider, early.lastKey + 1)
        applyEarlyRows(early.rows, provider)
      }
      // y-indexeddb listens for 'update' from the start. During the load that listener ignores
      // the load transaction (its origin is the provider), but while any 'update' listener
      // exists Yjs encodes the whole loaded state again to emit it: about as long as the load
      // itself (see tests/bench/workspace-open.bench.ts). Nothing writes to the doc before it
      // is loaded (sessions hand it out once settled; what was in it before is stored by
      // y-indexeddb's first full-state row), so it listens again once loaded (checkLoad).
      pauseStoring(provider, doc)
      doc.on('afterTransaction', checkLoad)
      const opened = provider
      databaseOf(opened).then(
        (db) => watchDatabase(db),
        (error: unknown) => {
          if (provider === opened) lose(describeStorageError(error))
        }
      )
    } catch (error) {
      setStatus({ status: 'unavailable', problem: describeStorageError(error) })
    }
  }

  performance.mark('mutual:open:start')
  let stopMemoryCopy: (() => void) | null = null
  if (!indexedDbAvailable()) {
    // Nothing can be saved, but the workspace still works for as long as this tab is open.
    stopMemoryCopy = keepInMemory(dbName, doc)
    setStatus({ status: 'unavailable', problem: unavailableProblem('indexedDB is not defined') })
  } else {
    const early = takeEarlyRead(dbName)
    if (early) void early.then(attachProvider, () => attachProvider(null))
    else attachProvider(null)
  }

  return {
    get status() {
      return status
    },
    get writeProblem() {
      return writeProblem
    },
    settled,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    flush() {
      if (provider && hasPendingTrim(provider)) void compact().catch(() => {})
    },
    whenStored() {
      const p = provider
      const storing = (): boolean => provider === p && status.status === 'ready' && writeProblem === null
      if (!p || !storing()) return Promise.resolve(false)
      // y-indexeddb writes each change in a transaction of its own as it happens: a read after them waits for them.
      return databaseOf(p).then(
        (db) => writesSettled(db, UPDATES_STORE).then((settled) => settled && storing()),
        () => false
      )
    },
    compact,
    retrySave,
    async destroy() {
      if (status.status === 'destroyed') return
      if (retryTimer) clearTimeout(retryTimer)
      const p = provider
      provider = null
      doc.off('afterTransaction', checkLoad)
      stopMemoryCopy?.()
      setStatus({ status: 'destroyed' })
      listeners.clear()
      if (p) await p.destroy()
    }
  }
}
