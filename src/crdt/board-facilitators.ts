import * as Y from 'yjs'
import type { ListedFacilitators } from '../domain/trust/facilitation-to-grant'
import { BOARD } from './board'
import { artifactsMap } from './workspace-doc'

/** Every board of the workspace with the facilitators it lists (its maker, and whoever they added). */
export const listedFacilitators = (doc: Y.Doc): ListedFacilitators[] => {
  const boards: ListedFacilitators[] = []
  artifactsMap(doc).forEach((value, boardId) => {
    const record: unknown = value
    if (!(record instanceof Y.Map) || !(record.get(BOARD.columns) instanceof Y.Map)) return
    const facilitators: unknown = record.get(BOARD.facilitators)
    if (facilitators instanceof Y.Map) boards.push({ boardId, memberIds: [...facilitators.keys()] })
  })
  return boards
}

/**
 * Calls `changed` when a board is added or its facilitators change; not on the keystrokes and
 * notes that make up most changes, so watching costs next to nothing.
 */
export const watchBoardFacilitators = (doc: Y.Doc, changed: () => void): (() => void) => {
  const artifacts = artifactsMap(doc)
  const observer = (events: Y.YEvent<any>[]): void => {
    if (events.some((event) => event.target === artifacts || event.path[1] === BOARD.facilitators)) changed()
  }
  artifacts.observeDeep(observer)
  return () => artifacts.unobserveDeep(observer)
}
