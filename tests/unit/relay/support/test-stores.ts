// The two stores every relay test runs against: PGlite in a temporary folder, and a real
// PostgreSQL (MUTUAL_TEST_DATABASE_URL). Each store gets a schema of its own, so test runs
// sharing one database never see each other's rooms.
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import pg from 'pg'
import { DEFAULT_RELAY_LIMITS } from '../../../../scripts/relay/limits.mjs'
import { openPgStore } from '../../../../scripts/relay/pg-store.mjs'
import { openPgliteStore } from '../../../../scripts/relay/pglite-store.mjs'
import { openPgliteThread } from '../../../../scripts/relay/pglite-thread.mjs'
import type { RelayStore, StoreOptions } from '../../../../scripts/relay/store.mjs'
import { makeRelayDataDir } from '../../../e2e/support/relay-data-dir'

export const TEST_DATABASE_URL = process.env.MUTUAL_TEST_DATABASE_URL || 'postgres://mutual:mutual@127.0.0.1:5432/mutual_test'

/** A schema name no other run uses. */
export const uniqueSchema = (): string => `relay_test_${process.pid}_${randomBytes(4).toString('hex')}`

/** Fails (never skips) with how to start PostgreSQL when it cannot be reached. */
export const requirePostgres = async (url = TEST_DATABASE_URL): Promise<void> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
  } catch (error) {
    throw new Error(
      `The relay tests need PostgreSQL at ${url} and could not connect (${(error as Error).message}). ` +
        'Start it with `sudo scripts/test-postgres.sh` (Debian; CI runs it), or set MUTUAL_TEST_DATABASE_URL to a database ' +
        'where the user may create schemas.'
    )
  } finally {
    await client.end().catch(() => {})
  }
}

export type StoreKind = 'pglite' | 'postgres'
type Limits = Partial<Pick<StoreOptions, 'maxRoomBytes' | 'maxRooms' | 'queryTimeoutMs' | 'maxRoomFileBytes' | 'maxRoomFiles'>>

export interface TestDatabase {
  kind: StoreKind
  /** A store on this database in the given schema (a new schema when none is given). */
  open(limits?: Limits, schema?: string): Promise<RelayStore>
  /** Closes every store opened here, drops their schemas, and frees the database. */
  close(): Promise<void>
}

const storeOptions = (schema: string, limits: Limits): StoreOptions => ({
  schema,
  maxRoomBytes: limits.maxRoomBytes ?? DEFAULT_RELAY_LIMITS.maxRoomBytes,
  maxRooms: limits.maxRooms ?? DEFAULT_RELAY_LIMITS.maxRooms,
  queryTimeoutMs: limits.queryTimeoutMs ?? 60_000,
  maxRoomFileBytes: limits.maxRoomFileBytes,
  maxRoomFiles: limits.maxRoomFiles
})

/** One database for a test file: a PGlite folder, or schemas on the test PostgreSQL. */
export const openTestDatabase = async (kind: StoreKind): Promise<TestDatabase> => {
  const stores: RelayStore[] = []
  const schemas = new Set<string>()
  if (kind === 'postgres') {
    await requirePostgres()
    return {
      kind,
      async open(limits = {}, schema = uniqueSchema()) {
        schemas.add(schema)
        const store = await openPgStore({ ...storeOptions(schema, limits), connectionString: TEST_DATABASE_URL })
        stores.push(store)
        return store
      },
      async close() {
        for (const store of stores.splice(0)) await store.close()
        const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
        await client.connect()
        for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
        await client.end()
      }
    }
  }
  const folder = await makeRelayDataDir('mutual-relay-test-')
  const db = await openPgliteThread({ dataDir: folder })
  return {
    kind,
    async open(limits = {}, schema = uniqueSchema()) {
      const store = await openPgliteStore({ ...storeOptions(schema, limits), db })
      stores.push(store)
      return store
    },
    async close() {
      for (const store of stores.splice(0)) await store.close()
      await db.close()
      rmSync(folder, { recursive: true, force: true })
    }
  }
}
