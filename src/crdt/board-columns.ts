import * as Y from 'yjs'
import { canRemoveColumn, orderForMove } from '../domain/board-columns'
import { makeArtifactId, type ArtifactId } from '../domain/ids'
import { BOARD, changeBoard, keepLastColumn, makeColumn, readColumnLayout, sub, type BoardActor } from './board'

/**
 * Adding, renaming, moving, removing and restoring a board's columns. Like every board edit
 * they are refused (BoardLockedError) to participants while the board is locked; facilitators
 * always may.
 */

/** Adds a column at the right-hand end. */
export const addColumn = (doc: Y.Doc, boardId: ArtifactId, title: string, actor: BoardActor): string | null =>
  changeBoard(doc, boardId, actor, (board) => {
    keepLastColumn(board)
    const columns = sub(board, BOARD.columns)
    const orders = [...columns.values()].map((c: Y.Map<unknown>) => Number(c.get('order')) || 0)
    const id = makeArtifactId()
    columns.set(id, makeColumn(title, orders.length ? Math.max(...orders) + 1 : 0))
    return id
  })

export const renameColumn = (doc: Y.Doc, boardId: ArtifactId, columnId: string, title: string, actor: BoardActor) =>
  changeBoard(doc, boardId, actor, (board) => {
    const column = sub(board, BOARD.columns).get(columnId)
    if (column instanceof Y.Map) column.set('title', title)
  })

/** Moves a column one place left (-1) or right (+1). False when it is already at that end. */
export const moveColumn = (
  doc: Y.Doc,
  boardId: ArtifactId,
  columnId: string,
  step: -1 | 1,
  actor: BoardActor
): boolean =>
  changeBoard(doc, boardId, actor, (board) => {
    const change = orderForMove(readColumnLayout(board).live, columnId, step)
    if (!change) return false
    const columns = sub(board, BOARD.columns)
    for (const [id, order] of change) {
      const column = columns.get(id)
      if (column instanceof Y.Map && column.get('order') !== order) column.set('order', order)
    }
    return true
  }) ?? false

/**
 * Takes a column off the board with its notes and groups, which stay stored as they are (votes
 * on them included) and come back when it is restored. The last column on a board stays.
 */
export const removeColumn = (doc: Y.Doc, boardId: ArtifactId, columnId: string, actor: BoardActor, now: number): boolean =>
  changeBoard(doc, boardId, actor, (board) => {
    if (!canRemoveColumn(readColumnLayout(board).live, columnId)) return false
    const column = sub(board, BOARD.columns).get(columnId)
    if (!(column instanceof Y.Map)) return false
    column.set('removedAt', now)
    return true
  }) ?? false

/** Puts a removed column back where it was, with its notes. */
export const restoreColumn = (doc: Y.Doc, boardId: ArtifactId, columnId: string, actor: BoardActor): boolean =>
  changeBoard(doc, boardId, actor, (board) => {
    const column = sub(board, BOARD.columns).get(columnId)
    if (!(column instanceof Y.Map) || typeof column.get('removedAt') !== 'number') return false
    keepLastColumn(board)
    column.set('removedAt', null)
    return true
  }) ?? false
