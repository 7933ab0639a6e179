import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { isNoteVisibleTo } from '../../../src/domain/board'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import {
  BoardLockedError,
  addStickyNote,
  createBoard,
  createCluster,
  moveStickyNote,
  openVote,
  placeDot,
  readBoard,
  removeCluster,
  revealBrainstorm,
  setBoardLocked,
  startSilentBrainstorm,
  startBoardTimer,
  type BoardActor
} from '../../../src/crdt/board'

const facilitator: BoardActor = { memberId: 'fac', name: 'Fay', organisation: 'Oldham Council' }
const participant: BoardActor = { memberId: 'par', name: 'Pat', organisation: 'Preston City Council' }

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

  it('hides notes written in a silent brainstorm from others until it is revealed', () => {
    const { doc, boardId, columns } = setUp()
    startSilentBrainstorm(doc, boardId, facilitator)
    addStickyNote(doc, boardId, { text: 'secret idea', colour: '#fff3a3', columnId: columns[0] }, participant, 5)
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
    const tab1 = new Y.Doc({ gc: false })
    const tab2 = new Y.Doc({ gc: false })
    Y.applyUpdate(tab1, Y.encodeStateAsUpdate(doc))
    Y.applyUpdate(tab2, Y.encodeStateAsUpdate(doc))
    expect(placeDot(tab1, boardId, notes[0] as string, participant)).toBe(true)
    expect(placeDot(tab1, boardId, notes[1] as string, participant)).toBe(true)
    expect(placeDot(tab1, boardId, notes[2] as string, participant)).toBe(false)
    expect(placeDot(tab2, boardId, notes[2] as string, participant)).toBe(true)
    expect(placeDot(tab2, boardId, notes[3] as string, participant)).toBe(true)
    Y.applyUpdate(tab1, Y.encodeStateAsUpdate(tab2))
    Y.applyUpdate(tab2, Y.encodeStateAsUpdate(tab1))
    const merged = readBoard(tab1, boardId)
    expect(merged?.dots.filter((d) => d.voterId === 'par')).toHaveLength(2)
    expect(readBoard(tab2, boardId)).toEqual(merged)
  })

  it('records a running timer as an end time', () => {
    const { doc, boardId } = setUp()
    startBoardTimer(doc, boardId, facilitator, 1_000)
    expect(readBoard(doc, boardId)?.timer).toEqual({ status: 'running', durationMs: 300_000, endsAt: 301_000 })
    expect(startBoardTimer(doc, boardId, participant, 2_000)).toBeNull()
  })
})
