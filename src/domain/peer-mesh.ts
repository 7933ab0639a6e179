/**
 * Keeping a capped peer-to-peer mesh in one piece.
 *
 * Each device dials at most a few others (see MAX_PEER_CONNECTIONS in sync/workspace-sync.ts)
 * and answers a newcomer's "here I am" only while it has room. When people arrive one by one,
 * the first nine fill each other up; the tenth is then ignored by all of them and starts a
 * second group with the people after it, and the two groups never meet. So when a device
 * that is full hears from a device its group cannot reach at all, a few devices of the group
 * answer anyway: the same few on every device (a hash of both ids decides, rendezvous style),
 * so a group of any size opens about NEWCOMER_ANSWERERS connections to the newcomer, not one
 * each. "Reach" is what presence tells: every device in a connected group sees the presence
 * of every other.
 */

/** How many devices of a group answer a device it cannot reach. Two, in case one attempt stalls. */
export const NEWCOMER_ANSWERERS = 2

/** FNV-1a, 32 bits: well spread, the same everywhere, and cheap for a few dozen ids. */
const hashOf = (text: string): number => {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash >>> 0
}

/**
 * Whether this device (`self`), already full, should still open a connection to `newcomer`.
 * `group` is every device id this one can reach (from presence; `self` may be in it). No when
 * the newcomer is reachable already; otherwise yes for the NEWCOMER_ANSWERERS devices of the
 * group whose ids hash closest to the newcomer's.
 */
export const answersNewcomer = (
  self: string,
  newcomer: string,
  group: Iterable<string>,
  answerers: number = NEWCOMER_ANSWERERS
): boolean => {
  if (newcomer === self) return false
  const mine = hashOf(`${self}|${newcomer}`)
  let closer = 0
  for (const id of new Set(group)) {
    if (id === newcomer) return false
    if (id === self) continue
    const theirs = hashOf(`${id}|${newcomer}`)
    if (theirs < mine || (theirs === mine && id < self)) closer++
  }
  return closer < answerers
}
