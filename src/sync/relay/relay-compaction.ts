/**
 * When this device offers the relay a compacted state (docs/relay-protocol.md, "When the
 * device compacts"): only when caught up with nothing of its own unacknowledged, and when the
 * log since the snapshot is at least MIN_LOG_BYTES and larger than the snapshot, so a room
 * stays within about twice its compacted state. The wait before compacting is random (5–30 s)
 * so the devices of a workshop do not all compact at once.
 */
export const MIN_LOG_BYTES = 256 * 1024

export interface CompactionFacts {
  live: boolean
  unacknowledged: number
  logBytes: number
  /** The snapshot's size when known (received this session, or this device's own). */
  snapshotBytes: number | null
  minLogBytes: number
}

export const shouldCompact = (facts: CompactionFacts): boolean =>
  facts.live && facts.unacknowledged === 0 && facts.logBytes >= facts.minLogBytes && (facts.snapshotBytes === null || facts.logBytes > facts.snapshotBytes)

export const compactionDelay = (range: readonly [number, number], random: () => number): number => range[0] + random() * (range[1] - range[0])
