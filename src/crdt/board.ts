import * as Y from 'yjs'
import type { Actor } from '../domain/artifact'
import {
  BoardColumnSchema,
  ClusterSchema,
  DotSchema,
  StickyNoteSchema,
  TimerSchema,
  VoteRoundSchema,
  addToTimer,
  canEditBoard,
  canPlaceDot,
  countingDots,
  compareDots,
  dotKey,
  nextSlot,
  refusedDots,
  pauseTimer,
  resetTimer,
  startTimer,
  type BoardColumn,
  type BoardSettings,
  type Cluster,
  type Dot,
  type StoredDot,
  type StickyNote,
  type TimerState,
  type VoteRound
} from '../domain/board'
import { layOutColumns, type ColumnLayout } from '../domain/board-columns'
import { makeArtifactId, type ArtifactId } from '../domain/ids'
import { createArtifact } from './artifacts'
import { brainstormEndKey, readBrainstormRecords, waitingKeysOf, type BrainstormRecords } from './brainstorm-records'
import { mutate } from './mutate'
import { artifactsMap } from './workspace-doc'

/** Fields a board adds to its artifact's map. */
export const BOARD = {
  columns: 'boardColumns',
  notes: 'boardNotes',
  clusters: 'boardClusters',
  settings: 'boardSettings',
  facilitators: 'boardFacilitators',
  rounds: 'boardRounds',
  dots: 'boardDots',
  timer: 'boardTimer'
} as const

const DEFAULT_TIMER_MS = 5 * 60 * 1000

/** The person acting on a board: their member id (for dots, authorship, facilitation) and name. */
export interface BoardActor extends Actor {
  memberId: string
}

export class BoardLockedError extends Error {
  constructor() {
    super('The facilitator has locked this board. Changes are paused until they unlock it.')
    this.name = 'BoardLockedError'
  }
}

const record = (doc: Y.Doc, boardId: ArtifactId): Y.Map<unknown> | null => {
  const value = artifactsMap(doc).get(boardId)
  return value instanceof Y.Map && value.get(BOARD.columns) instanceof Y.Map ? value : null
}

export const sub = (board: Y.Map<unknown>, key: string): Y.Map<any> => {
  const value = board.get(key)
  if (!(value instanceof Y.Map)) throw new Error(`Board is missing its ${key}`)
  return value
}

const readSettings = (board: Y.Map<unknown>): BoardSettings => {
  const settings = sub(board, BOARD.settings)
  const text = (v: unknown): string | null => (typeof v === 'string' ? v : null)
  return {
    anonymous: settings.get('anonymous') === true,
    locked: settings.get('locked') === true,
    activeBrainstormId: text(settings.get('activeBrainstormId')),
    currentRoundId: text(settings.get('currentRoundId')),
    facilitatorIds: [...sub(board, BOARD.facilitators).keys()].sort()
  }
}

/** Runs a board change for a person, refusing it while the board is locked to them. */
export const changeBoard = <T>(
  doc: Y.Doc,
  boardId: ArtifactId,
  actor: BoardActor,
  change: (board: Y.Map<unknown>, settings: BoardSettings) => T,
  options: { facilitatorOnly?: boolean } = {}
): T | null =>
  mutate(doc, () => {
    const board = record(doc, boardId)
    if (!board) return null
    const settings = readSettings(board)
    if (options.facilitatorOnly && !settings.facilitatorIds.includes(actor.memberId)) return null
    if (!canEditBoard(settings, actor.memberId)) throw new BoardLockedError()
    return change(board, settings)
  })

export const makeColumn = (title: string, order: number): Y.Map<unknown> => {
  const column = new Y.Map<unknown>()
  column.set('title', title)
  column.set('order', order)
  column.set('removedAt', null)
  return column
}

