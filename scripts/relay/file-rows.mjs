// The relay store's sealed files (docs/relay-protocol.md, "Files"): each file is rows of parts
// under (room, opaque id, part), with the sealed file's total size on every row. A file is held
// once all its parts are there. Parts are written under the room's row lock, so the room's file
// quota (bytes and count) holds however many connections upload at once. A part already stored
// is left as it is: every device seals the same file to the same bytes, so a second upload of
// it, or the same part sent again after a lost ACK, changes nothing.
import { FILE_PART_BYTES } from './file-frames.mjs'

const toNumber = (/** @type {unknown} */ value) => (value === null || value === undefined ? 0 : Number(value))

/**
 * @param {{
 *   driver: import('./store.d.mts').SqlDriver,
 *   files: string,
 *   blob: import('./store.d.mts').BlobCodec,
 *   bounded: <T>(work: () => Promise<T>) => Promise<T>,
 *   lockRoom: (tx: import('./store.d.mts').SqlRunner, room: Buffer) => Promise<unknown>,
 *   maxRoomFileBytes: number,
 *   maxRoomFiles: number
 * }} context
 * @returns {Pick<import('./store.d.mts').RelayStore, 'filesHeld' | 'putFilePart' | 'readFilePart' | 'roomFiles'>}
 */
export const makeFileRows = ({ driver, files, blob, bounded, lockRoom, maxRoomFileBytes, maxRoomFiles }) => {
  /** Ids as hex text: one text[] parameter works the same on pg and PGlite. */
  const heldIds = async (/** @type {import('./store.d.mts').SqlRunner} */ runner, /** @type {Buffer} */ room, /** @type {Buffer[]} */ ids) => {
    const { rows } = await runner.query(
      `SELECT encode(id, 'hex') AS id FROM ${files}
       WHERE room = $1 AND id IN (SELECT decode(h, 'hex') FROM unnest($2::text[]) AS h)
       GROUP BY id, total HAVING count(*) = ceil(total / $3::float8)`,
      [room, ids.map((id) => id.toString('hex')), FILE_PART_BYTES]
    )
    return new Set(rows.map((row) => String(row.id)))
  }

  return {
    filesHeld: (room, ids) =>
      bounded(async () => {
        if (ids.length === 0) return []
        const held = await heldIds(driver, room, ids)
        return ids.map((id) => held.has(id.toString('hex')))
      }),

    putFilePart: (room, id, total, part, slice) =>
      bounded(() =>
        driver.transaction(async (tx) => {
          if (!(await lockRoom(tx, room))) return { ok: false, reason: 'full', message: 'This relay holds as many rooms as it may.' }
          const { rows } = await tx.query(
            `SELECT coalesce(sum(bytes), 0) AS bytes, count(DISTINCT id) AS files,
               bool_or(id = $2) AS known, bool_or(id = $2 AND total <> $3) AS disagrees, bool_or(id = $2 AND part = $4) AS stored
             FROM ${files} WHERE room = $1`,
            [room, id, total, part]
          )
          const usage = rows[0] ?? {}
          if (usage.disagrees) return { ok: false, reason: 'refused', message: 'This file’s parts disagree about its size.' }
          if (!usage.stored) {
            if (!usage.known && toNumber(usage.files) >= maxRoomFiles) {
              return { ok: false, reason: 'full', message: 'This room holds as many files as the relay allows.' }
            }
            if (toNumber(usage.bytes) + slice.length > maxRoomFileBytes) {
              return { ok: false, reason: 'full', message: 'This room’s files take all the space the relay allows.' }
            }
            await tx.query(
              `INSERT INTO ${files} (room, id, part, total, body, bytes) VALUES ($1, $2, $3, $4, ${blob.param(5)}, $6)`,
              [room, id, part, total, blob.value(slice), slice.length]
            )
          }
          return { ok: true, complete: (await heldIds(tx, room, [id])).size === 1 }
        })
      ),

    readFilePart: (room, id, part) =>
      bounded(async () => {
        const { rows } = await driver.query(
          `SELECT total, ${blob.column('body')} AS body FROM ${files} WHERE room = $1 AND id = $2 AND part = $3`,
          [room, id, part]
        )
        const row = rows[0]
        return row ? { total: toNumber(row.total), slice: blob.read(row.body) } : null
      }),

    roomFiles: (room) =>
      bounded(async () => {
        const { rows } = await driver.query(`SELECT count(DISTINCT id) AS files, coalesce(sum(bytes), 0) AS bytes FROM ${files} WHERE room = $1`, [room])
        return { files: toNumber(rows[0]?.files), bytes: toNumber(rows[0]?.bytes) }
      })
  }
}
