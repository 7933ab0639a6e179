/**
 * Whether a view is opening: from a person's move to another page of the app until that page's
 * first screen has been painted. Work that can wait (whenIdle's tasks: search indexing, local
 * history copies, compaction, code fetched ahead, warm-ups) waits for it to end, so none of it
 * lands in the time a person is waiting for what they asked to see. Opening a large lab plan
 * straight after a workspace loaded spent a fifth of its time indexing the plan for search.
 *
 * Bounded: a page that never says it has opened holds nothing back for longer than
 * LONGEST_OPENING_MS.
 */
const LONGEST_OPENING_MS = 2_000

let limit: ReturnType<typeof setTimeout> | null = null
const waiting = new Set<() => void>()

export const viewOpening = (): boolean => limit !== null

/** A person has moved to another page; a move during an opening starts its bound again. */
export const beginViewOpening = (): void => {
  if (limit !== null) clearTimeout(limit)
  limit = setTimeout(viewOpened, LONGEST_OPENING_MS)
}

/** The page's first screen has been painted (or the opening gave up): waiting work may go. */
export const viewOpened = (): void => {
  if (limit === null) return
  clearTimeout(limit)
  limit = null
  const ready = [...waiting]
  waiting.clear()
  for (const task of ready) task()
}

/** Runs `task` once no view is opening: at once if none is. Returns a cancel for a task that waits. */
export const afterViewOpens = (task: () => void): (() => void) => {
  if (limit === null) {
    task()
    return () => undefined
  }
  // Each call waits on its own, even when the same function is passed twice.
  const entry = (): void => task()
  waiting.add(entry)
  return () => void waiting.delete(entry)
}
