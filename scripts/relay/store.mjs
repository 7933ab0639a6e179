// The relay's store: one room's log of sealed entries, its snapshot, and the notifications that
// tell every relay process about new entries and presence. Written once over a small SQL driver
// (pglite-store.mjs: PGlite in a folder; pg-store.mjs: a PostgreSQL server), so both behave alike.
//
// Order and durability (docs/relay-protocol.md, "Storage and order"): an append locks its room's
// row (SELECT … FOR UPDATE), takes head + 1 as its seq and commits; so seq order is commit order
// and seqs have no gaps. NOTIFY is sent inside that transaction, so PostgreSQL delivers it only
// once the entry is committed. A compaction deletes only entries at or below what its snapshot
// covers, under the same lock, so an entry appended at the same moment (a higher seq) survives.

import { createHash } from 'node:crypto'
import { makeFileRows } from './file-rows.mjs'

/** Sealed attachment bytes one room may hold, and how many files: a lab's 500 MB per device
 * twice over, and about 2,000 photos five times over. */
export const DEFAULT_MAX_ROOM_FILE_BYTES = 1024 * 1024 * 1024
export const DEFAULT_MAX_ROOM_FILES = 10_000

/** Quota answers are values; a thrown error always means the database is unavailable. */
export class RelayUnavailableError extends Error {
  /** @param {string} message @param {unknown} [cause] */
  constructor(message, cause) {
    super(message, { cause })
    this.name = 'RelayUnavailableError'
  }
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,40}$/
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
export const MAX_NOTIFY_PAYLOAD_BYTES = 7999

/** The room id for a HELLO token: SHA-256(token). The relay never keeps the token itself. */
export const roomIdForToken = (/** @type {Uint8Array} */ token) => createHash('sha256').update(token).digest()

/** int8 comes back as a string (pg), a bigint or a number (PGlite); the protocol keeps it < 2^53. */
const toNumber = (/** @type {unknown} */ value) => (value === null || value === undefined ? 0 : Number(value))
const toBuffer = (/** @type {Uint8Array} */ bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

/** Sealed blobs as bytea parameters and columns, as they are: right for node-postgres, which
 * sends a Buffer as a binary parameter. */
export const PLAIN_BLOBS = Object.freeze({
  param: (/** @type {number} */ index) => `$${index}`,
  value: (/** @type {Uint8Array} */ bytes) => bytes,
  column: (/** @type {string} */ name) => name,
  read: (/** @type {Uint8Array} */ value) => toBuffer(value)
})

/** Sealed blobs through base64 text, encoded and decoded by PostgreSQL and by Node natively:
 * PGlite (0.6) turns bytea parameters and results into JavaScript byte by byte, about 20 s for
 * a 4 MiB entry, all of it blocking the event loop; base64 takes a small fraction of that. */
export const BASE64_BLOBS = Object.freeze({
  param: (/** @type {number} */ index) => `decode($${index}, 'base64')`,
  value: (/** @type {Uint8Array} */ bytes) => toBuffer(bytes).toString('base64'),
  column: (/** @type {string} */ name) => `encode(${name}, 'base64')`,
  read: (/** @type {string} */ value) => Buffer.from(value, 'base64')
})

/**
 * @param {string} schema
 * @returns {{ rooms: string, entries: string, files: string, entryChannel: string, presenceChannel: string, lockKey: number }}
 */
const namesFor = (schema) => {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`The relay's schema name "${schema}" must be lower-case letters, digits and _.`)
  // Channels are per database, not per schema: a schema of its own (tests) gets channels of its own.
  const suffix = schema === 'public' ? '' : `__${schema}`
  return {
    rooms: `"${schema}".relay_rooms`,
    entries: `"${schema}".relay_entries`,
    files: `"${schema}".relay_files`,
    entryChannel: `mutual_relay${suffix}`,
    presenceChannel: `mutual_relay_presence${suffix}`,
    // Serialises schema creation and room creation (the room quota) across processes.
    lockKey: createHash('sha256').update(`mutual-relay:${schema}`).digest().readInt32BE(0)
  }
}

/**
 * @param {import('./store.d.mts').SqlDriver} driver
 * @param {{ schema?: string, maxRoomBytes: number, maxRooms: number, queryTimeoutMs: number }} options
 * @returns {Promise<import('./store.d.mts').RelayStore>}
 */
