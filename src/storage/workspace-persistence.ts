import type * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import {
  cancelPendingTrim,
  databaseOf,
  hasPendingTrim,
  pauseStoring,
  readFromKey,
  resumeStoring,
  storedRecords
} from './adapters/y-indexeddb-internals'
import type { DocKey } from '../domain/doc-key'
import type { WorkspaceId } from '../domain/ids'
import { storageProblemsEn } from '../domain/i18n/areas/storage.en'
import { markReadOnly } from '../crdt/read-only'
import { CHUNK_TARGET_BYTES } from '../crdt/causal-chunks'
import { whenIdle } from '../domain/when-idle'
import { indexedDbAvailable } from './idb-request'
import { keepInMemory } from './memory-copy'
import { salvageStoredUpdates } from './salvage'
import { readStoredRows, takeEarlyRead, type EarlyRows } from './early-read'
import { applyInSlices, SLICE_BYTES } from './sliced-apply'
import { foldRecentRows } from './fold-recent-rows'
import { storeFullState } from './store-full-state'
import { describeStorageError, unavailableProblem, type StorageProblem } from './storage-problem'
import { documentDbName, UPDATES_STORE } from './workspace-db-name'
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
  /**
   * Replaces all stored records with the full state: as chunks that open a slice at a time
   * (split in a worker, which takes a second or more for a big lab), or `whole`, in one row,
   * at once (a write that must be confirmed before going on; the next open stores it as chunks).
   */
  compact(options?: { whole?: boolean }): Promise<void>
  /** After a failed write: saves the full state again; true when it worked. */
  retrySave(): Promise<boolean>
  destroy(): Promise<void>
}

export interface PersistenceOptions {
  /** Compact on open when more records than this have piled up. */
  compactAboveRows?: number
  /** How long to wait before retrying a failed write on its own. */
  retryAfterMs?: number
  /**
   * Which of the workspace's documents `doc` is: the workspace document (`''`, the default) or
   * an artifact's own (docs/artifact-documents.md), stored in a database of its own.
   */
  docKey?: DocKey
}

/**
 * At most how many rows a state of `bytes` is stored as after a compaction: its chunks, each
 * followed by its deletions (crdt/causal-chunks.ts). Chunks come out at or above their target.
 */
const chunkRowsFor = (bytes: number): number => 2 * Math.ceil(bytes / CHUNK_TARGET_BYTES) + 1

/** y-indexeddb adds a record on every open; past this many (besides the chunks) the state is stored again. */
const DEFAULT_COMPACT_ABOVE_ROWS = 24
const DEFAULT_RETRY_AFTER_MS = 15_000


/**
 * Binds a workspace doc to its IndexedDB database through y-indexeddb, with what y-indexeddb
 * leaves to its users: an explicit lifecycle, errors that reach the person instead of the
 * console, an open that applies the stored rows a slice per task (sliced-apply.ts), compaction
 * into chunks that open that way (store-full-state.ts), and a flush for closing tabs.
 */