/** Creates a board with the given columns; its creator becomes its facilitator. */
export const createBoard = (
  doc: Y.Doc,
  input: { title: string; columns: readonly string[] },
  actor: BoardActor,
  now: number
): ArtifactId =>
  mutate(doc, () => {
    const id = createArtifact(doc, { kind: 'board', title: input.title }, actor, now)
    const board = artifactsMap(doc).get(id) as Y.Map<unknown>
    const columns = new Y.Map<unknown>()
    input.columns.forEach((title, index) => columns.set(makeArtifactId(), makeColumn(title, index)))
    const settings = new Y.Map<unknown>()
    settings.set('anonymous', false)
    settings.set('locked', false)
    settings.set('activeBrainstormId', null)
    settings.set('currentRoundId', null)
    const facilitators = new Y.Map<true>()
    facilitators.set(actor.memberId, true)
    const timer = new Y.Map<unknown>()
    timer.set('state', resetTimer(DEFAULT_TIMER_MS))
    board.set(BOARD.columns, columns)
    board.set(BOARD.notes, new Y.Map())
    board.set(BOARD.clusters, new Y.Map())
    board.set(BOARD.settings, settings)
    board.set(BOARD.facilitators, facilitators)
    board.set(BOARD.rounds, new Y.Map())
    board.set(BOARD.dots, new Y.Map())
    board.set(BOARD.timer, timer)
    return id
  })

/** A note's fields as the board stores them (the colour is checked when read, see StickyNoteSchema). */
export type StoredNoteFields = Omit<StickyNote, 'id' | 'colour'> & { colour: string }

/** A note's map, in the shape every reader of the board expects. */
export const makeNoteMap = (fields: StoredNoteFields): Y.Map<unknown> => {
  const note = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(fields)) note.set(key, value)
  return note
}

/**
 * Adds a sticky note to the shared board. Refused (null) during a silent brainstorm: notes
 * written then stay on their author's device (see domain/brainstorm-draft.ts) and are added
 * at the reveal by addRevealedDrafts, so nothing private ever enters the shared document.
 */
export const addStickyNote = (
  doc: Y.Doc,
  boardId: ArtifactId,
  input: { text: string; colour: string; columnId: string },
  actor: BoardActor,
  now: number
): string | null =>
  changeBoard(doc, boardId, actor, (board, settings) => {
    if (settings.activeBrainstormId !== null) return null
    const notes = sub(board, BOARD.notes)
    const id = makeArtifactId()
    notes.set(
      id,
      makeNoteMap({
        text: input.text,
        colour: input.colour,
        authorId: actor.memberId,
        authorName: actor.name,
        columnId: input.columnId,
        clusterId: null,
        order: now,
        createdAt: now,
        privateIn: null,
        deletedAt: null
      })
    )
    return id
  })

const changeNote = (
  doc: Y.Doc,
  boardId: ArtifactId,
  noteId: string,
  actor: BoardActor,
  change: (note: Y.Map<unknown>, board: Y.Map<unknown>) => void
): boolean =>
  changeBoard(doc, boardId, actor, (board) => {
    const note = sub(board, BOARD.notes).get(noteId)
    if (!(note instanceof Y.Map)) return false
    change(note, board)
    return true
  }) ?? false

export const editStickyNote = (
  doc: Y.Doc,
  boardId: ArtifactId,
  noteId: string,
  patch: { text?: string; colour?: string },
  actor: BoardActor
): boolean =>
  changeNote(doc, boardId, noteId, actor, (note) => {
    if (patch.text !== undefined && note.get('text') !== patch.text) note.set('text', patch.text)
    if (patch.colour !== undefined && note.get('colour') !== patch.colour) note.set('colour', patch.colour)
  })

/** Moves a note to a column; it leaves any cluster that belongs to another column. */
export const moveStickyNote = (
  doc: Y.Doc,
  boardId: ArtifactId,
  noteId: string,
  columnId: string,
  actor: BoardActor,
  now: number
): boolean =>
  changeNote(doc, boardId, noteId, actor, (note, board) => {
    // A removed column takes no notes: they would vanish from the board with it.
    if (!isColumnOnBoard(board, columnId)) return
    note.set('columnId', columnId)
    note.set('order', now)
    const clusterId = note.get('clusterId')
    const cluster = typeof clusterId === 'string' ? sub(board, BOARD.clusters).get(clusterId) : null
    if (cluster instanceof Y.Map && cluster.get('columnId') !== columnId) note.set('clusterId', null)
  })

