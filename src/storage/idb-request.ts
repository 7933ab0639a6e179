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
  version: number
  upgrade: (db: IDBDatabase) => void
  /** Called when another tab wants to delete or upgrade this database. */
  onVersionChange?: () => void
}

export const openDatabase = ({ name, version, upgrade, onVersionChange }: OpenOptions): Promise<IDBDatabase> =>
  new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest
    try {
      request = indexedDB.open(name, version)
    } catch (error) {
      reject(error)
      return
    }
    request.onupgradeneeded = () => upgrade(request.result)
    request.onerror = () => reject(request.error)
    request.onblocked = () => reject(new DOMException(`${name} is open elsewhere`, 'BlockedError'))
    request.onsuccess = () => {
      const db = request.result
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
