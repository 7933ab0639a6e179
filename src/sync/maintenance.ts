/**
 * The sync core's poll. Reconnect attempts to a signalling server raise no event, presence
 * of others times out silently, and a peer that stopped answering says nothing: every
 * POLL_MS the core looks again (status) and lets each transport do its upkeep.
 */
export const POLL_MS = 2000

export const startMaintenance = (tick: (polls: number) => void, intervalMs = POLL_MS): (() => void) => {
  let polls = 0
  const timer = setInterval(() => tick(++polls), intervalMs)
  return () => clearInterval(timer)
}