/** Deleting keeps the note (with its dots) so it can be restored. */
export const deleteStickyNote = (doc: Y.Doc, boardId: ArtifactId, noteId: string, actor: BoardActor, now: number) =>
  changeNote(doc, boardId, noteId, actor, (note) => note.set('deletedAt', now))

export const restoreStickyNote = (doc: Y.Doc, boardId: ArtifactId, noteId: string, actor: BoardActor) =>
  changeNote(doc, boardId, noteId, actor, (note) => note.set('deletedAt', null))

/** Groups notes under a label, in the column of the first note. */
export const createCluster = (
  doc: Y.Doc,
  boardId: ArtifactId,
  input: { label: string; columnId: string; noteIds: readonly string[] },
  actor: BoardActor
): string | null =>
  changeBoard(doc, boardId, actor, (board) => {
    const id = makeArtifactId()
    const cluster = new Y.Map<unknown>()
    cluster.set('label', input.label)
    cluster.set('columnId', input.columnId)
    sub(board, BOARD.clusters).set(id, cluster)
    const notes = sub(board, BOARD.notes)
    for (const noteId of input.noteIds) {
      const note = notes.get(noteId)
      if (note instanceof Y.Map) {
        note.set('clusterId', id)
        note.set('columnId', input.columnId)
      }
    }
    return id
  })

export const renameCluster = (doc: Y.Doc, boardId: ArtifactId, clusterId: string, label: string, actor: BoardActor) =>
  changeBoard(doc, boardId, actor, (board) => {
    const cluster = sub(board, BOARD.clusters).get(clusterId)
    if (cluster instanceof Y.Map) cluster.set('label', label)
  })

/** Puts a note into a cluster (and its column), or takes it out with null. */
export const setNoteCluster = (
  doc: Y.Doc,
  boardId: ArtifactId,
  noteId: string,
  clusterId: string | null,
  actor: BoardActor
): boolean =>
  changeNote(doc, boardId, noteId, actor, (note, board) => {
    if (clusterId === null) {
      note.set('clusterId', null)
      return
    }
    const cluster = sub(board, BOARD.clusters).get(clusterId)
    if (!(cluster instanceof Y.Map)) return
    if (!isColumnOnBoard(board, String(cluster.get('columnId')))) return
    note.set('clusterId', clusterId)
    note.set('columnId', cluster.get('columnId'))
  })

/** Removes a cluster; its notes stay in the column, ungrouped. */
export const removeCluster = (doc: Y.Doc, boardId: ArtifactId, clusterId: string, actor: BoardActor) =>
  changeBoard(doc, boardId, actor, (board) => {
    sub(board, BOARD.clusters).delete(clusterId)
    sub(board, BOARD.notes).forEach((note: Y.Map<unknown>) => {
      if (note.get('clusterId') === clusterId) note.set('clusterId', null)
    })
  })

const setSetting = (doc: Y.Doc, boardId: ArtifactId, key: string, value: unknown, actor: BoardActor) =>
  changeBoard(doc, boardId, actor, (board) => sub(board, BOARD.settings).set(key, value), { facilitatorOnly: true })

/** Facilitator tools. Each refuses quietly for someone who is not a facilitator. */
export const setBoardLocked = (doc: Y.Doc, boardId: ArtifactId, locked: boolean, actor: BoardActor) =>
  setSetting(doc, boardId, 'locked', locked, actor)

export const setBoardAnonymous = (doc: Y.Doc, boardId: ArtifactId, anonymous: boolean, actor: BoardActor) =>
  setSetting(doc, boardId, 'anonymous', anonymous, actor)

export const addFacilitator = (doc: Y.Doc, boardId: ArtifactId, memberId: string, actor: BoardActor) =>
  changeBoard(doc, boardId, actor, (board) => sub(board, BOARD.facilitators).set(memberId, true), {
    facilitatorOnly: true
  })

export const startSilentBrainstorm = (doc: Y.Doc, boardId: ArtifactId, actor: BoardActor) =>
  setSetting(doc, boardId, 'activeBrainstormId', makeArtifactId(), actor)

/**
 * Ends the silent brainstorm with a reveal: each device then adds the notes it held back, in
 * one change of its own (a device that is closed now adds them when it next opens the board).
 */
