// The relay on its own port, for a council that runs it apart from the app, and for tests that
// need it in a process of its own (to kill it, or to run two on one database):
//   PORT=4445 HOST=127.0.0.1 DATABASE_URL=postgres://… node scripts/relay-server.mjs
// Without DATABASE_URL it keeps its data with PGlite in MUTUAL_RELAY_DATA (or ./.mutual-relay).
// Limits come from MUTUAL_RELAY_* variables (scripts/relay/limits.mjs, README "Hosting the relay").
import http from 'node:http'
import { pathToFileURL } from 'node:url'
import { guardHttpServer } from './net-limits.mjs'
import { RELAY_PATH, attachRelay } from './relay/attach-relay.mjs'
import { relayLimitsFromEnv } from './relay/limits.mjs'
import { openRelayStoreFromEnv } from './relay/open-store.mjs'

/**
 * @param {{ host?: string, port?: number, store: import('./relay/store.d.mts').RelayStore, limits?: Partial<import('./relay/limits.d.mts').RelayLimits> }} options
 */
export const startRelayServer = async ({ host = '127.0.0.1', port = 4445, store, limits }) => {
  const server = http.createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
    response.end(`Mutual relay: connect with WebSocket at ${RELAY_PATH}.\n`)
  })
  guardHttpServer(server, { trustProxy: limits?.trustProxy ?? false, upgradedPerAddress: limits?.maxConnectionsPerAddress })
  const relay = attachRelay(server, { path: RELAY_PATH, store, limits })
  await relay.ready
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve(undefined))
  })
  const address = server.address()
  const boundPort = typeof address === 'object' && address ? address.port : port
  return {
    url: `ws://${host.includes(':') ? `[${host}]` : host}:${boundPort}${RELAY_PATH}`,
    relay,
    async close() {
      await relay.close()
      await new Promise((resolve) => server.close(() => resolve(undefined)))
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const limits = relayLimitsFromEnv(process.env)
  const { store, where } = await openRelayStoreFromEnv(process.env, limits)
  const running = await startRelayServer({
    host: process.env.HOST ?? '127.0.0.1',
    port: Number(process.env.PORT ?? 4445),
    store,
    limits
  })
  // Tests wait for this line (with the address) before they connect.
  console.log(`Mutual relay listening on ${running.url}\nStoring sealed entries with ${where}\nPress Ctrl+C to stop.`)
  const stop = () =>
    void running
      .close()
      .then(() => store.close())
      .then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
