// The relay for e2e tests: the built app, signalling and the relay on one loopback port, in this
// process (as `npm start` runs them), with the relay's PGlite in a temporary folder.
import { rmSync } from 'node:fs'
import { RELAY_PATH, attachRelay } from '../../../scripts/relay/attach-relay.mjs'
import { DEFAULT_RELAY_LIMITS, type RelayLimits } from '../../../scripts/relay/limits.mjs'
import { openRelayStore } from '../../../scripts/relay/open-store.mjs'
import type { RelayStore } from '../../../scripts/relay/store.mjs'
import { makeRelayDataDir, seedRelayDataDir } from './relay-data-dir'
import { startSyncedAppServer, type SyncedAppServer } from './signalling'

export interface RelayedAppServer extends SyncedAppServer {
  /** Where the app finds the relay by itself: ws://127.0.0.1:PORT/relay */
  relayUrl: string
  /** The relay's PGlite folder (removed by close() unless the caller chose it). */
  relayDataDir: string
  /** The relay's store, to read what it holds (tests only). */
  relayStore(): RelayStore
}

/** Loopback tests open many connections from one address; the relay's default is 64. */
export const TEST_RELAY_LIMITS: Partial<RelayLimits> = { maxConnectionsPerAddress: 1_000 }

/**
 * The app, signalling and the relay on one loopback port. Pass `dataDir` to keep the relay's data
 * across a restart of this server (the caller then removes the folder), `databaseUrl` to use
 * PostgreSQL instead of PGlite, with `schema` to keep this run's rooms apart from others'.
 */
export const startRelayedAppServer = async (
  options: { dataDir?: string; databaseUrl?: string; schema?: string; limits?: Partial<RelayLimits> } = {}
): Promise<RelayedAppServer> => {
  // An empty folder of the caller's starts, as a new one does, from the run's ready-made cluster.
  const relayDataDir = options.dataDir ?? (await makeRelayDataDir())
  if (options.dataDir && !options.databaseUrl) await seedRelayDataDir(options.dataDir)
  const limits = { ...DEFAULT_RELAY_LIMITS, ...TEST_RELAY_LIMITS, ...options.limits }
  let opened: RelayStore | null = null
  try {
    const app = await startSyncedAppServer({
      alsoAttach: async (server) => {
        const { store } = await openRelayStore({ databaseUrl: options.databaseUrl, dataDir: relayDataDir, schema: options.schema, limits })
        opened = store
        const relay = attachRelay(server, { path: RELAY_PATH, store, limits })
        await relay.ready
        return async () => {
          await relay.close()
          await store.close()
        }
      }
    })
    return {
      ...app,
      relayUrl: new URL(RELAY_PATH, app.url.replace(/^http/, 'ws')).toString(),
      relayDataDir,
      relayStore: () => {
        if (!opened) throw new Error('The relay store is not open')
        return opened
      },
      async close() {
        await app.close()
        if (!options.dataDir) rmSync(relayDataDir, { recursive: true, force: true })
      }
    }
  } catch (error) {
    if (!options.dataDir) rmSync(relayDataDir, { recursive: true, force: true })
    throw error
  }
}
