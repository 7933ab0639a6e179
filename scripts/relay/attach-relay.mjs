// Serves the relay on an existing HTTP server at `path` (/relay), beside the app and /signal, so
// the app finds it at ws(s)://<its own host>/relay with no configuration. The store is the
// caller's (opened with open-store.mjs or directly) and stays open after close().
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { makeAddressCounter, remoteAddress } from '../net-limits.mjs'
import { handleRelayConnection } from './connection.mjs'
import { ERROR_CODE, MAX_CLIENT_FRAME_BYTES, encodeError } from './frames.mjs'
import { DEFAULT_RELAY_LIMITS } from './limits.mjs'
import { makeRoomFanout } from './room-fanout.mjs'
import { shareReads } from './shared-reads.mjs'

// ws's Node build, by path: where Node runs with the "browser" condition (vitest's unit
// project does), the package name alone resolves to ws's browser stub.
const require = createRequire(import.meta.url)
const { WebSocketServer } = require(join(dirname(require.resolve('ws/package.json')), 'index.js'))

export const RELAY_PATH = '/relay'

/** How long a refused connection gets to read its ERROR before its socket is closed. */
const REFUSED_LINGER_MS = 1_000

/**
 * @param {import('node:http').Server} server
 * @param {{ path?: string | null, store: import('./store.d.mts').RelayStore, limits?: Partial<import('./limits.d.mts').RelayLimits> }} options
 */
export const attachRelay = (server, { path = RELAY_PATH, store, limits: overrides = {} }) => {
  const limits = { ...DEFAULT_RELAY_LIMITS, ...overrides }
  const processId = randomBytes(8).toString('hex')
  const fanout = makeRoomFanout(store, processId)
  // A new entry wakes the whole room at once: their identical reads of it go to the database once.
  const connectionStore = shareReads(store)
  // Connections wait for LISTEN before HELLO is answered, so none can miss a notification.
  const ready = fanout.start()
  ready.catch(() => {})
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME_BYTES, perMessageDeflate: false })
  const perAddress = makeAddressCounter(limits.maxConnectionsPerAddress)
  /** @type {Set<ReturnType<typeof handleRelayConnection>>} */
  const connections = new Set()
  let nextConnection = 1
  let closing = false

  const refuse = (/** @type {import('ws').WebSocket} */ ws, /** @type {string} */ message) => {
    ws.send(encodeError(ERROR_CODE.TOO_MANY_CONNECTIONS, message), () => {})
    ws.close(1008)
    setTimeout(() => ws.terminate(), REFUSED_LINGER_MS).unref?.()
  }

  const accept = (/** @type {import('ws').WebSocket} */ ws, /** @type {string} */ address) => {
    if (closing) return ws.terminate()
    if (connections.size >= limits.maxConnections) return refuse(ws, 'This relay has as many connections as it can take.')
    if (!perAddress.acquire(address)) return refuse(ws, 'Too many connections from your address.')
    const connection = handleRelayConnection(ws, { store: connectionStore, fanout, limits, origin: `${processId}.${nextConnection++}`, ready })
    connections.add(connection)
    ws.once('close', () => {
      connections.delete(connection)
      perAddress.release(address)
    })
  }

  const onUpgrade = (
    /** @type {import('node:http').IncomingMessage} */ request,
    /** @type {import('node:stream').Duplex} */ socket,
    /** @type {Buffer} */ head
  ) => {
    let pathname = ''
    try {
      pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
    } catch {
      pathname = ''
    }
    if (path !== null && pathname !== path) {
      // Nobody else wants this upgrade: refuse it rather than leave the socket hanging.
      if (server.listeners('upgrade').length === 1) socket.destroy()
      return
    }
    if (closing) return void socket.destroy()
    const address = remoteAddress(request, limits.trustProxy)
    socket.on('error', () => socket.destroy())
    wss.handleUpgrade(request, socket, head, (/** @type {import('ws').WebSocket} */ ws) => accept(ws, address))
  }
  server.on('upgrade', onUpgrade)

  const heartbeat = setInterval(() => {
    for (const connection of connections) connection.heartbeat()
  }, limits.heartbeatMs)
  heartbeat.unref?.()

  return {
    ready,
    processId,
    connectionCount: () => connections.size,
    roomCount: () => fanout.roomCount(),
    async close() {
      if (closing) return
      closing = true
      server.off('upgrade', onUpgrade)
      clearInterval(heartbeat)
      for (const connection of connections) connection.terminate()
      await new Promise((resolve) => wss.close(() => resolve(undefined)))
      await ready.catch(() => {})
      await fanout.stop()
    }
  }
}
