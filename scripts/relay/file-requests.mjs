// A relay connection's answers to the file frames (docs/relay-protocol.md, "Files"): which files
// the room holds, storing a part, and sending a whole file back part by part. Each answer waits
// for its frame to reach the socket, so a download is paced by the client's reading.
import { FILE_PART_BYTES, encodeFileHeld, encodeFileNone, encodeFilePart } from './file-frames.mjs'
import { ERROR_CODE, PROTOCOL_VERSION, encodeAck, encodeError } from './frames.mjs'

/**
 * @param {{
 *   store: import('./store.d.mts').RelayStore,
 *   room: () => Buffer,
 *   send: (bytes: Buffer) => Promise<unknown>
 * }} context
 */
export const makeFileRequests = ({ store, room, send }) => ({
  has: async (/** @type {number} */ ref, /** @type {Buffer[]} */ ids) => {
    await send(encodeFileHeld(ref, await store.filesHeld(room(), ids), PROTOCOL_VERSION))
  },

  /** A refused part leaves the connection open: the device stops uploading to this relay. */
  put: async (/** @type {number} */ ref, /** @type {Buffer} */ id, /** @type {number} */ total, /** @type {number} */ part, /** @type {Buffer} */ slice) => {
    const result = await store.putFilePart(room(), id, total, part, slice)
    if (result.ok) await send(encodeAck(ref, result.complete ? 1 : 0))
    else await send(encodeError(result.reason === 'full' ? ERROR_CODE.FULL : ERROR_CODE.MALFORMED, result.message, ref))
  },

  get: async (/** @type {number} */ ref, /** @type {Buffer} */ id) => {
    const [held] = await store.filesHeld(room(), [id])
    if (!held) return void (await send(encodeFileNone(ref, PROTOCOL_VERSION)))
    for (let part = 0; ; part++) {
      const found = await store.readFilePart(room(), id, part)
      if (!found) return void (await send(encodeFileNone(ref, PROTOCOL_VERSION)))
      if (!(await send(encodeFilePart(ref, found.total, part, found.slice, PROTOCOL_VERSION)))) return
      if ((part + 1) * FILE_PART_BYTES >= found.total) return
    }
  }
})
