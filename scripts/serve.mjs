// Serves the built app (dist/, or MUTUAL_DIST) on loopback, with the signalling server at /signal
// and the relay at /relay on the same port, and prints their addresses. `npm start` builds first.
// The app finds both next to itself, so two browser windows sync with no configuration. The relay
// keeps its sealed entries with PGlite in MUTUAL_RELAY_DATA (default ./.mutual-relay), or in
// PostgreSQL when DATABASE_URL is set.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { preview } from 'vite'
import { appSecurityHeaders } from './content-security-policy.mjs'
import { guardHttpServer } from './net-limits.mjs'
import { RELAY_PATH, attachRelay } from './relay/attach-relay.mjs'
import { relayLimitsFromEnv } from './relay/limits.mjs'
import { openRelayStoreFromEnv } from './relay/open-store.mjs'
import { attachSignalling, SIGNALLING_PATH } from './signalling-server.mjs'

const port = Number(process.env.PORT ?? 4173)
const limits = relayLimitsFromEnv(process.env)
const { store, where } = await openRelayStoreFromEnv(process.env, limits)
const root = new URL('..', import.meta.url).pathname
const outDir = process.env.MUTUAL_DIST ?? 'dist'
// The built page's own policy, with frame-ancestors, which only a header can carry.
const headers = appSecurityHeaders(readFileSync(resolve(root, outDir, 'index.html'), 'utf8'))
const server = await preview({
  configFile: false,
  root,
  build: { outDir },
  preview: { host: '127.0.0.1', port, strictPort: false, open: false, headers },
  logLevel: 'warn'
})
const httpServer = /** @type {import('node:http').Server} */ (server.httpServer)
guardHttpServer(httpServer, { trustProxy: limits.trustProxy, upgradedPerAddress: limits.maxConnectionsPerAddress })
// One per-address limit, and one proxy setting, for both sockets (MUTUAL_RELAY_* variables).
const signalling = attachSignalling(httpServer, {
  path: SIGNALLING_PATH,
  maxConnectionsPerAddress: limits.maxConnectionsPerAddress,
  trustProxy: limits.trustProxy
})
const relay = attachRelay(httpServer, { path: RELAY_PATH, store, limits })
await relay.ready
const address = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`
const socketAddress = (/** @type {string} */ path) => new URL(path, address.replace(/^http/, 'ws')).toString()
console.log(
  `\nMutual is running at ${address}\n` +
    `Live sync (signalling) at ${socketAddress(SIGNALLING_PATH)}\n` +
    `Relay at ${socketAddress(RELAY_PATH)}, keeping sealed entries with ${where}\n` +
    'Press Ctrl+C to stop.\n'
)

const stop = async () => {
  await relay.close()
  await signalling.close()
  await server.close()
  await store.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
