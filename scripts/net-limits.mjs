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

/**
 * Bounds for the HTTP server under the WebSocket endpoints. The per-address limits above count
 * connections only once they are upgraded, so without these a client could hold thousands of
 * sockets open by sending its request headers a byte at a time (slowloris). Caps sockets in total
 * and per address (the per-address cap is skipped behind a trusted proxy, whose sockets all come
 * from one address), and gives a request's headers a short time to arrive.
 * `upgradedPerAddress` is the WebSocket limit per address: a browser also holds a few plain
 * sockets for the app's files, and a council office behind one NAT address holds many browsers,
 * so sockets per address may be several times that.
 * @param {import('node:http').Server} server
 * @param {{ maxSockets?: number, upgradedPerAddress?: number, maxSocketsPerAddress?: number, headersTimeoutMs?: number, trustProxy?: boolean }} [options]
 */
export const guardHttpServer = (server, options = {}) => {
  const { maxSockets = 4_096, upgradedPerAddress = 64, headersTimeoutMs = 10_000, trustProxy = false } = options
  const maxSocketsPerAddress = options.maxSocketsPerAddress ?? upgradedPerAddress * 4 + 64
  server.headersTimeout = headersTimeoutMs
  // A plain request (the app's files) must finish in this time; upgraded sockets are not affected.
  server.requestTimeout = Math.max(headersTimeoutMs, 30_000)
  const perAddress = makeAddressCounter(maxSocketsPerAddress)
  let open = 0
  const onConnection = (/** @type {import('node:net').Socket} */ socket) => {
    const address = socket.remoteAddress ?? 'unknown'
    if (open >= maxSockets || (!trustProxy && !perAddress.acquire(address))) {
      socket.destroy()
      return
    }
    open++
    socket.once('close', () => {
      open--
      if (!trustProxy) perAddress.release(address)
    })
  }
  // Node checks headersTimeout only every 30 s (connectionsCheckingInterval, fixed when the
  // server is made, and vite's preview makes it): a socket that has not finished its first
  // request's headers in time is closed here instead.
  const awaitingHeaders = new WeakMap()
  const onFirstRequest = (/** @type {import('node:http').IncomingMessage} */ request) => {
    const timer = awaitingHeaders.get(request.socket)
    if (timer) clearTimeout(timer)
    awaitingHeaders.delete(request.socket)
  }
  const watchHeaders = (/** @type {import('node:net').Socket} */ socket) => {
    if (socket.destroyed) return
    const timer = setTimeout(() => socket.destroy(), headersTimeoutMs)
    timer.unref?.()
    awaitingHeaders.set(socket, timer)
    socket.once('close', () => clearTimeout(timer))
  }
  server.on('connection', onConnection)
  server.on('connection', watchHeaders)
  server.on('request', onFirstRequest)
  server.on('upgrade', onFirstRequest)
  return {
    openSockets: () => open,
    dispose: () => {
      server.off('connection', onConnection)
      server.off('connection', watchHeaders)
      server.off('request', onFirstRequest)
      server.off('upgrade', onFirstRequest)
    }
  }
}