export const revealBrainstorm = (doc: Y.Doc, boardId: ArtifactId, actor: BoardActor) =>
  endBrainstorm(doc, boardId, actor, 'revealed')

/**
 * Ends the silent brainstorm without a reveal: each person's notes stay on their own device,
 * for them to add to the board or delete; nobody waits for them.
 */
export const endBrainstormWithoutReveal = (doc: Y.Doc, boardId: ArtifactId, actor: BoardActor) =>
  endBrainstorm(doc, boardId, actor, 'ended')

const endBrainstorm = (doc: Y.Doc, boardId: ArtifactId, actor: BoardActor, end: 'revealed' | 'ended') =>
  changeBoard(
    doc,
    boardId,
    actor,
    (board, { activeBrainstormId }) => {
      if (activeBrainstormId === null) return
      const settings = sub(board, BOARD.settings)
      settings.set('activeBrainstormId', null)
      settings.set(brainstormEndKey(activeBrainstormId), end)
      if (end === 'ended') for (const key of waitingKeysOf(settings, activeBrainstormId)) settings.delete(key)
    },
    { facilitatorOnly: true }
  )

/**
 * Stops the board saying notes are still to arrive from devices that have not been back since
 * the reveal. Their notes are still added if those devices open the board again.
 */
export const stopWaitingForNotes = (doc: Y.Doc, boardId: ArtifactId, actor: BoardActor) =>
  changeBoard(
    doc,
    boardId,
    actor,
    (board, { activeBrainstormId }) => {
      const settings = sub(board, BOARD.settings)
      for (const { brainstormId } of readBrainstormRecords(settings).waiting)
        if (brainstormId !== activeBrainstormId) for (const key of waitingKeysOf(settings, brainstormId)) settings.delete(key)
    },
    { facilitatorOnly: true }
  )

/** Opens a new dot vote and shows it on the board. */
export const openVote = (
  doc: Y.Doc,
  boardId: ArtifactId,
  input: { dotsPerPerson: number; allowSeveralOnOneNote: boolean },
  actor: BoardActor,
  now: number
): string | null =>
  changeBoard(
    doc,
    boardId,
    actor,
    (board) => {
      const round = VoteRoundSchema.parse({ id: makeArtifactId(), status: 'open', openedAt: now, ...input })
      sub(board, BOARD.rounds).set(round.id, round)
      sub(board, BOARD.settings).set('currentRoundId', round.id)
      return round.id
    },
    { facilitatorOnly: true }
  )

const setRoundStatus = (doc: Y.Doc, boardId: ArtifactId, status: VoteRound['status'], actor: BoardActor) =>
  changeBoard(
    doc,
    boardId,
    actor,
    (board, settings) => {
      const rounds = sub(board, BOARD.rounds)
      const round = VoteRoundSchema.safeParse(settings.currentRoundId ? rounds.get(settings.currentRoundId) : null)
      if (round.success) rounds.set(round.data.id, { ...round.data, status })
    },
    { facilitatorOnly: true }
  )

export const closeVote = (doc: Y.Doc, boardId: ArtifactId, actor: BoardActor) =>
  setRoundStatus(doc, boardId, 'closed', actor)

export const revealVote = (doc: Y.Doc, boardId: ArtifactId, actor: BoardActor) =>
  setRoundStatus(doc, boardId, 'revealed', actor)

/** Deletes the person's refused dots (see refusedDots); how many went. */
const dropRefused = (board: Y.Map<unknown>, state: BoardState, voterId: string): number => {
  if (!state.round) return 0
  const live = new Set(state.notes.filter((n) => n.deletedAt === null).map((n) => n.id))
  const mine = refusedDots(state.round, state.dots, live).filter((d) => d.voterId === voterId)
  const dots = sub(board, BOARD.dots)
  for (const dot of mine) dots.delete(dot.id)
  return mine.length
}

/**
 * Places one of the person's dots on a note, if the round's rules allow it. Any refused dot of
 * theirs goes first: it has been shown to them, and it must not start counting later unannounced.
 */
