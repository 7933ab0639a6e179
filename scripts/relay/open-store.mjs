// Opens the relay's store the way the host asked: a PostgreSQL server when DATABASE_URL is set,
// otherwise PGlite with its data in a folder (MUTUAL_RELAY_DATA, or .mutual-relay in the repo).
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openPgStore } from './pg-store.mjs'
import { openPgliteStore } from './pglite-store.mjs'

export const DEFAULT_RELAY_DATA_DIR = fileURLToPath(new URL('../../.mutual-relay', import.meta.url))

/** The database's address without its password, fit to print. */
export const describeDatabaseUrl = (/** @type {string} */ url) => {
  try {
    const parsed = new URL(url)
    return `PostgreSQL at ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`
  } catch {
    return 'PostgreSQL (DATABASE_URL)'
  }
}

/**
 * @param {{
 *   databaseUrl?: string,
 *   dataDir?: string,
 *   schema?: string,
 *   limits: Pick<import('./limits.d.mts').RelayLimits, 'maxRoomBytes' | 'maxRooms' | 'queryTimeoutMs'> & Partial<Pick<import('./limits.d.mts').RelayLimits, 'maxRoomFileBytes' | 'maxRoomFiles'>>
 * }} options
 */
export const openRelayStore = async ({ databaseUrl, dataDir, schema, limits }) => {
  const storeOptions = {
    schema,
    maxRoomBytes: limits.maxRoomBytes,
    maxRooms: limits.maxRooms,
    queryTimeoutMs: limits.queryTimeoutMs,
    maxRoomFileBytes: limits.maxRoomFileBytes,
    maxRoomFiles: limits.maxRoomFiles
  }
  if (databaseUrl) {
    return { store: await openPgStore({ ...storeOptions, connectionString: databaseUrl }), where: describeDatabaseUrl(databaseUrl) }
  }
  const folder = resolve(dataDir ?? DEFAULT_RELAY_DATA_DIR)
  return { store: await openPgliteStore({ ...storeOptions, dataDir: folder }), where: `PGlite in ${folder}` }
}

/**
 * The store named by the environment: DATABASE_URL, else MUTUAL_RELAY_DATA, else the default
 * folder; MUTUAL_RELAY_SCHEMA picks a PostgreSQL schema other than public (a database shared
 * with something else, or a test run of its own).
 * @param {Record<string, string | undefined>} env
 * @param {import('./limits.d.mts').RelayLimits} limits
 */
export const openRelayStoreFromEnv = (env, limits) =>
  openRelayStore({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.MUTUAL_RELAY_DATA || undefined,
    schema: env.MUTUAL_RELAY_SCHEMA || undefined,
    limits
  })
