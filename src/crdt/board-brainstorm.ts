import type * as Y from 'yjs'
import type { BrainstormDraft } from '../domain/brainstorm-draft'
import { BOARD, boardMap, makeNoteMap, readColumnLayout, sub, type BoardActor } from './board'
import { waitingNotesKey } from './brainstorm-records'
import { mutate } from './mutate'
import type { ArtifactId } from '../domain/ids'

/**
 * The two moments a silent brainstorm touches the shared board from a participant's device:
 * while it runs, how many notes the device holds back (a count, never the text); at the
 * reveal, the notes themselves, all in one change. Neither is refused on a locked board: the
 * notes were written while writing was allowed, and the count only describes them.
 */

/** Records how many notes this device holds back in a brainstorm (0 removes the record). */
export const setWaitingNotes = (
  doc: Y.Doc,
  boardId: ArtifactId,
  brainstormId: string,
  deviceId: string,
  count: number,
  actor: BoardActor
): void =>
  mutate(doc, () => {
    const board = boardMap(doc, boardId)
    if (!board) return
    const settings = sub(board, BOARD.settings)
    const key = waitingNotesKey(brainstormId, deviceId)
    const current: unknown = settings.get(key)
    const same = typeof current === 'object' && current !== null && (current as { count?: unknown }).count === count
    if (count <= 0) {
      if (settings.has(key)) settings.delete(key)
    } else if (!same) settings.set(key, { memberId: actor.memberId, count })
  })

/**
 * Adds this device's drafts to the board as ordinary notes, in one change, and clears its
 * waiting counts for their brainstorms. A draft keeps its id as the note's id, so a second
 * tab (or a retry after a crash) adding the same drafts adds nothing new. A draft whose column
 * has gone lands in the first column. Returns the ids of the notes this change added.
 */
export const addRevealedDrafts = (
  doc: Y.Doc,
  boardId: ArtifactId,
  drafts: readonly BrainstormDraft[],
  deviceId: string,
  actor: BoardActor
): string[] =>
  mutate(doc, () => {
    const board = boardMap(doc, boardId)
    if (!board) return []
    const notes = sub(board, BOARD.notes)
    const live = readColumnLayout(board).live
    const added: string[] = []
    for (const draft of drafts) {
      if (draft.authorId !== actor.memberId || notes.has(draft.id)) continue
      const columnId = live.some((c) => c.id === draft.columnId) ? draft.columnId : (live[0]?.id ?? draft.columnId)
      const note = makeNoteMap({
        text: draft.text,
        colour: draft.colour,
        authorId: actor.memberId,
        authorName: actor.name,
        columnId,
        clusterId: null,
        order: draft.createdAt,
        createdAt: draft.createdAt,
        privateIn: null,
        deletedAt: null
      })
      notes.set(draft.id, note)
      added.push(draft.id)
    }
    const settings = sub(board, BOARD.settings)
    for (const brainstormId of new Set(drafts.map((d) => d.brainstormId))) {
      const key = waitingNotesKey(brainstormId, deviceId)
      if (settings.has(key)) settings.delete(key)
    }
    return added
  })
