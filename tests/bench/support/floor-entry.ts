/**
 * Runs in the page (bundled on its own by page-script.ts, with its own copy of yjs): the bare
 * floor of opening a workspace. It does what y-indexeddb's load does and nothing else: open
 * the workspace's database, read every stored update, and apply them to a fresh doc in one
 * transaction. No app code, no observers, no rendering.
 */
import * as Y from 'yjs'

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })

const openExisting = (name: string): Promise<IDBDatabase> =>
  new Promise((resolve, reject) => {
    const r = indexedDB.open(name)
    r.onupgradeneeded = () => {
      r.transaction?.abort()
      reject(new Error(`There is no database ${name}`))
    }
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })

export interface FloorTiming {
  openMs: number
  readMs: number
  applyMs: number
  totalMs: number
  rows: number
  bytes: number
  /** The biggest row: above about 1 MB, the app applies it in one task (src/storage/sliced-apply.ts). */
  largestRowBytes: number
  artifacts: number
}

/**
 * `keepDoc` leaves the loaded doc alive in the page (globalThis.mutualFloorDoc), so the JS heap
 * of a page holding nothing but the lab's Y.Doc can be measured beside the app's.
 */
export const measureFloor = async (dbName: string, keepDoc = false): Promise<FloorTiming> => {
  const t0 = performance.now()
  const db = await openExisting(dbName)
  const t1 = performance.now()
  const rows = (await request(db.transaction('updates', 'readonly').objectStore('updates').getAll())) as Uint8Array[]
  const t2 = performance.now()
  // The same settings as the app's workspace doc (gc off) and y-indexeddb's load transaction.
  const doc = new Y.Doc({ gc: false })
  Y.transact(doc, () => rows.forEach((row) => Y.applyUpdate(doc, row)), 'floor', false)
  const t3 = performance.now()
  db.close()
  const artifacts = doc.getMap('artifacts').size
  if (keepDoc) (globalThis as { mutualFloorDoc?: Y.Doc }).mutualFloorDoc = doc
  else doc.destroy()
  return {
    openMs: t1 - t0,
    readMs: t2 - t1,
    applyMs: t3 - t2,
    totalMs: t3 - t0,
    rows: rows.length,
    bytes: rows.reduce((sum, row) => sum + row.byteLength, 0),
    largestRowBytes: rows.reduce((largest, row) => Math.max(largest, row.byteLength), 0),
    artifacts
  }
}
