import { describe, expect, it } from 'vitest'
import { addLegacyPrivateNote } from './legacy-private-note'
import * as Y from 'yjs'
import { countingDots, isNoteVisibleTo, refusedDots, type Dot } from '../../../src/domain/board'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import {
  BoardLockedError,
  addStickyNote,
  createBoard,
  createCluster,
  dismissRefusedDots,
  moveStickyNote,
  openVote,
  placeDot,
  readBoard,
  removeCluster,
  removeDot,
  revealBrainstorm,
  setBoardLocked,
  startSilentBrainstorm,
  startBoardTimer,
  type BoardActor
} from '../../../src/crdt/board'

const facilitator: BoardActor = { memberId: 'fac', name: 'Fay', organisation: 'Oldham Council' }
const participant: BoardActor = { memberId: 'par', name: 'Pat', organisation: 'Preston City Council' }

/** Two tabs of one person, each with its own copy of the workspace so far. */
const twoTabs = (doc: Y.Doc): [Y.Doc, Y.Doc] => {
  const tabs: [Y.Doc, Y.Doc] = [new Y.Doc({ gc: false }), new Y.Doc({ gc: false })]
  for (const tab of tabs) Y.applyUpdate(tab, Y.encodeStateAsUpdate(doc))
  return tabs
}

const setUp = () => {
  const doc = makeWorkspaceDoc(makeWorkspaceId())
  const boardId = createBoard(doc, { title: 'Review', columns: ['Works', 'Doesn’t'] }, facilitator, 1)
  const state = readBoard(doc, boardId)
  if (!state) throw new Error('no board')
  return { doc, boardId, columns: state.columns.map((c) => c.id) as [string, string] }
}

