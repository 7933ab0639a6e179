// Bookkeeping that keeps one client from taking a Node WebSocket server for itself, shared by the
// signalling server and the relay: a token bucket for rates (frames or bytes per second), a
// counter of open connections per address, and the address a request came from.

/**
 * A token bucket: `take(n)` succeeds while the client stays under `perSecond` on average, with
 * bursts up to `burst`. Refilled lazily from the clock, so an idle bucket costs nothing.
 * @param {{ perSecond: number, burst: number, now?: () => number }} options
 */
export const makeTokenBucket = ({ perSecond, burst, now = Date.now }) => {
  let tokens = burst
  let refilledAt = now()
  return {
    /** Whether `cost` tokens were available (and are now spent). */
    take(cost = 1) {
      const at = now()
      tokens = Math.min(burst, tokens + ((at - refilledAt) / 1000) * perSecond)
      refilledAt = at
      if (tokens < cost) return false
      tokens -= cost
      return true
    }
  }
}

/**
 * Open connections per address, each address capped at `maxPerAddress`. An address with no open
 * connection is forgotten, so the map holds only live addresses.
 * @param {number} maxPerAddress
 */
export const makeAddressCounter = (maxPerAddress) => {
  /** @type {Map<string, number>} */
  const open = new Map()
  return {
    /** Counts a new connection from `address`, or returns false (and counts nothing) at the cap. */
    acquire(address) {
      const count = open.get(address) ?? 0
      if (count >= maxPerAddress) return false
      open.set(address, count + 1)
      return true
    },
    release(address) {
      const count = open.get(address) ?? 0
      if (count <= 1) open.delete(address)
      else open.set(address, count - 1)
    },
    count: (address) => open.get(address) ?? 0,
    addressCount: () => open.size
  }
}

/**
 * The client's address. Behind a reverse proxy every connection comes from the proxy, so with
 * `trustProxy` the address the proxy appended last to X-Forwarded-For is used instead (only the
 * proxy's own entry can be trusted: a client can write anything before it).
 * @param {import('node:http').IncomingMessage} request
 * @param {boolean} [trustProxy]
 */
export const remoteAddress = (request, trustProxy = false) => {
  if (trustProxy) {
    const header = request.headers['x-forwarded-for']
    const value = Array.isArray(header) ? header[header.length - 1] : header
    const last = value?.split(',').pop()?.trim()
    if (last && last.length <= 64) return last
  }
  return request.socket?.remoteAddress ?? 'unknown'
}
