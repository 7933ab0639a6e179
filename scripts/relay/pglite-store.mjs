// The relay's store on PGlite: PostgreSQL compiled to WebAssembly, with its data in a folder, run
// in a worker thread of this process (pglite-thread.mjs) so that writing a large entry never
// stalls the relay's sockets. The default for `npm start`: nothing to install or run. One
// process owns the folder; several stores in that process may share one PGlite thread (its
// LISTEN/NOTIFY reaches them all).
import { openPgliteThread } from './pglite-thread.mjs'
import { BASE64_BLOBS, makeRelayStore } from './store.mjs'

/**
 * @param {import('./store.d.mts').StoreOptions & ({ dataDir: string } | { db: import('./pglite-thread.d.mts').PgliteThread })} options
 */
export const openPgliteStore = async (options) => {
  const owned = !('db' in options)
  const db = 'db' in options ? options.db : await openPgliteThread({ dataDir: options.dataDir })
  /** @type {import('./store.d.mts').SqlDriver} */
  const driver = {
    query: (text, params) => db.query(text, params),
    // PGlite runs one statement at a time; a transaction holds it until COMMIT or ROLLBACK.
    transaction: (work) => db.transaction(work),
    // PGlite's connection is in this process and does not drop, so onResync is never needed.
    listen: async (channel, onPayload) => db.listen(channel, onPayload),
    blob: BASE64_BLOBS,
    close: async () => {
      if (owned && !db.closed) await db.close()
    }
  }
  try {
    return await makeRelayStore(driver, options)
  } catch (error) {
    await driver.close()
    throw error
  }
}