describe('board document', () => {
  it('starts with the template columns in order and its creator as facilitator', () => {
    const { doc, boardId } = setUp()
    const state = readBoard(doc, boardId)
    expect(state?.columns.map((c) => c.title)).toEqual(['Works', 'Doesn’t'])
    expect(state?.settings.facilitatorIds).toEqual(['fac'])
    expect(state?.timer).toEqual({ status: 'stopped', durationMs: 300_000 })
  })

  it('lets only facilitators act on a locked board', () => {
    const { doc, boardId, columns } = setUp()
    expect(setBoardLocked(doc, boardId, true, participant)).toBeNull()
    expect(readBoard(doc, boardId)?.settings.locked).toBe(false)
    setBoardLocked(doc, boardId, true, facilitator)
    expect(() => addStickyNote(doc, boardId, { text: 'x', colour: '#fff3a3', columnId: columns[0] }, participant, 2)).toThrow(BoardLockedError)
    expect(addStickyNote(doc, boardId, { text: 'y', colour: '#fff3a3', columnId: columns[0] }, facilitator, 2)).toBeTypeOf('string')
  })

  it('hides notes an earlier version wrote into a silent brainstorm from others until it is revealed', () => {
    const { doc, boardId, columns } = setUp()
    startSilentBrainstorm(doc, boardId, facilitator)
    addLegacyPrivateNote(doc, boardId, { text: 'secret idea', columnId: columns[0] }, participant, 5)
    const during = readBoard(doc, boardId)
    if (!during) throw new Error('no board')
    const note = during.notes[0]
    if (!note) throw new Error('no note')
    expect(isNoteVisibleTo(note, during.settings, 'par')).toBe(true)
    expect(isNoteVisibleTo(note, during.settings, 'fac')).toBe(false)
    revealBrainstorm(doc, boardId, facilitator)
    const after = readBoard(doc, boardId)
    if (!after) throw new Error('no board')
    expect(isNoteVisibleTo(after.notes[0] as typeof note, after.settings, 'fac')).toBe(true)
    // A later brainstorm does not hide notes from an earlier one again.
    startSilentBrainstorm(doc, boardId, facilitator)
    const later = readBoard(doc, boardId)
    expect(later && isNoteVisibleTo(later.notes[0] as typeof note, later.settings, 'fac')).toBe(true)
  })

  it('groups notes into clusters and drops the cluster when a note moves to another column', () => {
    const { doc, boardId, columns } = setUp()
    const a = addStickyNote(doc, boardId, { text: 'a', colour: '#fff3a3', columnId: columns[0] }, participant, 2) as string
    const b = addStickyNote(doc, boardId, { text: 'b', colour: '#fff3a3', columnId: columns[1] }, participant, 3) as string
    const cluster = createCluster(doc, boardId, { label: 'Housing', columnId: columns[0], noteIds: [a, b] }, participant)
    expect(readBoard(doc, boardId)?.notes.map((n) => [n.clusterId, n.columnId])).toEqual([
      [cluster, columns[0]],
      [cluster, columns[0]]
    ])
    moveStickyNote(doc, boardId, b, columns[1], participant, 4)
    expect(readBoard(doc, boardId)?.notes.find((n) => n.id === b)?.clusterId).toBeNull()
    removeCluster(doc, boardId, cluster as string, participant)
    expect(readBoard(doc, boardId)?.notes.every((n) => n.clusterId === null)).toBe(true)
  })

  it('keeps a person within their dots when two tabs vote offline and then merge', () => {
    const { doc, boardId, columns } = setUp()
    const notes = ['a', 'b', 'c', 'd'].map((t, i) => addStickyNote(doc, boardId, { text: t, colour: '#fff3a3', columnId: columns[0] }, facilitator, 10 + i) as string)
    openVote(doc, boardId, { dotsPerPerson: 2, allowSeveralOnOneNote: false }, facilitator, 20)
    const [tab1, tab2] = twoTabs(doc)
    expect(placeDot(tab1, boardId, notes[0] as string, participant)).toBe(true)
    expect(placeDot(tab1, boardId, notes[1] as string, participant)).toBe(true)
    expect(placeDot(tab1, boardId, notes[2] as string, participant)).toBe(false)
    expect(placeDot(tab2, boardId, notes[2] as string, participant)).toBe(true)
    expect(placeDot(tab2, boardId, notes[3] as string, participant)).toBe(true)
    Y.applyUpdate(tab1, Y.encodeStateAsUpdate(tab2))
    Y.applyUpdate(tab2, Y.encodeStateAsUpdate(tab1))
    const merged = readBoard(tab1, boardId)
    const round = merged?.round
    if (!merged || !round) throw new Error('no round')
    const live = new Set(merged.notes.map((n) => n.id))
    expect(countingDots(round, merged.dots, live).filter((d) => d.voterId === 'par')).toHaveLength(2)
    // The two dots over the allowance are kept, refused, so the person can be told which.
    expect(refusedDots(round, merged.dots, live).filter((d) => d.voterId === 'par')).toHaveLength(2)
    expect(readBoard(tab2, boardId)).toEqual(merged)
  })

  it('keeps both dots one person places at the same moment from two tabs', () => {
    const { doc, boardId, columns } = setUp()
    const notes = ['a', 'b'].map((t, i) => addStickyNote(doc, boardId, { text: t, colour: '#fff3a3', columnId: columns[0] }, facilitator, 10 + i) as string)
    openVote(doc, boardId, { dotsPerPerson: 3, allowSeveralOnOneNote: false }, facilitator, 20)
    const [tab1, tab2] = twoTabs(doc)
    expect(placeDot(tab1, boardId, notes[0] as string, participant)).toBe(true)
    expect(placeDot(tab2, boardId, notes[1] as string, participant)).toBe(true)
    Y.applyUpdate(tab1, Y.encodeStateAsUpdate(tab2))
    Y.applyUpdate(tab2, Y.encodeStateAsUpdate(tab1))
    const merged = readBoard(tab1, boardId)
    if (!merged?.round) throw new Error('no round')
    const live = new Set(merged.notes.map((n) => n.id))
    const mine = countingDots(merged.round, merged.dots, live).filter((d: Dot) => d.voterId === 'par')
    expect(mine.map((d) => d.noteId).sort()).toEqual([...notes].sort())
    expect(readBoard(tab2, boardId)).toEqual(merged)
  })

  it('takes back refused dots when the person next changes their dots, so none comes back unannounced', () => {
    const { doc, boardId, columns } = setUp()
    const notes = ['a', 'b', 'c'].map((t, i) => addStickyNote(doc, boardId, { text: t, colour: '#fff3a3', columnId: columns[0] }, facilitator, 10 + i) as string)
    openVote(doc, boardId, { dotsPerPerson: 1, allowSeveralOnOneNote: false }, facilitator, 20)
    const [tab1, tab2] = twoTabs(doc)
    placeDot(tab1, boardId, notes[0] as string, participant)
    placeDot(tab2, boardId, notes[1] as string, participant)
    Y.applyUpdate(tab1, Y.encodeStateAsUpdate(tab2))
    const before = readBoard(tab1, boardId)
    if (!before?.round) throw new Error('no round')
    const live = new Set(before.notes.map((n) => n.id))
    const counted = countingDots(before.round, before.dots, live)
    expect(counted).toHaveLength(1)
    expect(refusedDots(before.round, before.dots, live)).toHaveLength(1)
    // Taking back the dot that counts leaves none: the refused one does not take its place.
    expect(removeDot(tab1, boardId, counted[0]?.noteId as string, participant)).toBe(true)
    const after = readBoard(tab1, boardId)
    if (!after?.round) throw new Error('no round')
    expect(after.dots).toEqual([])
    // Dismissing refused dots deletes only refused ones.
    placeDot(tab1, boardId, notes[2] as string, participant)
    expect(dismissRefusedDots(tab1, boardId, participant)).toBe(0)
    expect(readBoard(tab1, boardId)?.dots).toHaveLength(1)
  })

  it('still reads dots stored before each placement had its own key', () => {
    const { doc, boardId, columns } = setUp()
    const note = addStickyNote(doc, boardId, { text: 'a', colour: '#fff3a3', columnId: columns[0] }, facilitator, 10) as string
    const roundId = openVote(doc, boardId, { dotsPerPerson: 2, allowSeveralOnOneNote: false }, facilitator, 20) as string
    const board = (doc.getMap('artifacts').get(boardId) as Y.Map<unknown>).get('boardDots') as Y.Map<unknown>
    // The earlier layout: `<round>:<voter>:<slot>` holding the dot as a plain value.
    board.set(`${roundId}:par:0`, { roundId, voterId: 'par', slot: 0, noteId: note })
    const state = readBoard(doc, boardId)
    if (!state?.round) throw new Error('no round')
    expect(countingDots(state.round, state.dots, new Set([note]))).toHaveLength(1)
    const other = addStickyNote(doc, boardId, { text: 'b', colour: '#fff3a3', columnId: columns[0] }, facilitator, 11) as string
    expect(placeDot(doc, boardId, other, participant)).toBe(true)
    expect(placeDot(doc, boardId, note, participant)).toBe(false)
    expect(removeDot(doc, boardId, note, participant)).toBe(true)
    expect(readBoard(doc, boardId)?.dots.map((d) => d.noteId)).toEqual([other])
  })

  it('records a running timer as an end time', () => {
    const { doc, boardId } = setUp()
    startBoardTimer(doc, boardId, facilitator, 1_000)
    expect(readBoard(doc, boardId)?.timer).toEqual({ status: 'running', durationMs: 300_000, endsAt: 301_000 })
    expect(startBoardTimer(doc, boardId, participant, 2_000)).toBeNull()
  })
})
