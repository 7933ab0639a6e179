// One read of the log for every connection that asks for the same page at the same moment.
// A new entry wakes every member of its room, and each then reads the log from its own cursor;
// in a live room those cursors are all the same, so a 40-person workshop read each entry 40
// times (two queries each, through PGlite's single connection). Reads already on their way are
// shared instead; nothing is kept once they settle, so a later read always sees the database.

const sharedWhileInFlight = () => {
  /** @type {Map<string, Promise<any>>} */
  const inFlight = new Map()
  /**
   * @template T
   * @param {string} key
   * @param {() => Promise<T>} read
   * @returns {Promise<T>}
   */
  return (key, read) => {
    const pending = inFlight.get(key)
    if (pending) return pending
    const started = read().finally(() => inFlight.delete(key))
    inFlight.set(key, started)
    return started
  }
}

/**
 * The store with readEntries and readSnapshotAbove shared between simultaneous identical calls.
 * What they return is only read by the connections (encoded into frames), never changed.
 * @param {import('./store.d.mts').RelayStore} store
 * @returns {import('./store.d.mts').RelayStore}
 */
export const shareReads = (store) => {
  const share = sharedWhileInFlight()
  // Everything else is the store's own, looked up at each call (not copied), so a store whose
  // methods are replaced later (a test counting HELLOs, say) is still the one used.
  /** @type {import('./store.d.mts').RelayStore} */
  const rest = Object.create(store)
  return Object.assign(rest, {
    readEntries: (/** @type {Buffer} */ room, /** @type {number} */ after, /** @type {{ maxEntries: number, maxBytes: number }} */ page) =>
      share(`entries:${room.toString('hex')}:${after}:${page.maxEntries}:${page.maxBytes}`, () => store.readEntries(room, after, page)),
    readSnapshotAbove: (/** @type {Buffer} */ room, /** @type {number} */ after) =>
      share(`snapshot:${room.toString('hex')}:${after}`, () => store.readSnapshotAbove(room, after))
  })
}
