// Which live connections of this process are in which room, and the delivery of the database's
// notifications to them. Nothing here is trusted for content: an entry notification only says
// "room R has something at seq S", and each connection then reads the table from its own cursor.
// Presence is the one thing carried in notifications (it is never stored), sealed by a device:
// the room's members in this process get it at once, those in other processes through NOTIFY
// (presence-notices.mjs), so a busy database never holds it up here.
import { makePresenceAssembler, presenceNotices } from './presence-notices.mjs'

const ENTRY_NOTICE = /^([0-9a-f]{64}):(\d{1,16})$/

/**
 * @typedef {{
 *   origin: string,
 *   wake: (seq: number) => void,
 *   resync: () => void,
 *   presence: (sealed: Buffer) => void
 * }} RoomMember
 */

/**
 * @param {import('./store.d.mts').RelayStore} store
 * @param {string} processId 16 hex characters: the start of every origin of this process
 */
export const makeRoomFanout = (store, processId) => {
  /** @type {Map<string, Set<RoomMember>>} */
  const rooms = new Map()
  const assembler = makePresenceAssembler()
  let presenceMessages = 0

  const deliverPresence = (/** @type {string} */ roomHex, /** @type {string} */ origin, /** @type {Buffer} */ sealed) => {
    for (const member of rooms.get(roomHex) ?? []) if (member.origin !== origin) member.presence(sealed)
  }
  /** @type {(() => Promise<void>) | null} */
  let unsubscribe = null

  const everyone = function* () {
    for (const members of rooms.values()) yield* members
  }

  return {
    /** Starts listening; until then nobody hears of new entries. */
    async start() {
      unsubscribe = await store.subscribe({
        onEntry: (payload) => {
          const match = ENTRY_NOTICE.exec(payload)
          if (!match) return
          for (const member of rooms.get(/** @type {string} */ (match[1])) ?? []) member.wake(Number(match[2]))
        },
        onPresence: (payload) => {
          // This process's own presence was delivered here already.
          if (payload.slice(65, 81) === processId) return
          const presence = assembler.accept(payload)
          if (presence) deliverPresence(presence.roomHex, presence.origin, presence.sealed)
        },
        // The LISTEN connection was lost and is back: anything may have been missed.
        onResync: () => {
          for (const member of everyone()) member.resync()
        }
      })
    },
    /** @param {string} roomHex @param {RoomMember} member */
    join(roomHex, member) {
      const members = rooms.get(roomHex)
      if (members) members.add(member)
      else rooms.set(roomHex, new Set([member]))
    },
    /** @param {string} roomHex @param {RoomMember} member */
    leave(roomHex, member) {
      const members = rooms.get(roomHex)
      members?.delete(member)
      if (members?.size === 0) rooms.delete(roomHex)
    },
    /**
     * Sends presence to the room's other connections: in this process at once, in the others
     * through the database.
     * @param {string} roomHex @param {string} origin @param {Buffer} sealed
     * @returns {Promise<boolean>} false when it was too big and went nowhere
     */
    publishPresence: async (roomHex, origin, sealed) => {
      const notices = presenceNotices(roomHex, origin, ++presenceMessages, sealed)
      if (notices.length === 0) return false
      deliverPresence(roomHex, origin, sealed)
      return store.publishPresence(notices)
    },
    roomCount: () => rooms.size,
    async stop() {
      await unsubscribe?.()
      unsubscribe = null
      rooms.clear()
    }
  }
}
