/** Small promise wrappers over IndexedDB requests, for the registry and salvage readers. */
export const requestToPromise = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })

export const transactionDone = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
    tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'))
  })

export const indexedDbAvailable = (): boolean => typeof indexedDB !== 'undefined' && indexedDB !== null

export interface OpenOptions {
  name: string
  /** Leave out to open whatever version is stored (y-indexeddb does the same). */
  version?: number
  upgrade: (db: IDBDatabase) => void
  /** Open only a database that is already there: if there is none, fail and create none. */
  existingOnly?: boolean
  /** Called when another tab wants to delete or upgrade this database. */
  onVersionChange?: () => void
  /**
   * How long an upgrade may wait for other connections to close before it is given up as
   * "open elsewhere". Connections that are merely finishing a transaction let go by themselves.
   */
  blockedTimeoutMs?: number
}

const DEFAULT_BLOCKED_TIMEOUT_MS = 3000

export const openDatabase = ({
  name,
  version,
  upgrade,
  existingOnly = false,
  onVersionChange,
  blockedTimeoutMs = DEFAULT_BLOCKED_TIMEOUT_MS
}: OpenOptions): Promise<IDBDatabase> =>
  new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest
    try {
      request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version)
    } catch (error) {
      reject(error)
      return
    }
    let gaveUp = false
    let blockedTimer: ReturnType<typeof setTimeout> | null = null
    request.onupgradeneeded = (event) => {
      // Aborting the upgrade of a database that did not exist leaves nothing behind.
      if (existingOnly && event.oldVersion === 0) request.transaction?.abort()
      else upgrade(request.result)
    }
    request.onerror = () => {
      if (blockedTimer) clearTimeout(blockedTimer)
      reject(request.error)
    }
    // "blocked" is a notice, not a failure: the request goes on once the others close. Give
    // up only if they keep it open (another tab still using it).
    request.onblocked = () => {
      blockedTimer ??= setTimeout(() => {
        gaveUp = true
        reject(new DOMException(`${name} is open elsewhere`, 'BlockedError'))
      }, blockedTimeoutMs)
    }
    request.onsuccess = () => {
      if (blockedTimer) clearTimeout(blockedTimer)
      const db = request.result
      if (gaveUp) {
        db.close()
        return
      }
      db.onversionchange = () => {
        db.close()
        onVersionChange?.()
      }
      resolve(db)
    }
  })

/**
 * Deletes a database. If another tab keeps it open the request waits (and `onBlocked` says
 * so) until that tab lets go; it completes then rather than being abandoned half-way.
 */
export const deleteDatabase = (name: string, onBlocked?: () => void): Promise<void> =>
  new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name)
    request.onsuccess = () => resolve()
    request.onerror = () => reject(request.error)
    request.onblocked = () => onBlocked?.()
  })

/** The names of this origin's databases, or null where the browser cannot list them (older Firefox). */
export const databasesOnDevice = async (): Promise<Set<string> | null> => {
  if (typeof indexedDB.databases !== 'function') return null
  const listed = await indexedDB.databases().catch(() => null)
  return listed ? new Set(listed.flatMap((db) => (db.name ? [db.name] : []))) : null
}