export const openWorkspacePersistence = (
  doc: Y.Doc,
  id: WorkspaceId,
  options: PersistenceOptions = {}
): WorkspacePersistence => {
  const compactAboveRows = options.compactAboveRows ?? DEFAULT_COMPACT_ABOVE_ROWS
  const retryAfterMs = options.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS
  const docKey = options.docKey ?? ''
  const dbName = documentDbName(id, docKey)
  // Timing marks read by the open benchmark (tests/bench/workspace-open.bench.ts): the
  // workspace document's open only, which artifact documents opened beside it must not blur.
  const markOpen = (name: string): void => {
    if (docKey === '') performance.mark(name)
  }
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
    if (status.status === 'loading' && next.status !== 'loading') markOpen('mutual:open:loaded')
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
    queueMicrotask(() => void finishLoad(watched))
  }

  // The rows read before y-indexeddb's load (the early read, or this open's own read) are
  // applied after it, a slice per task (sliced-apply.ts), with the provider as origin: they
  // count as loaded from disk in every way. Nothing else holds the doc until it is settled.
  let rowsToApply: Uint8Array[] = []
  let largestRowBytes = 0
  let storedBytes = 0
  const finishLoad = async (watched: IndexeddbPersistence): Promise<void> => {
    if (!watched.synced) return void onLoadFailed()
    const rows = rowsToApply
    rowsToApply = []
    markOpen('mutual:open:apply')
    const applied = await applyInSlices(doc, rows, watched, () => provider === watched)
    markOpen('mutual:open:applied')
    if (provider !== watched || applied === 'stopped') return
    // Store changes again from right after the load, before any other code has the doc.
    resumeStoring(watched, doc)
    if (applied === 'applied') onLoaded(watched)
    else void onLoadFailed()
  }

  const onLoaded = (loaded: IndexeddbPersistence): void => {
    setStatus({ status: 'ready' })
    takeOverYIndexeddbFold(loaded)
    // Many rows besides the state's chunks, or a row too big to apply in one slice (a state
    // stored whole, before chunks, or by y-indexeddb): stored again as chunks, the next open
    // applies it a slice at a time.
    const chunkRows = chunkRowsFor(storedBytes)
    if (storedRecords(loaded) > chunkRows + compactAboveRows || largestRowBytes > 2 * SLICE_BYTES) scheduleCompaction()
  }

  // What is waiting to be stored again: 'fold' the recent rows, or the whole state as chunks
  // ('compact', which covers a fold too).
  let scheduled: 'fold' | 'compact' | null = null
  const scheduleStoring = (what: 'fold' | 'compact'): void => {
    const before = scheduled
    if (before === 'compact' || before === what) return
    scheduled = what
    if (before) return
    whenIdle(() => {
      const due = scheduled
      scheduled = null
      void (due === 'compact' ? compact() : fold()).catch(() => {})
    }, 5000)
  }
  const scheduleCompaction = (): void => scheduleStoring('compact')

  // y-indexeddb folds its records into one row of the whole state every 500 changes: a row the
  // next open would apply in one long task. Its fold is cancelled as soon as it is scheduled,
  // and the rows since the state was last stored are merged instead (fold-recent-rows.ts).
  // A change too big for one slice (a lab received whole on joining, a merged file) has the
  // whole state stored again as chunks.
  const takeOverYIndexeddbFold = (watched: IndexeddbPersistence): void => {
    const onStored = (update: Uint8Array): void => {
      if (provider !== watched) return void doc.off('update', onStored)
      if (update.byteLength > 2 * SLICE_BYTES) scheduleCompaction()
      if (!hasPendingTrim(watched)) return
      cancelPendingTrim(watched)
      scheduleStoring('fold')
    }
    doc.on('update', onStored)
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

  // One rewrite of the stored rows at a time: a second waits for the first, then runs on what
  // is stored then.
  let rewriting: Promise<void> | null = null
  const rewriteRows = async (rewrite: (p: IndexeddbPersistence) => Promise<void>): Promise<void> => {
    while (rewriting) await rewriting.catch(() => {})
    const p = provider
    if (!p || status.status !== 'ready') return
    rewriting = rewrite(p).finally(() => {
      rewriting = null
    })
    return rewriting
  }

  const compact = (options: { whole?: boolean } = {}): Promise<void> =>
    rewriteRows((p) => storeFullState(doc, p, { whole: options.whole === true, stillStoring: () => provider === p && status.status === 'ready' }))

  const fold = (): Promise<void> =>
    rewriteRows(async (p) => {
      if ((await foldRecentRows(p, SLICE_BYTES)) === 'too-big') scheduleCompaction()
    })

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

  const attachProvider = (early: EarlyRows | null): void => {
    if (status.status !== 'loading') return
    try {
      provider = new IndexeddbPersistence(dbName, doc)
      if (early) {
        // y-indexeddb reads the rows from this key on: only those stored since the early read.
        readFromKey(provider, early.lastKey + 1)
        rowsToApply = early.rows
        for (const row of early.rows) {
          largestRowBytes = Math.max(largestRowBytes, row.byteLength)
          storedBytes += row.byteLength
        }
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

  markOpen('mutual:open:start')
  let stopMemoryCopy: (() => void) | null = null
  if (!indexedDbAvailable()) {
    // Nothing can be saved, but the workspace still works for as long as this tab is open.
    stopMemoryCopy = keepInMemory(dbName, doc)
    setStatus({ status: 'unavailable', problem: unavailableProblem('indexedDB is not defined') })
  } else {
    // Read early when the page's address named this workspace; otherwise read now, so that
    // opening from within the app also applies its rows a slice at a time.
    const early = takeEarlyRead(dbName) ?? readStoredRows(dbName)
    void early.then(attachProvider, () => attachProvider(null))
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
