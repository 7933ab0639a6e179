import { z } from 'zod'

/**
 * A note written during a silent brainstorm. It lives only on its author's device (in that
 * device's own store, never in the shared workspace) until the facilitator reveals the
 * brainstorm; then the device adds all of its drafts to the board in one change.
 */

/** As long as a note on the board may be (NoteEditor's limit). */
export const MAX_DRAFT_TEXT = 500
/** Drafts one device keeps for one board: far above a workshop's worth, low enough to bound a read. */
export const MAX_DRAFTS_PER_BOARD = 300

const Hex32 = z.string().regex(/^[0-9a-f]{32}$/)

export const BrainstormDraftSchema = z.object({
  /** Also the note's id on the board once revealed, so adding it twice adds it once. */
  id: Hex32,
  workspaceId: Hex32,
  boardId: Hex32,
  brainstormId: Hex32,
  authorId: z.string().min(1).max(64),
  text: z.string().max(MAX_DRAFT_TEXT),
  colour: z.string().max(16),
  columnId: z.string().min(1).max(64),
  createdAt: z.number().finite()
})
export type BrainstormDraft = z.infer<typeof BrainstormDraftSchema>

/**
 * How a brainstorm ended, as the facilitator recorded it: `revealed` (every device adds its
 * notes), or `ended` without a reveal (each person's notes stay on their device, theirs to add
 * or delete).
 */
export const BrainstormEndSchema = z.enum(['revealed', 'ended'])
export type BrainstormEnd = z.infer<typeof BrainstormEndSchema>

/** What a device does with its drafts of one brainstorm, given the board's state. */
export type DraftFate = 'keep-private' | 'add-to-board' | 'ended-unrevealed'

/**
 * Drafts of the brainstorm under way stay private; those of a revealed one go onto the board.
 * A brainstorm that is over with no recorded end was revealed by an earlier version of Mutual
 * (which only cleared the active brainstorm): its notes go onto the board as they did then.
 */
export const draftFate = (
  brainstormId: string,
  activeBrainstormId: string | null,
  ends: Readonly<Record<string, BrainstormEnd>>
): DraftFate => {
  if (brainstormId === activeBrainstormId) return 'keep-private'
  return ends[brainstormId] === 'ended' ? 'ended-unrevealed' : 'add-to-board'
}

/** A brainstorm's notes that are still on devices that have not added them yet. */
export interface WaitingNotes {
  brainstormId: string
  /** The device holding them (its random id; not a person). */
  deviceId: string
  memberId: string
  count: number
}
