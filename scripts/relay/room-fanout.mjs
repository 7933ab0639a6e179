// Which live connections of this process are in which room, and the delivery of the database's
// notifications to them. Nothing here is trusted for content: an entry notification only says
// "room R has something at seq S", and each connection then reads the table from its own cursor.
// Presence is the one thing carried in the notification (it is never stored), sealed by a device.

const ENTRY_NOTICE = /^([0-9a-f]{64}):(\d{1,16})$/
// room hex : origin (process id . connection number) : base64 of the sealed presence
const PRESENCE_NOTICE = /^([0-9a-f]{64}):([0-9a-f]{16}\.\d{1,12}):([A-Za-z0-9+/]+={0,2})$/

/**
 * @typedef {{
 *   origin: string,
 *   wake: (seq: number) => void,
 *   resync: () => void,
 *   presence: (sealed: Buffer) => void
 * }} RoomMember
 */

/** @param {import('./store.d.mts').RelayStore} store */
export const makeRoomFanout = (store) => {
  /** @type {Map<string, Set<RoomMember>>} */
  const rooms = new Map()
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
          const match = PRESENCE_NOTICE.exec(payload)
          if (!match) return
          const members = rooms.get(/** @type {string} */ (match[1]))
          if (!members) return
          const sealed = Buffer.from(/** @type {string} */ (match[3]), 'base64')
          for (const member of members) if (member.origin !== match[2]) member.presence(sealed)
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
     * Sends presence to the room's other connections, in every process.
     * @param {string} roomHex @param {string} origin @param {Buffer} sealed
     * @returns {Promise<boolean>} false when it was too big for a notification and was dropped
     */
    publishPresence: (roomHex, origin, sealed) => store.publishPresence(`${roomHex}:${origin}:${sealed.toString('base64')}`),
    roomCount: () => rooms.size,
    async stop() {
      await unsubscribe?.()
      unsubscribe = null
      rooms.clear()
    }
  }
}
