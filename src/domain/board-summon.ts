import { z } from 'zod'

/**
 * "Bring everyone here": a facilitator's request, shared through presence (awareness, never
 * saved), that everyone open the board. Each request has its own id; a device follows a
 * request only when it sees it appear, never one that was already there when that person
 * first came into view, so someone arriving late is not pulled away from what they opened.
 */
export const BOARD_SUMMON_FIELD = 'boardSummon'

const HEX_ID = /^[0-9a-f]{32}$/

export const BoardSummonSchema = z.object({
  id: z.string().min(1).max(64),
  boardId: z.string().regex(HEX_ID),
  memberId: z.string().regex(HEX_ID)
})
export type BoardSummon = z.infer<typeof BoardSummonSchema>

const summonOf = (state: unknown): BoardSummon | null => {
  if (typeof state !== 'object' || state === null) return null
  const parsed = BoardSummonSchema.safeParse((state as Record<string, unknown>)[BOARD_SUMMON_FIELD])
  return parsed.success ? parsed.data : null
}

/** The summon id each presence client last showed (null: none), as a device has seen them. */
export type SeenSummons = ReadonlyMap<number, string | null>

/**
 * Compares presence states with what was seen before: returns the summons that just appeared
 * (from people other than `selfMemberId`), and the new record of what has been seen.
 */
export const newSummons = (
  seen: SeenSummons,
  states: Iterable<[number, unknown]>,
  selfMemberId: string
): { fresh: BoardSummon[]; seen: Map<number, string | null> } => {
  const next = new Map<number, string | null>()
  const fresh: BoardSummon[] = []
  for (const [clientId, state] of states) {
    const summon = summonOf(state)
    next.set(clientId, summon?.id ?? null)
    if (!summon || !seen.has(clientId) || seen.get(clientId) === summon.id) continue
    if (summon.memberId !== selfMemberId) fresh.push(summon)
  }
  return { fresh, seen: next }
}
