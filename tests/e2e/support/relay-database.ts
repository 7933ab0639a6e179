// The relay's database as the tests see it from outside the relay: the bytes it holds (to search
// for anything readable) and its entries (to alter one, as a dishonest host could). PGlite's
// folder belongs to one process at a time, so the relay process must be stopped while a PGlite
// database is open here.
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'

export { TEST_DATABASE_URL } from '../../unit/relay/support/test-stores'

/** Where a relay keeps its data: a PGlite folder, or a schema of its own on the test PostgreSQL. */
export type RelayDatabase = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; databaseUrl: string; schema: string }

/** A schema no other run uses. */
export const uniqueRelaySchema = (): string => `relay_e2e_${process.pid}_${randomBytes(4).toString('hex')}`

/** The relay process's options for this database (see startRelayProcess). */
export const relayProcessOptions = (database: RelayDatabase) =>
  database.kind === 'pglite' ? { dataDir: database.dataDir } : { databaseUrl: database.databaseUrl, schema: database.schema }

interface Sql {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>
  close(): Promise<void>
}

const openSql = async (database: RelayDatabase): Promise<{ sql: Sql; schema: string }> => {
  if (database.kind === 'pglite') {
    const db = await PGlite.create({ dataDir: database.dataDir })
    return { sql: { query: (text, params) => db.query(text, params), close: () => db.close() }, schema: 'public' }
  }
  const client = new pg.Client({ connectionString: database.databaseUrl })
  await client.connect()
  return {
    sql: { query: (text, params) => client.query(text, params as unknown[]) as never, close: () => client.end() },
    schema: database.schema
  }
}

const withSql = async <T>(database: RelayDatabase, work: (sql: Sql, schema: string) => Promise<T>): Promise<T> => {
  const { sql, schema } = await openSql(database)
  try {
    return await work(sql, schema)
  } finally {
    await sql.close()
  }
}

/** The highest seq of any room (0 when empty). */
export const relayHead = (database: RelayDatabase): Promise<number> =>
  withSql(database, async (sql, schema) => {
    const { rows } = await sql.query<{ head: unknown }>(`SELECT coalesce(max(head), 0) AS head FROM "${schema}".relay_rooms`)
    return Number(rows[0]?.head ?? 0)
  })

/**
 * Flips one byte inside the ciphertext of every entry above `afterSeq`, as a dishonest host or
 * a damaged disk could. Answers how many entries were altered.
 */
export const alterEntriesAfter = (database: RelayDatabase, afterSeq: number): Promise<number> =>
  withSql(database, async (sql, schema) => {
    // Byte 20 is past the seal's version and IV (13 bytes), inside the ciphertext.
    const { rows } = await sql.query<{ n: unknown }>(
      `WITH altered AS (
         UPDATE "${schema}".relay_entries
         SET body = set_byte(body, 20, (get_byte(body, 20) # 255))
         WHERE seq > $1 RETURNING 1
       ) SELECT count(*) AS n FROM altered`,
      [afterSeq]
    )
    return Number(rows[0]?.n ?? 0)
  })

/** Every sealed blob the relay's tables hold: each entry's body and each room's snapshot. */
export const relayStoredBlobs = (database: RelayDatabase): Promise<Buffer[]> =>
  withSql(database, async (sql, schema) => {
    const entries = await sql.query<{ body: Uint8Array }>(`SELECT body FROM "${schema}".relay_entries`)
    const snapshots = await sql.query<{ snapshot: Uint8Array }>(`SELECT snapshot FROM "${schema}".relay_rooms WHERE snapshot IS NOT NULL`)
    return [...entries.rows.map((r) => r.body), ...snapshots.rows.map((r) => r.snapshot)].map((bytes) => Buffer.from(bytes))
  })

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })

/**
 * Every byte the relay's database holds for the relay: for PGlite, every file in its folder
 * (tables, indexes and the write-ahead log); for PostgreSQL, every column of the relay's tables.
 */
export const relayDatabaseBytes = async (database: RelayDatabase): Promise<Buffer> => {
  if (database.kind === 'pglite') return Buffer.concat(filesUnder(database.dataDir).map((file) => readFileSync(file)))
  return withSql(database, async (sql, schema) => {
    const rooms = await sql.query<Record<string, unknown>>(`SELECT * FROM "${schema}".relay_rooms`)
    const entries = await sql.query<Record<string, unknown>>(`SELECT * FROM "${schema}".relay_entries`)
    const files = await sql.query<Record<string, unknown>>(`SELECT * FROM "${schema}".relay_files`)
    const cells = [...rooms.rows, ...entries.rows, ...files.rows].flatMap((row) => Object.values(row))
    return Buffer.concat(cells.map((cell) => (Buffer.isBuffer(cell) ? cell : Buffer.from(String(cell), 'utf8'))))
  })
}

/** Drops a PostgreSQL relay's schema (after the test); nothing for PGlite, whose folder the caller removes. */
export const dropRelayDatabase = async (database: RelayDatabase): Promise<void> => {
  if (database.kind !== 'postgres') return
  await withSql(database, (sql, schema) => sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).then(() => undefined))
}
