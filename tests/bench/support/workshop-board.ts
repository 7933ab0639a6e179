import * as Y from 'yjs'
import { createBoard, openVote, readBoard, type BoardActor } from '../../../src/crdt/board'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { BOARD_TEMPLATES } from '../../../src/domain/board-templates'
import { makeWorkspaceId } from '../../../src/domain/ids'

/**
 * The board as everyone holds it when a bench workshop starts: the facilitator made it from the
 * "works / doesn't / ideas" template and opened a vote of `dotsPerPerson` dots, one per note.
 */
export const makeWorkshopBoard = (dotsPerPerson: number) => {
  const workspaceId = makeWorkspaceId()
  const doc = makeWorkspaceDoc(workspaceId)
  const facilitator: BoardActor = { memberId: 'facilitator', name: 'Facilitator', organisation: 'Bench council' }
  const template = BOARD_TEMPLATES.find((t) => t.id === 'works-doesnt-ideas') ?? BOARD_TEMPLATES[0]
  const boardId = createBoard(doc, { title: 'Workshop room', columns: template?.columns ?? ['Ideas'] }, facilitator, Date.now())
  openVote(doc, boardId, { dotsPerPerson, allowSeveralOnOneNote: false }, facilitator, Date.now())
  const columnIds = readBoard(doc, boardId)?.columns.map((c) => c.id) ?? []
  return { workspaceId, boardId, columnIds, initialUpdate: Y.encodeStateAsUpdate(doc) }
}
