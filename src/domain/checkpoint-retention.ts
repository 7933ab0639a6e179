import type { CheckpointReason } from './checkpoint'

/**
 * Which local checkpoints a device keeps: dense recent ones and sparse older ones, within a
 * byte cap, so local history stays small on a device that has held a lab for years.
 */
export const CHECKPOINT_BYTE_CAP = 8 * 1024 * 1024

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Age limit → size of the slot one checkpoint is kept for, youngest tier first. */
const TIERS: readonly { upTo: number; slot: number }[] = [
  { upTo: HOUR, slot: 0 }, // every one from the last hour
  { upTo: DAY, slot: 15 * MINUTE },
  { upTo: 30 * DAY, slot: DAY },
  { upTo: Infinity, slot: 7 * DAY }
]

/** Checkpoints from before a run of deletions are what a one-step restore uses: kept this long. */
const KEEP_BEFORE_DELETIONS_MS = 90 * DAY

export interface RetainedCheckpoint {
  id: number
  at: number
  reason: CheckpointReason
  bytes: number
}

/**
 * The ids to drop. Within each tier one checkpoint (the newest) is kept per slot. Copies of
 * versions are already sparse (named, or one a day) and are all kept, as are recent checkpoints
 * from before a run of deletions. The newest checkpoint is always kept; past the byte cap the
 * oldest of the rest go first.
 */
export const checkpointsToDrop = (all: readonly RetainedCheckpoint[], now: number, capBytes = CHECKPOINT_BYTE_CAP): number[] => {
  const newestFirst = [...all].sort((a, b) => b.at - a.at || b.id - a.id)
  const seenSlots = new Set<string>()
  const kept: RetainedCheckpoint[] = []
  const dropped: number[] = []
  newestFirst.forEach((c, index) => {
    const age = Math.max(0, now - c.at)
    const tier = TIERS.findIndex((t) => age < t.upTo)
    const { slot } = TIERS[tier] ?? { slot: 7 * DAY }
    const exempt = c.reason === 'version' || (c.reason === 'before-deletions' && age < KEEP_BEFORE_DELETIONS_MS)
    const key = `${tier}:${slot === 0 ? c.id : Math.floor(c.at / slot)}`
    if (index === 0 || exempt || !seenSlots.has(key)) {
      seenSlots.add(key)
      kept.push(c)
    } else dropped.push(c.id)
  })
  let total = kept.reduce((sum, c) => sum + c.bytes, 0)
  // Oldest first, never the newest one.
  for (let i = kept.length - 1; i > 0 && total > capBytes; i -= 1) {
    const c = kept[i]!
    total -= c.bytes
    dropped.push(c.id)
  }
  return dropped
}
