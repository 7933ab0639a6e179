import { AttachmentHashSchema, type AttachmentHash } from '../domain/attachments/attachment'
import { contentHash } from '../domain/attachments/content-hash'
import { checkAttachmentSize, MAX_ATTACHMENT_BYTES, type SizeProblem } from '../domain/attachments/limits'
import type { WorkspaceId } from '../domain/ids'
import { databasesOnDevice, deleteDatabase, openDatabase, requestToPromise, transactionDone } from './idb-request'

/**
 * A workspace's attachment bytes on this device, outside its Y.Doc: one IndexedDB database
 * per workspace, one row per file, keyed by the SHA-256 of its bytes. Rows are written only
 * after the bytes are hashed here, so a row's key always names its content, whoever sent it.
 */
export const attachmentDbName = (id: WorkspaceId): string => `mutual-attachments-${id}`

const STORE = 'blobs'
const SIZE_INDEX = 'size'
const VERSION = 1

export interface StoredAttachment {
  hash: AttachmentHash
  mime: string
  bytes: Uint8Array
}

export type PutResult = { ok: true; hash: AttachmentHash; added: boolean } | { ok: false; problem: SizeProblem | { kind: 'wrong-hash'; message: string } }

export interface AttachmentStore {
  /** Stores bytes under their own hash; with `expected`, refuses bytes that hash to anything else. */
  put(bytes: Uint8Array, mime: string, expected?: AttachmentHash): Promise<PutResult>
  get(hash: AttachmentHash): Promise<StoredAttachment | null>
  has(hash: AttachmentHash): Promise<boolean>
  /** Every hash kept here (for backups). */
  hashes(): Promise<AttachmentHash[]>
  /** Bytes kept for this workspace (counted in "Storage on this device"). */
  totalBytes(): Promise<number>
  close(): void
}

interface Row {
  hash: string
  mime: string
  size: number
  bytes: ArrayBuffer
}

const readRow = (value: unknown): StoredAttachment | null => {
  if (typeof value !== 'object' || value === null) return null
  const row = value as Partial<Row>
  const hash = AttachmentHashSchema.safeParse(row.hash)
  if (!hash.success || typeof row.mime !== 'string' || !(row.bytes instanceof ArrayBuffer)) return null
  if (row.bytes.byteLength > MAX_ATTACHMENT_BYTES) return null
  return { hash: hash.data, mime: row.mime, bytes: new Uint8Array(row.bytes) }
}

/** A store over an open database; opened by openAttachmentStore. */
const storeOver = (db: IDBDatabase): AttachmentStore => {
  const totalBytes = (): Promise<number> =>
    new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, 'readonly')
      // A key cursor over the size index reads only the sizes: summing never loads a file's bytes.
      const request = tx.objectStore(STORE).index(SIZE_INDEX).openKeyCursor()
      let total = 0
      request.onsuccess = () => {
        const cursor = request.result
        if (!cursor) return resolve(total)
        if (typeof cursor.key === 'number') total += cursor.key
        cursor.continue()
      }
      request.onerror = () => reject(request.error)
    })
  const has = async (hash: AttachmentHash): Promise<boolean> => {
    const tx = db.transaction(STORE, 'readonly')
    return (await requestToPromise(tx.objectStore(STORE).count(hash))) > 0
  }
  return {
    async put(bytes, mime, expected) {
      const hash = await contentHash(bytes)
      if (expected && hash !== expected) {
        return { ok: false, problem: { kind: 'wrong-hash', message: 'The file that arrived is not the one that was asked for.' } }
      }
      if (await has(hash)) return { ok: true, hash, added: false }
      const problem = checkAttachmentSize(bytes.length, await totalBytes())
      if (problem) return { ok: false, problem }
      const tx = db.transaction(STORE, 'readwrite')
      const copy = bytes.slice().buffer
      const row: Row = { hash, mime: mime.slice(0, 120), size: bytes.length, bytes: copy }
      tx.objectStore(STORE).put(row)
      await transactionDone(tx)
      return { ok: true, hash, added: true }
    },
    async get(hash) {
      const tx = db.transaction(STORE, 'readonly')
      const found = readRow(await requestToPromise(tx.objectStore(STORE).get(hash)))
      // A row whose bytes do not hash to its key is never handed out (a damaged disk).
      if (!found || (await contentHash(found.bytes)) !== hash) return null
      return found
    },
    has,
    async hashes() {
      const tx = db.transaction(STORE, 'readonly')
      const keys = (await requestToPromise(tx.objectStore(STORE).getAllKeys())) as unknown[]
      return keys.flatMap((key) => {
        const parsed = AttachmentHashSchema.safeParse(key)
        return parsed.success ? [parsed.data] : []
      })
    },
    totalBytes,
    close: () => db.close()
  }
}

export const openAttachmentStore = async (id: WorkspaceId): Promise<AttachmentStore> => {
  const db = await openDatabase({
    name: attachmentDbName(id),
    version: VERSION,
    upgrade: (created) => {
      if (created.objectStoreNames.contains(STORE)) return
      const store = created.createObjectStore(STORE, { keyPath: 'hash' })
      store.createIndex(SIZE_INDEX, 'size')
    }
  })
  return storeOver(db)
}

export const deleteAttachmentStore = (id: WorkspaceId, onBlocked?: () => void): Promise<void> =>
  deleteDatabase(attachmentDbName(id), onBlocked)

/**
 * Bytes of every workspace's attachments on this device, for "Storage on this device". The
 * browser's own estimate includes them already; this says how much of it is attachments.
 */
export const attachmentBytesOnDevice = async (ids: readonly WorkspaceId[]): Promise<number> => {
  const kept = await databasesOnDevice()
  let total = 0
  for (const id of ids) {
    // Opening would make an empty store for every workspace without files: skip those.
    if (kept && !kept.has(attachmentDbName(id))) continue
    const store = await openAttachmentStore(id).catch(() => null)
    if (!store) continue
    total += await store.totalBytes().catch(() => 0)
    store.close()
  }
  return total
}
