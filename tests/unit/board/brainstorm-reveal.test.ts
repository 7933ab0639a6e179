import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addStickyNote,
  createBoard,
  endBrainstormWithoutReveal,
  openVote,
  placeDot,
  readBoard,
  revealBrainstorm,
  startSilentBrainstorm,
  stopWaitingForNotes,
  type BoardActor
} from '../../../src/crdt/board'
import { addRevealedDrafts, setWaitingNotes } from '../../../src/crdt/board-brainstorm'
import { removeColumn } from '../../../src/crdt/board-columns'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { countingDots } from '../../../src/domain/board'
import { draftFate, type BrainstormDraft } from '../../../src/domain/brainstorm-draft'
import { makeArtifactId, makeWorkspaceId } from '../../../src/domain/ids'

const fay: BoardActor = { memberId: 'fay', name: 'Fay Okafor', organisation: 'Oldham Council' }
const sam: BoardActor = { memberId: 'sam', name: 'Sam Reid', organisation: 'Preston City Council' }
const SAMS_DEVICE = 'a'.repeat(32)

/** Two devices of one workspace, each change sent to the other as it happens. */
const setUp = () => {
  const id = makeWorkspaceId()
  const facilitatorDoc = makeWorkspaceDoc(id)
  const participantDoc = makeWorkspaceDoc(id)
  const sent: Uint8Array[] = []
  facilitatorDoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(participantDoc, update, 'remote')
  })
  participantDoc.on('update', (update: Uint8Array, origin: unknown) => {
    sent.push(update)
    if (origin !== 'remote') Y.applyUpdate(facilitatorDoc, update, 'remote')
  })
  const boardId = createBoard(facilitatorDoc, { title: 'Review', columns: ['Ideas', 'Questions'] }, fay, 1)
  const board = () => readBoard(facilitatorDoc, boardId)!
  const [ideas, questions] = board().columns.map((c) => c.id) as [string, string]
  startSilentBrainstorm(facilitatorDoc, boardId, fay)
  const brainstormId = board().settings.activeBrainstormId!
  const draft = (text: string, columnId: string, createdAt: number): BrainstormDraft => ({
    id: makeArtifactId(),
    workspaceId: id,
    boardId,
    brainstormId,
    authorId: sam.memberId,
    text,
    colour: '#fff3a3',
    columnId,
    createdAt
  })
  /** Everything the participant's device has sent, as text. */
  const sentText = () => sent.map((u) => new TextDecoder().decode(u)).join('\n')
  return { facilitatorDoc, participantDoc, boardId, board, ideas, questions, brainstormId, draft, sentText }
}

