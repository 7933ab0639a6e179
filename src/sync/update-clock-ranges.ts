import * as Y from 'yjs'

/**
 * The clock ranges of each writer that one Yjs update carries, read from its structs (a
 * compacted state can have holes: changes Yjs held back on the device that wrote it, or merged
 * updates). Contiguous structs are folded into one range, so a whole workspace is a handful of
 * ranges per writer. Computed where the update is decoded to check it (in the worker for a
 * large one, apply-update.worker.ts), so the page need not decode it again to learn them.
 */
export type ClockRange = readonly [client: number, from: number, to: number]

/** Throws when the update does not decode whole (Y.decodeUpdate reads every struct and the delete set). */
export const clockRangesOf = (update: Uint8Array): ClockRange[] => clockRangesAmong(Y.decodeUpdate(update).structs)

/** The same, from an update already decoded (the checking worker decodes a large state once). */
export const clockRangesAmong = (structs: ReturnType<typeof Y.decodeUpdate>['structs']): ClockRange[] => {
  const byClient = new Map<number, [number, number][]>()
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue
    const list = byClient.get(struct.id.client) ?? []
    list.push([struct.id.clock, struct.id.clock + struct.length])
    byClient.set(struct.id.client, list)
  }
  const ranges: ClockRange[] = []
  for (const [client, list] of byClient) {
    list.sort((a, b) => a[0] - b[0])
    let current: [number, number] | null = null
    for (const [from, to] of list) {
      if (current && from <= current[1]) current[1] = Math.max(current[1], to)
      else {
        if (current) ranges.push([client, current[0], current[1]])
        current = [from, to]
      }
    }
    if (current) ranges.push([client, current[0], current[1]])
  }
  return ranges
}

/** Whether a value (from a worker's reply, say) is a list of clock ranges. */
export const isClockRanges = (value: unknown): value is ClockRange[] =>
  Array.isArray(value) &&
  value.every((range) => Array.isArray(range) && range.length === 3 && range.every((n) => Number.isSafeInteger(n) && n >= 0))
