import type { WorkspaceId } from '../domain/ids'
import { checkpointBytes, StoredCheckpointSchema, type NewCheckpoint, type StoredCheckpoint } from '../domain/checkpoint'
import { checkpointsToDrop, CHECKPOINT_BYTE_CAP } from '../domain/checkpoint-retention'
import { deleteDatabase, openDatabase, requestToPromise, transactionDone } from './idb-request'

/**
 * This device's own history of a workspace: checkpoints of the whole workspace and copies of
 * its versions' snapshots, in a database of its own beside the workspace's (never in the shared
 * document), so nothing another device deletes can reach it. Records are checked when read;
 * one that does not parse is left out of the list and left where it is.
 */
export const localHistoryDbName = (id: WorkspaceId): string => `mutual-history-${id}`
const VERSION = 2
const CHECKPOINTS = 'checkpoints'
/**
 * The ids of versions already copied (version 2). Kept apart from the copies because retention
 * drops old copies past its byte cap: without this, every open copied them again (seconds of
 * work in a lab of two years) only for retention to drop them again.
 */
const COPIED_VERSIONS = 'copied-versions'
/** A version id is 32 hex characters; anything else in the store is not ours and is ignored. */
const isVersionId = (key: unknown): key is string => typeof key === 'string' && key.length > 0 && key.length <= 64

export interface LocalHistoryStore {
  /** Stores a checkpoint and returns its id. */
  add(checkpoint: NewCheckpoint): Promise<number>
  /** Rewrites a stored checkpoint (a run of deletions that grew). */
  put(checkpoint: StoredCheckpoint): Promise<void>
  /** Every readable checkpoint, newest first. */
  list(): Promise<StoredCheckpoint[]>
  /** The ids of versions this device has copied (or chose not to), whether or not the copy is still kept. */
  copiedVersions(): Promise<Set<string>>
  /** Remembers that these versions need no copy (made, or older than what the byte cap keeps). */
  markCopied(versionIds: readonly string[]): Promise<void>
  /** Drops what the retention policy no longer keeps; returns how many went. */
  prune(now: number, capBytes?: number): Promise<number>
  close(): void
}

const newestFirst = (list: StoredCheckpoint[]): StoredCheckpoint[] => list.sort((a, b) => b.at - a.at || b.id - a.id)

const readable = (rows: unknown[]): StoredCheckpoint[] =>
  rows.flatMap((row) => {
    const parsed = StoredCheckpointSchema.safeParse(row)
    return parsed.success ? [parsed.data] : []
  })

const toDrop = (list: StoredCheckpoint[], now: number, capBytes: number): number[] =>
  checkpointsToDrop(
    list.map((c) => ({ id: c.id, at: c.at, reason: c.reason, bytes: checkpointBytes(c) })),
    now,
    capBytes
  )

export const openLocalHistory = async (id: WorkspaceId): Promise<LocalHistoryStore> => {
  const db = await openDatabase({
    name: localHistoryDbName(id),
    version: VERSION,
    upgrade: (d) => {
      if (!d.objectStoreNames.contains(CHECKPOINTS)) d.createObjectStore(CHECKPOINTS, { keyPath: 'id', autoIncrement: true })
      if (!d.objectStoreNames.contains(COPIED_VERSIONS)) d.createObjectStore(COPIED_VERSIONS)
    }
  })
  const store = (mode: IDBTransactionMode) => {
    const tx = db.transaction(CHECKPOINTS, mode)
    return { tx, store: tx.objectStore(CHECKPOINTS) }
  }
  const all = async (): Promise<unknown[]> => requestToPromise(store('readonly').store.getAll())
  return {
    async add(checkpoint) {
      const { tx, store: s } = store('readwrite')
      // The key is generated: the record is stored without an id and gets one.
      const key = await requestToPromise(s.add(checkpoint))
      await transactionDone(tx)
      return Number(key)
    },
    async put(checkpoint) {
      const { tx, store: s } = store('readwrite')
      s.put(StoredCheckpointSchema.parse(checkpoint))
      await transactionDone(tx)
    },
    async list() {
      return newestFirst(readable(await all()))
    },
    async copiedVersions() {
      const keys = await requestToPromise(db.transaction(COPIED_VERSIONS, 'readonly').objectStore(COPIED_VERSIONS).getAllKeys())
      return new Set(keys.filter(isVersionId))
    },
    async markCopied(versionIds) {
      if (versionIds.length === 0) return
      const tx = db.transaction(COPIED_VERSIONS, 'readwrite')
      const s = tx.objectStore(COPIED_VERSIONS)
      for (const id of versionIds) if (isVersionId(id)) s.put(1, id)
      await transactionDone(tx)
    },
    async prune(now, capBytes = CHECKPOINT_BYTE_CAP) {
      const drop = toDrop(readable(await all()), now, capBytes)
      if (drop.length === 0) return 0
      const { tx, store: s } = store('readwrite')
      for (const key of drop) s.delete(key)
      await transactionDone(tx)
      return drop.length
    },
    close() {
      db.close()
    }
  }
}

/** For a browser without IndexedDB: the history lives as long as the tab, like the workspace. */
export const makeMemoryLocalHistory = (): LocalHistoryStore => {
  const rows = new Map<number, StoredCheckpoint>()
  const copied = new Set<string>()
  let next = 1
  return {
    async add(checkpoint) {
      const id = next++
      rows.set(id, { ...checkpoint, id })
      return id
    },
    async put(checkpoint) {
      rows.set(checkpoint.id, checkpoint)
    },
    async list() {
      return newestFirst([...rows.values()])
    },
    async copiedVersions() {
      return new Set(copied)
    },
    async markCopied(versionIds) {
      for (const id of versionIds) copied.add(id)
    },
    async prune(now, capBytes = CHECKPOINT_BYTE_CAP) {
      const drop = toDrop([...rows.values()], now, capBytes)
      for (const id of drop) rows.delete(id)
      return drop.length
    },
    close() {}
  }
}

/** Bytes the local history of these workspaces takes on this device (for "Storage on this device"). */
export const localHistoryBytes = async (ids: readonly WorkspaceId[]): Promise<number> => {
  let total = 0
  for (const id of ids) {
    let db: IDBDatabase
    try {
      db = await openDatabase({ name: localHistoryDbName(id), upgrade: () => {}, existingOnly: true })
    } catch {
      continue
    }
    try {
      if (!db.objectStoreNames.contains(CHECKPOINTS)) continue
      const rows = readable(await requestToPromise(db.transaction(CHECKPOINTS, 'readonly').objectStore(CHECKPOINTS).getAll()))
      total += rows.reduce((sum, c) => sum + checkpointBytes(c), 0)
    } finally {
      db.close()
    }
  }
  return total
}

/** Deletes a workspace's local history: only when the person deletes the workspace from this device. */
export const deleteLocalHistory = (id: WorkspaceId, onBlocked?: () => void): Promise<void> =>
  deleteDatabase(localHistoryDbName(id), onBlocked)