describe('a silent brainstorm on the shared board', () => {
  it('refuses to write a note into the shared board while a brainstorm is under way', () => {
    const { participantDoc, boardId, ideas, board } = setUp()
    expect(addStickyNote(participantDoc, boardId, { text: 'Secret', colour: '#fff3a3', columnId: ideas }, sam, 5)).toBeNull()
    expect(board().notes).toEqual([])
  })

  it('shares how many notes a device holds back, never their text', () => {
    const { participantDoc, facilitatorDoc, boardId, board, ideas, brainstormId, draft, sentText } = setUp()
    const held = [draft('Bus times do not match opening hours', ideas, 5), draft('Free tea', ideas, 6)]
    setWaitingNotes(participantDoc, boardId, brainstormId, SAMS_DEVICE, held.length, sam)
    expect(board().brainstorms.waiting).toEqual([{ brainstormId, deviceId: SAMS_DEVICE, memberId: 'sam', count: 2 }])
    expect(sentText()).not.toContain('Bus times')
    expect(new TextDecoder().decode(Y.encodeStateAsUpdate(facilitatorDoc))).not.toContain('Bus times')
    expect(draftFate(brainstormId, board().settings.activeBrainstormId, board().brainstorms.ends)).toBe('keep-private')
  })

  it('at the reveal a device adds all its notes in one change, once, and stops being waited for', () => {
    const { participantDoc, facilitatorDoc, boardId, board, ideas, questions, brainstormId, draft } = setUp()
    const held = [draft('Free tea', ideas, 5), draft('Who holds the keys?', questions, 6)]
    setWaitingNotes(participantDoc, boardId, brainstormId, SAMS_DEVICE, held.length, sam)
    revealBrainstorm(facilitatorDoc, boardId, fay)
    expect(board().brainstorms.ends).toEqual({ [brainstormId]: 'revealed' })
    expect(draftFate(brainstormId, board().settings.activeBrainstormId, board().brainstorms.ends)).toBe('add-to-board')
    // Still waited for until the device adds them.
    expect(board().brainstorms.waiting).toHaveLength(1)

    let updates = 0
    participantDoc.on('update', (_u: Uint8Array, origin: unknown) => origin !== 'remote' && updates++)
    const added = addRevealedDrafts(participantDoc, boardId, held, SAMS_DEVICE, sam)
    expect(updates).toBe(1)
    expect(added).toEqual(held.map((d) => d.id))
    expect(board().notes.map((n) => [n.text, n.columnId, n.authorName, n.privateIn])).toEqual([
      ['Free tea', ideas, 'Sam Reid', null],
      ['Who holds the keys?', questions, 'Sam Reid', null]
    ])
    expect(board().brainstorms.waiting).toEqual([])
    // A second tab, or a retry after a crash, adds nothing twice.
    expect(addRevealedDrafts(participantDoc, boardId, held, SAMS_DEVICE, sam)).toEqual([])
    expect(board().notes).toHaveLength(2)
  })

  it('a note whose column was removed meanwhile lands in the first column; someone else’s draft is not added', () => {
    const { participantDoc, facilitatorDoc, boardId, board, ideas, questions, draft } = setUp()
    removeColumn(facilitatorDoc, boardId, questions, fay, 7)
    revealBrainstorm(facilitatorDoc, boardId, fay)
    addRevealedDrafts(participantDoc, boardId, [draft('Late idea', questions, 5), { ...draft('Not mine', ideas, 6), authorId: 'kim' }], SAMS_DEVICE, sam)
    expect(board().notes.map((n) => [n.text, n.columnId])).toEqual([['Late idea', ideas]])
  })

  it('revealed notes take dots like any other', () => {
    const { participantDoc, facilitatorDoc, boardId, board, ideas, draft } = setUp()
    revealBrainstorm(facilitatorDoc, boardId, fay)
    const [noteId] = addRevealedDrafts(participantDoc, boardId, [draft('Free tea', ideas, 5)], SAMS_DEVICE, sam)
    openVote(facilitatorDoc, boardId, { dotsPerPerson: 2, allowSeveralOnOneNote: false }, fay, 10)
    expect(placeDot(facilitatorDoc, boardId, noteId!, fay)).toBe(true)
    const state = board()
    expect(countingDots(state.round!, state.dots, new Set([noteId!])).map((d) => d.noteId)).toEqual([noteId])
  })

  it('ending without a reveal keeps notes on their devices and waits for nobody', () => {
    const { participantDoc, facilitatorDoc, boardId, board, brainstormId } = setUp()
    setWaitingNotes(participantDoc, boardId, brainstormId, SAMS_DEVICE, 3, sam)
    endBrainstormWithoutReveal(participantDoc, boardId, sam) // not a facilitator: refused
    expect(board().settings.activeBrainstormId).toBe(brainstormId)
    endBrainstormWithoutReveal(facilitatorDoc, boardId, fay)
    expect(board().settings.activeBrainstormId).toBeNull()
    expect(draftFate(brainstormId, null, board().brainstorms.ends)).toBe('ended-unrevealed')
    expect(board().brainstorms.waiting).toEqual([])
  })

  it('the facilitator can stop waiting for a device that has not come back since the reveal', () => {
    const { participantDoc, facilitatorDoc, boardId, board, brainstormId } = setUp()
    setWaitingNotes(participantDoc, boardId, brainstormId, SAMS_DEVICE, 2, sam)
    revealBrainstorm(facilitatorDoc, boardId, fay)
    stopWaitingForNotes(facilitatorDoc, boardId, fay)
    expect(board().brainstorms.waiting).toEqual([])
    // The notes still come if that device opens the board again.
    expect(draftFate(brainstormId, null, board().brainstorms.ends)).toBe('add-to-board')
  })

  it('reads malformed brainstorm records from a peer as nothing', () => {
    const { facilitatorDoc, boardId, board, brainstormId } = setUp()
    setWaitingNotes(facilitatorDoc, boardId, brainstormId, SAMS_DEVICE, 1, fay)
    const settings = (facilitatorDoc.getMap('artifacts').get(boardId) as Y.Map<unknown>).get('boardSettings') as Y.Map<unknown>
    settings.set(`brainstormWaiting:${brainstormId}:other`, { memberId: 'kim', count: 1e9 })
    settings.set(`brainstormWaiting:${brainstormId}:third`, 'lots')
    settings.set('brainstormEnd:x', 'exploded')
    expect(board().brainstorms.waiting.map((w) => w.deviceId)).toEqual([SAMS_DEVICE])
    expect(board().brainstorms.ends).toEqual({})
  })
})
