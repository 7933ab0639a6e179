// Presence between relay processes, through PostgreSQL's NOTIFY (never a table: presence is not
// stored). A NOTIFY payload must stay under 8000 bytes, and a sealed presence may be 64 KiB
// (MAX_PRESENCE_BYTES: a 40-person board's carets and selections fit with room to spare), so one
// presence travels as up to PRESENCE_NOTICE_PARTS notices, all sent in one statement (delivered
// together, in order, at its commit) and put back together by each listening process:
//
//   <room hex 64> : <origin: process id 16 hex . connection n> : <message n> : <part>/<parts> : <base64 slice>
//
// Everything here is bounded: parts per message, messages waiting for their parts, and how long
// they wait. A notice that does not match is ignored.
import { MAX_PRESENCE_BYTES } from './frames.mjs'

/** Base64 characters per notice: a multiple of 4 (slices decode alone), well under 8000 bytes. */
const SLICE_CHARS = 7_600
export const PRESENCE_NOTICE_PARTS = Math.ceil(Math.ceil(MAX_PRESENCE_BYTES / 3) * 4 / SLICE_CHARS)
const NOTICE = /^([0-9a-f]{64}):([0-9a-f]{16}\.\d{1,12}):(\d{1,12}):(\d{1,2})\/(\d{1,2}):([A-Za-z0-9+/]{1,7600}={0,2})$/
/** Messages waiting for their other parts, per listening process; the oldest goes first. */
const MAX_WAITING = 256
const MAX_WAIT_MS = 10_000

/**
 * The notices for one presence.
 * @param {string} roomHex @param {string} origin @param {number} message @param {Buffer} sealed
 */
export const presenceNotices = (roomHex, origin, message, sealed) => {
  if (sealed.length > MAX_PRESENCE_BYTES) return []
  const text = sealed.toString('base64')
  const parts = Math.max(1, Math.ceil(text.length / SLICE_CHARS))
  return Array.from({ length: parts }, (_, part) => `${roomHex}:${origin}:${message}:${part}/${parts}:${text.slice(part * SLICE_CHARS, (part + 1) * SLICE_CHARS)}`)
}

/**
 * Puts presence notices back together.
 * @param {{ now?: () => number }} [options]
 */
export const makePresenceAssembler = ({ now = () => Date.now() } = {}) => {
  /** @type {Map<string, { slices: (string | undefined)[], received: number, at: number }>} */
  const waiting = new Map()

  const forgetOld = (/** @type {number} */ at) => {
    for (const [key, entry] of waiting) {
      if (at - entry.at <= MAX_WAIT_MS && waiting.size <= MAX_WAITING) break
      waiting.delete(key)
    }
  }

  return {
    /**
     * One notice; the whole presence once its last part is in, else null.
     * @param {string} notice
     * @returns {{ roomHex: string, origin: string, sealed: Buffer } | null}
     */
    accept(notice) {
      const match = NOTICE.exec(notice)
      if (!match) return null
      const [, roomHex, origin, message, partText, partsText, slice] = /** @type {string[]} */ (match)
      const part = Number(partText)
      const parts = Number(partsText)
      if (parts < 1 || parts > PRESENCE_NOTICE_PARTS || part >= parts) return null
      if (parts === 1) return { roomHex, origin, sealed: Buffer.from(slice, 'base64') }
      const at = now()
      const key = `${roomHex}:${origin}:${message}`
      let entry = waiting.get(key)
      if (!entry) {
        entry = { slices: new Array(parts), received: 0, at }
        waiting.set(key, entry)
        forgetOld(at)
      }
      if (entry.slices.length !== parts || entry.slices[part] !== undefined) return null
      entry.slices[part] = slice
      entry.received += 1
      if (entry.received < parts) return null
      waiting.delete(key)
      return { roomHex, origin, sealed: Buffer.from(entry.slices.join(''), 'base64') }
    },
    waiting: () => waiting.size
  }
}
