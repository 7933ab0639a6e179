import { openDatabase, requestToPromise, transactionDone } from './idb-request'

/**
 * Where this browser profile keeps its device keys: their CryptoKey objects, stored as they are
 * (IndexedDB clones them, private keys staying non-extractable). One record for the profile, so
 * its tabs are one device. Apart from workspaces: deleting a workspace keeps the device.
 */
export const DEVICE_KEY_DB = 'mutual-device-keys'
const STORE = 'keys'
const RECORD = 'this-device'

const open = (): Promise<IDBDatabase> =>
  openDatabase({
    name: DEVICE_KEY_DB,
    version: 1,
    upgrade: (db) => {
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE)
    }
  })

/**
 * This device's keys: the stored ones when `accept` recognises them, otherwise new ones from
 * `make`. Two tabs opening at once keep one pair: the first to store wins, the other reads it.
 */
export const loadOrCreateDeviceKeys = async <K>(accept: (value: unknown) => value is K, make: () => Promise<K>): Promise<K> => {
  const db = await open()
  try {
    const read = db.transaction(STORE, 'readonly')
    const stored: unknown = await requestToPromise(read.objectStore(STORE).get(RECORD))
    if (accept(stored)) return stored
    const made = await make()
    const write = db.transaction(STORE, 'readwrite')
    const store = write.objectStore(STORE)
    const again: unknown = await requestToPromise(store.get(RECORD))
    if (accept(again)) return again
    // Something unusable (damaged, or from a build that kept other keys) is replaced.
    store.put(made, RECORD)
    await transactionDone(write)
    return made
  } finally {
    db.close()
  }
}