export const placeDot = (doc: Y.Doc, boardId: ArtifactId, noteId: string, actor: BoardActor): boolean =>
  changeBoard(doc, boardId, actor, (board) => {
    const state = readBoardFrom(board)
    const round = state.round
    if (!round) return false
    const live = new Set(state.notes.filter((n) => n.deletedAt === null).map((n) => n.id))
    if (!canPlaceDot(round, state.dots, live, actor.memberId, noteId)) return false
    dropRefused(board, state, actor.memberId)
    const slot = nextSlot(round, state.dots, actor.memberId)
    const dot: StoredDot = { roundId: round.id, voterId: actor.memberId, slot, noteId }
    sub(board, BOARD.dots).set(dotKey(round.id, actor.memberId, slot, makeArtifactId()), dot)
    return true
  }) ?? false

/**
 * Takes back one of the person's counting dots from a note (the latest placed), and any refused
 * dot of theirs, which would otherwise start counting in its place.
 */
export const removeDot = (doc: Y.Doc, boardId: ArtifactId, noteId: string, actor: BoardActor): boolean =>
  changeBoard(doc, boardId, actor, (board) => {
    const state = readBoardFrom(board)
    const round = state.round
    if (!round || round.status !== 'open') return false
    const live = new Set(state.notes.filter((n) => n.deletedAt === null).map((n) => n.id))
    const mine = countingDots(round, state.dots, live)
      .filter((d) => d.voterId === actor.memberId && d.noteId === noteId)
      .sort(compareDots)
      .at(-1)
    if (!mine) return false
    dropRefused(board, state, actor.memberId)
    sub(board, BOARD.dots).delete(mine.id)
    return true
  }) ?? false

/** Clears the person's refused dots once they have read which were refused; how many went. */
export const dismissRefusedDots = (doc: Y.Doc, boardId: ArtifactId, actor: BoardActor): number =>
  changeBoard(doc, boardId, actor, (board) => dropRefused(board, readBoardFrom(board), actor.memberId)) ?? 0

const changeTimer = (doc: Y.Doc, boardId: ArtifactId, actor: BoardActor, next: (t: TimerState) => TimerState) =>
  changeBoard(
    doc,
    boardId,
    actor,
    (board) => {
      const timer = sub(board, BOARD.timer)
      const current = TimerSchema.safeParse(timer.get('state'))
      timer.set('state', next(current.success ? current.data : resetTimer(DEFAULT_TIMER_MS)))
    },
    { facilitatorOnly: true }
  )

/** `now` by the clock of the starting device, whose id is `clock` (see TimerSchema). */
export const startBoardTimer = (doc: Y.Doc, boardId: ArtifactId, actor: BoardActor, now: number, clock?: string) =>
  changeTimer(doc, boardId, actor, (t) => startTimer(t, now, clock))
export const pauseBoardTimer = (doc: Y.Doc, boardId: ArtifactId, actor: BoardActor, now: number) =>
  changeTimer(doc, boardId, actor, (t) => pauseTimer(t, now))
export const addMinuteToBoardTimer = (doc: Y.Doc, boardId: ArtifactId, actor: BoardActor, now: number) =>
  changeTimer(doc, boardId, actor, (t) => addToTimer(t, 60_000, now))
export const resetBoardTimer = (doc: Y.Doc, boardId: ArtifactId, durationMs: number, actor: BoardActor) =>
  changeTimer(doc, boardId, actor, () => resetTimer(durationMs))

/** A removed column with the notes that went with it (restoring the column brings them back). */
export interface RemovedColumn {
  column: BoardColumn
  notes: StickyNote[]
}

export interface BoardState {
  /** The columns on the board, left to right. */
  columns: BoardColumn[]
  /** Notes on the board: those in removed columns are under `removedColumns` instead. */
  notes: StickyNote[]
  /** Most recently removed first. */
  removedColumns: RemovedColumn[]
  clusters: Cluster[]
  settings: BoardSettings
  round: VoteRound | null
  dots: Dot[]
  timer: TimerState
  /** How past brainstorms ended and the notes devices still hold back (counts only). */
  brainstorms: BrainstormRecords
}

/** Parses every entry of a map with a schema, keeping the valid ones with their ids. */
const readEntries = <T>(map: Y.Map<any>, parse: (id: string, value: unknown) => T | null): T[] => {
  const result: T[] = []
  map.forEach((value: unknown, id: string) => {
    const parsed = parse(id, value instanceof Y.Map ? value.toJSON() : value)
    if (parsed) result.push(parsed)
  })
  return result
}

