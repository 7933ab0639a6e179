import type * as Y from 'yjs'
import { boardMap, readBoard } from '../crdt/board'
import { artifactsMap } from '../crdt/workspace-doc'
import type { ArtifactId } from '../domain/ids'
import { createYProjection } from './create-y-projection'

/**
 * One board, live: columns, notes, clusters, settings, the current vote and the timer, as
 * `readBoard` validates them. Null while the board has not reached this device (then the
 * whole artifact list is observed, so the board appears as soon as it arrives).
 */
export const createBoardState = (doc: Y.Doc, boardId: ArtifactId) =>
  createYProjection(
    doc,
    `board:${boardId}`,
    () => boardMap(doc, boardId) ?? artifactsMap(doc),
    () => readBoard(doc, boardId)
  )
