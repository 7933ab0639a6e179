import { createContext, useContext } from 'solid-js'
import type * as Y from 'yjs'
import type { BoardActor, BoardState } from '../../../crdt/board'
import type { Cluster, Dot, RankedNote, StickyNote } from '../../../domain/board'
import type { ArtifactId } from '../../../domain/ids'
import type { PersonHere } from '../../../domain/presence'
import type { WorkspaceSync } from '../../../sync/workspace-sync'
import { focusAfterRender } from '../../components/focus-after-render'
import type { BrainstormDrafts } from './create-brainstorm-drafts'
import { t } from '../../i18n/t'

/**
 * What every part of an open board reads: the live state, who is looking at it, what they may
 * do, and the vote figures derived once for all notes. Provided by BoardView.
 */
export interface BoardContextValue {
  doc: Y.Doc
  boardId: ArtifactId
  workspaceId: string
  board: () => BoardState
  me: () => BoardActor
  isFacilitator: () => boolean
  /** False on a read-only workspace, and for participants while the board is locked. */
  canEdit: () => boolean
  /** Notes this person can see (not deleted, not someone else's private brainstorm note). */
  visibleNotes: () => StickyNote[]
  deletedNotes: () => StickyNote[]
  /** Notes others are writing in the silent brainstorm under way. */
  hiddenCount: () => number
  /** This person's brainstorm notes, kept on this device until the reveal. */
  drafts: BrainstormDrafts
  /** Revealed notes still on devices that have not opened the board since the reveal. */
  stillToArrive: () => number
  clustersIn: (columnId: string) => Cluster[]
  /** Dots that count under the current round's rules. */
  counting: () => Dot[]
  myDotsOn: (noteId: string) => number
  /** Counts per note: only meaningful (and only shown) once the vote is revealed. */
  totalOn: (noteId: string) => number
  dotsLeft: () => number
  ranking: () => RankedNote[]
  rankOf: (noteId: string) => RankedNote | undefined
  /** The author as this board shows them: a name, or "Name hidden" while names are hidden. */
  authorLabel: (note: StickyNote) => string
  columnTitle: (columnId: string) => string
  /** Tells screen-reader users something happened (politely, once). */
  announce: (message: string) => void
  /** Runs a board change; a refusal (locked, read-only) is shown instead of thrown. */
  act: <T>(change: () => T) => T | undefined
  /** Moves keyboard focus to a note's first control after it re-rendered elsewhere. */
  focusNote: (noteId: string) => void
  /** Opens the inline editor of a note. */
  editing: () => string | null
  setEditing: (noteId: string | null) => void
  /** Live sync of the workspace (null when not syncing), and everyone else present. */
  sync: () => WorkspaceSync | null
  peopleHere: () => PersonHere[]
  /** The people present with this board open. */
  peopleOnBoard: () => PersonHere[]
  /** Starts renaming a group (after it was created from the keyboard). */
  renamingCluster: () => string | null
  setRenamingCluster: (clusterId: string | null) => void
}

const BoardContext = createContext<BoardContextValue>()

export const BoardProvider = BoardContext.Provider

export const useBoard = (): BoardContextValue => {
  const value = useContext(BoardContext)
  if (!value) throw new Error('useBoard must be used inside a board view')
  return value
}

export const noteElementId = (noteId: string): string => `note-${noteId}`

/** The id of a column's Actions button: the handle focus returns to after the column changes. */
export const columnMenuId = (columnId: string): string => `column-menu-${columnId}`

/** Focuses a column's Actions button once the board has re-rendered (it may have moved or just come back). */
export const focusColumnMenu = (columnId: string): void => {
  focusAfterRender(() => document.getElementById(columnMenuId(columnId)))
}

/** The id of a column's "Add note" button: where keyboard users go on writing in that column. */
export const addNoteButtonId = (columnId: string): string => `add-note-${columnId}`

/**
 * Focuses a column's "Add note" button once the board has re-rendered: after a note there is
 * deleted, or a new column appears (the next thing a person does in it is add a note).
 */
export const focusAddNote = (columnId: string): void => {
  focusAfterRender(() => document.getElementById(addNoteButtonId(columnId)))
}

/** "1 note", "3 notes". */
export const notesLabel = (count: number): string => t('board.notes', { count })

/** A note's text shortened for labels and announcements. */
export const shortText = (text: string, max = 40): string => {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine || t('board.emptyNote')
}