/**
 * The board's columns as every device reads them (see layOutColumns), without reading its
 * notes: column edits and note moves need only this.
 */
export const readColumnLayout = (board: Y.Map<unknown>): ColumnLayout =>
  layOutColumns(readEntries(sub(board, BOARD.columns), (id, v) => BoardColumnSchema.safeParse({ ...(v as object), id }).data ?? null))

const readBoardFrom = (board: Y.Map<unknown>): BoardState => {
  const settings = readSettings(board)
  const layout = readColumnLayout(board)
  const columnIds = new Set(layout.live.map((c) => c.id))
  const removedIds = new Set(layout.removed.map((c) => c.id))
  const clusters = readEntries(sub(board, BOARD.clusters), (id, v) => ClusterSchema.safeParse({ ...(v as object), id }).data ?? null)
  const clusterIds = new Set(clusters.map((c) => c.id))
  const allNotes = readEntries(sub(board, BOARD.notes), (id, v) => StickyNoteSchema.safeParse({ ...(v as object), id }).data ?? null)
    // A note whose column is gone altogether shows in the first column; a dangling cluster reads as none.
    .map((n) => ({
      ...n,
      columnId:
        columnIds.has(n.columnId) || removedIds.has(n.columnId) ? n.columnId : (layout.live[0]?.id ?? n.columnId),
      clusterId: n.clusterId && clusterIds.has(n.clusterId) ? n.clusterId : null
    }))
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
  const notes = allNotes.filter((n) => !removedIds.has(n.columnId))
  const rounds = sub(board, BOARD.rounds)
  const round = VoteRoundSchema.safeParse(settings.currentRoundId ? rounds.get(settings.currentRoundId) : null)
  // Keyed by placement (or, from before, by slot): the key is the dot's id either way.
  const dots = readEntries(sub(board, BOARD.dots), (id, v): Dot | null => {
    const dot = DotSchema.safeParse(v).data
    return dot ? { ...dot, id } : null
  })
  const timer = TimerSchema.safeParse(sub(board, BOARD.timer).get('state'))
  return {
    columns: layout.live,
    notes,
    removedColumns: layout.removed.map((column) => ({ column, notes: allNotes.filter((n) => n.columnId === column.id) })),
    // Map iteration order depends on the order updates arrived; sort so every peer reads alike.
    // Groups in a removed column went with it.
    clusters: clusters.filter((c) => !removedIds.has(c.columnId)).sort((a, b) => (a.id < b.id ? -1 : 1)),
    settings,
    round: round.success ? round.data : null,
    dots: dots.sort((a, b) => (a.roundId === b.roundId ? compareDots(a, b) : a.roundId < b.roundId ? -1 : 1)),
    timer: timer.success ? timer.data : resetTimer(DEFAULT_TIMER_MS),
    brainstorms: readBrainstormRecords(sub(board, BOARD.settings))
  }
}

/** Whether a column is on the board as everyone reads it (not removed, or kept as the last one). */
const isColumnOnBoard = (board: Y.Map<unknown>, columnId: string): boolean =>
  readColumnLayout(board).live.some((c) => c.id === columnId)

/**
 * Writes down a column the board only keeps because every column was removed at once (see
 * layOutColumns), so that it stays when another column comes back or is added.
 */
export const keepLastColumn = (board: Y.Map<unknown>): void => {
  const columns = sub(board, BOARD.columns)
  for (const { id } of readColumnLayout(board).live) {
    const column = columns.get(id)
    if (column instanceof Y.Map && typeof column.get('removedAt') === 'number') column.set('removedAt', null)
  }
}

/** Everything on a board, validated; null for an unknown board. */
export const readBoard = (doc: Y.Doc, boardId: ArtifactId): BoardState | null => {
  const board = record(doc, boardId)
  return board ? readBoardFrom(board) : null
}

/** The Yjs type to observe for live updates of a board (its artifact map). */
export const boardMap = (doc: Y.Doc, boardId: ArtifactId): Y.Map<unknown> | null => record(doc, boardId)