export const makeRelayStore = async (
  driver,
  { schema = 'public', maxRoomBytes, maxRooms, queryTimeoutMs, maxRoomFileBytes = DEFAULT_MAX_ROOM_FILE_BYTES, maxRoomFiles = DEFAULT_MAX_ROOM_FILES }
) => {
  const names = namesFor(schema)
  const { rooms, entries } = names
  const blob = driver.blob

  /**
   * Every call is bounded in time: past the deadline the caller hears "unavailable" (the work
   * may still finish; an append that commits late is resent by its device, which is harmless).
   * @template T @param {() => Promise<T>} work @returns {Promise<T>}
   */
  const bounded = (work) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new RelayUnavailableError('The relay database did not answer in time.')), queryTimeoutMs)
      work().then(
        (value) => {
          clearTimeout(timer)
          resolve(value)
        },
        (error) => {
          clearTimeout(timer)
          reject(error instanceof RelayUnavailableError ? error : new RelayUnavailableError('The relay database is unavailable.', error))
        }
      )
    })

  await bounded(() =>
    driver.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [names.lockKey])
      await tx.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`)
      await tx.query(`CREATE TABLE IF NOT EXISTS ${rooms} (
        id bytea PRIMARY KEY,
        head bigint NOT NULL DEFAULT 0,
        snapshot_covers bigint NOT NULL DEFAULT 0,
        snapshot bytea,
        snapshot_bytes bigint NOT NULL DEFAULT 0,
        log_entries bigint NOT NULL DEFAULT 0,
        log_bytes bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`)
      await tx.query(`CREATE TABLE IF NOT EXISTS ${entries} (
        room bytea NOT NULL REFERENCES ${rooms} (id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        body bytea NOT NULL,
        bytes integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (room, seq)
      )`)
      // Sealed blobs are ciphertext: trying to compress them only costs time.
      await tx.query(`ALTER TABLE ${entries} ALTER COLUMN body SET STORAGE EXTERNAL`)
      await tx.query(`ALTER TABLE ${rooms} ALTER COLUMN snapshot SET STORAGE EXTERNAL`)
      // Added in the file frames' release: CREATE … IF NOT EXISTS is this table's migration.
      await tx.query(`CREATE TABLE IF NOT EXISTS ${names.files} (
        room bytea NOT NULL REFERENCES ${rooms} (id) ON DELETE CASCADE,
        id bytea NOT NULL,
        part smallint NOT NULL,
        total integer NOT NULL,
        body bytea NOT NULL,
        bytes integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (room, id, part)
      )`)
      await tx.query(`ALTER TABLE ${names.files} ALTER COLUMN body SET STORAGE EXTERNAL`)
    })
  )

  /** Locks the room's row (creating the room within the quota), or answers null when full. */
  const lockRoom = async (/** @type {import('./store.d.mts').SqlRunner} */ tx, /** @type {Buffer} */ room) => {
    const select = `SELECT head, snapshot_covers, snapshot_bytes, log_bytes FROM ${rooms} WHERE id = $1 FOR UPDATE`
    const found = await tx.query(select, [room])
    if (found.rows[0]) return found.rows[0]
    await tx.query('SELECT pg_advisory_xact_lock($1)', [names.lockKey])
    const counted = await tx.query(`SELECT count(*) AS n, bool_or(id = $1) AS present FROM ${rooms}`, [room])
    if (!counted.rows[0]?.present) {
      if (toNumber(counted.rows[0]?.n) >= maxRooms) return null
      await tx.query(`INSERT INTO ${rooms} (id) VALUES ($1) ON CONFLICT DO NOTHING`, [room])
    }
    return (await tx.query(select, [room])).rows[0] ?? null
  }

  return {
    schema,

    roomState: (room) =>
      bounded(async () => {
        const { rows } = await driver.query(
          `SELECT head, snapshot_covers, log_entries, log_bytes FROM ${rooms} WHERE id = $1`,
          [room]
        )
        const row = rows[0]
        return {
          head: toNumber(row?.head),
          snapshotCovers: toNumber(row?.snapshot_covers),
          logEntries: toNumber(row?.log_entries),
          logBytes: toNumber(row?.log_bytes)
        }
      }),

    append: (room, sealed) =>
      bounded(() =>
        driver.transaction(async (tx) => {
          const row = await lockRoom(tx, room)
          if (!row) return { ok: false, reason: 'full', message: 'This relay holds as many rooms as it may.' }
          if (toNumber(row.snapshot_bytes) + toNumber(row.log_bytes) + sealed.length > maxRoomBytes) {
            return { ok: false, reason: 'full', message: 'This room is full: it holds as much as the relay allows.' }
          }
          const seq = toNumber(row.head) + 1
          await tx.query(
            `UPDATE ${rooms} SET head = $2, log_entries = log_entries + 1, log_bytes = log_bytes + $3, updated_at = now() WHERE id = $1`,
            [room, seq, sealed.length]
          )
          await tx.query(`INSERT INTO ${entries} (room, seq, body, bytes) VALUES ($1, $2, ${blob.param(3)}, $4)`, [
            room,
            seq,
            blob.value(sealed),
            sealed.length
          ])
          await tx.query('SELECT pg_notify($1, $2)', [names.entryChannel, `${room.toString('hex')}:${seq}`])
          return { ok: true, seq }
        })
      ),

    compact: (room, covers, sealed) =>
      bounded(() =>
        driver.transaction(async (tx) => {
          const { rows } = await tx.query(`SELECT head, snapshot_covers, log_bytes FROM ${rooms} WHERE id = $1 FOR UPDATE`, [room])
          const row = rows[0]
          if (!row || covers <= toNumber(row.snapshot_covers) || covers > toNumber(row.head)) {
            return { ok: false, reason: 'refused', message: 'Compaction refused: it must cover more than the last snapshot, and no more than the log holds.' }
          }
          const covered = await tx.query(
            `SELECT count(*) AS n, coalesce(sum(bytes), 0) AS bytes FROM ${entries} WHERE room = $1 AND seq <= $2`,
            [room, covers]
          )
          const coveredEntries = toNumber(covered.rows[0]?.n)
          const remainingLogBytes = toNumber(row.log_bytes) - toNumber(covered.rows[0]?.bytes)
          if (remainingLogBytes + sealed.length > maxRoomBytes) {
            return { ok: false, reason: 'full', message: 'This room is full: the snapshot would take it over the relay’s limit.' }
          }
          await tx.query(`DELETE FROM ${entries} WHERE room = $1 AND seq <= $2`, [room, covers])
          await tx.query(
            `UPDATE ${rooms} SET snapshot = ${blob.param(2)}, snapshot_covers = $3, snapshot_bytes = $4,
               log_entries = log_entries - $5, log_bytes = $6, updated_at = now() WHERE id = $1`,
            [room, blob.value(sealed), covers, sealed.length, coveredEntries, remainingLogBytes]
          )
          // Tells live connections still behind `covers` that their next entries are in a snapshot.
          await tx.query('SELECT pg_notify($1, $2)', [names.entryChannel, `${room.toString('hex')}:${covers}`])
          return { ok: true }
        })
      ),

    readSnapshotAbove: (room, after) =>
      bounded(async () => {
        const { rows } = await driver.query(
          `SELECT snapshot_covers, ${blob.column('snapshot')} AS snapshot FROM ${rooms}
           WHERE id = $1 AND snapshot_covers > $2 AND snapshot IS NOT NULL`,
          [room, after]
        )
        const row = rows[0]
        return row ? { covers: toNumber(row.snapshot_covers), sealed: blob.read(row.snapshot) } : null
      }),

    readEntries: (room, after, { maxEntries, maxBytes }) =>
      bounded(async () => {
        // Sizes first (no bodies read), to stop the page at maxBytes; then the page's bodies.
        const sizes = await driver.query(
          `SELECT seq, bytes FROM ${entries} WHERE room = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
          [room, after, maxEntries]
        )
        if (sizes.rows.length === 0) return { entries: [], more: false }
        let last = toNumber(sizes.rows[0].seq)
        let total = 0
        let counted = 0
        for (const row of sizes.rows) {
          total += toNumber(row.bytes)
          if (counted > 0 && total > maxBytes) break
          last = toNumber(row.seq)
          counted += 1
        }
        const bodies = await driver.query(
          `SELECT seq, ${blob.column('body')} AS body FROM ${entries} WHERE room = $1 AND seq > $2 AND seq <= $3 ORDER BY seq`,
          [room, after, last]
        )
        return {
          entries: bodies.rows.map((row) => ({ seq: toNumber(row.seq), sealed: blob.read(row.body) })),
          more: counted < sizes.rows.length || sizes.rows.length === maxEntries
        }
      }),

    ...makeFileRows({ driver, files: names.files, blob, bounded, lockRoom, maxRoomFileBytes, maxRoomFiles }),

    publishPresence: async (payloads) => {
      if (payloads.length === 0 || payloads.some((payload) => Buffer.byteLength(payload) > MAX_NOTIFY_PAYLOAD_BYTES)) return false
      // One statement: the notices are delivered together, in order, when it commits.
      await bounded(() => driver.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) WITH ORDINALITY AS p(payload, n) ORDER BY n', [names.presenceChannel, payloads]))
      return true
    },

    subscribe: async ({ onEntry, onPresence, onResync }) => {
      const stops = [
        await driver.listen(names.entryChannel, onEntry, onResync),
        await driver.listen(names.presenceChannel, onPresence)
      ]
      return async () => {
        for (const stop of stops) await stop()
      }
    },

    dropSchema: () => bounded(() => driver.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).then(() => undefined)),

    close: () => driver.close()
  }
}
