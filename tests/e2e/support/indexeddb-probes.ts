import type { Page } from 'playwright-core'

/**
 * Looks at (and, to simulate damage, writes to) IndexedDB from inside the page, with the raw
 * API and none of the app's code, so tests see what is really on disk.
 */

/** Names of every IndexedDB database of the page's origin. */
export const databaseNames = (page: Page): Promise<string[]> =>
  page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''))

/** Every row of one object store, with Uint8Arrays passed back as plain number arrays. */
export const readRows = (page: Page, dbName: string, store: string): Promise<unknown[]> =>
  page.evaluate(
    ({ dbName, store }) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open(dbName)
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains(store)) {
            db.close()
            resolve([])
            return
          }
          const request = db.transaction(store, 'readonly').objectStore(store).getAll()
          request.onsuccess = () => {
            db.close()
            resolve(request.result.map((row: unknown) => (row instanceof Uint8Array ? Array.from(row) : row)))
          }
          request.onerror = () => reject(request.error)
        }
      }),
    { dbName, store }
  )

/**
 * Adds one row to an object store. `bytes` rows are stored as a Uint8Array, the way
 * y-indexeddb stores its updates; anything else is stored as given.
 */
export const addRow = (
  page: Page,
  dbName: string,
  store: string,
  row: { bytes: number[] } | { value: unknown },
  key?: string
): Promise<void> =>
  page.evaluate(
    ({ dbName, store, row, key }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(dbName)
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const tx = db.transaction(store, 'readwrite')
          const value = 'bytes' in row ? new Uint8Array(row.bytes) : row.value
          if (key === undefined) tx.objectStore(store).add(value)
          else tx.objectStore(store).put(value, key)
          tx.oncomplete = () => {
            db.close()
            resolve()
          }
          tx.onabort = () => {
            db.close()
            reject(tx.error)
          }
        }
      }),
    { dbName, store, row, key }
  )

/** The workspace id in the page's current address (`#/w/<id>`). */
export const workspaceIdOf = (page: Page): string => {
  const match = /#\/w\/([0-9a-f]{32})/.exec(page.url())
  if (!match?.[1]) throw new Error(`Not on a workspace page: ${page.url()}`)
  return match[1]
}

export const workspaceDbName = (id: string): string => `mutual-workspace-${id}`

/** The byte length of each row of one object store, in key order (no contents cross to the test). */
export const rowSizes = (page: Page, dbName: string, store: string): Promise<number[]> =>
  page.evaluate(
    ({ dbName, store }) =>
      new Promise<number[]>((resolve, reject) => {
        const open = indexedDB.open(dbName)
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const request = db.transaction(store, 'readonly').objectStore(store).getAll()
          request.onsuccess = () => {
            db.close()
            resolve(request.result.map((row: unknown) => (row instanceof Uint8Array ? row.byteLength : 0)))
          }
          request.onerror = () => reject(request.error)
        }
      }),
    { dbName, store }
  )
