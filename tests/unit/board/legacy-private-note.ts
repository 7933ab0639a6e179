import type * as Y from 'yjs'
import { BOARD, boardMap, makeNoteMap, readBoard, sub, type BoardActor } from '../../../src/crdt/board'
import type { ArtifactId } from '../../../src/domain/ids'

/**
 * A brainstorm note as versions of Mutual before private drafts wrote it: into the shared
 * board, marked private to the brainstorm under way. Boards keep such notes; every reader must
 * still hide them from everyone but their author until the brainstorm is over.
 */
export const addLegacyPrivateNote = (
  doc: Y.Doc,
  boardId: ArtifactId,
  input: { text: string; columnId: string },
  author: BoardActor,
  now: number
): string => {
  const brainstormId = readBoard(doc, boardId)?.settings.activeBrainstormId
  const board = boardMap(doc, boardId)
  if (!brainstormId || !board) throw new Error('no brainstorm under way on that board')
  const id = `legacy-${now}`
  doc.transact(() => {
    const note = makeNoteMap({
      text: input.text,
      colour: '#fff3a3',
      authorId: author.memberId,
      authorName: author.name,
      columnId: input.columnId,
      clusterId: null,
      order: now,
      createdAt: now,
      privateIn: brainstormId,
      deletedAt: null
    })
    sub(board, BOARD.notes).set(id, note)
  })
  return id
}
