import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createArtifact } from '../../../src/crdt/artifacts'
import { attachAuthorship } from '../../../src/crdt/authorship'
import { createBoard, setBoardLocked, addStickyNote, readBoard, startSilentBrainstorm, revealBrainstorm } from '../../../src/crdt/board'
import { addRevealedDrafts, setWaitingNotes } from '../../../src/crdt/board-brainstorm'
import { addComment, makeTextAnchor } from '../../../src/crdt/comments'
import { recordMember } from '../../../src/crdt/members'
import { trustMap } from '../../../src/crdt/trust/trust-root'
import { updateAreas } from '../../../src/crdt/trust/update-areas'
import { artifactBody } from '../../../src/crdt/artifacts'
import { actor, pair, profile } from './doc-pair'
import { addNoteWrittenInTurns } from './long-note'

const kinds = (result: ReturnType<typeof updateAreas>): string[] => (result.ok ? result.areas.map((a) => JSON.stringify(a)).sort() : ['missing'])

describe('where a received change lands', () => {
  it('sorts content, comments, member records and authorship apart', () => {
    const { sender, receiver, change, deliver } = pair()
    const made = change(() => createArtifact(sender, { kind: 'note', title: 'Interviews' }, actor, 1))
    expect(kinds(updateAreas(receiver, made))).toEqual(['{"kind":"content"}'])
    deliver(made)
    const [artifactId] = [...sender.getMap('artifacts').keys()] as [never]
    const body = artifactBody(sender, artifactId)!
    const writing = change(() => body.insert(0, [new Y.XmlText('Hello')]))
    deliver(writing)
    const text = body.get(0) as Y.XmlText
    const comment = change(() =>
      addComment(sender, artifactId, { anchor: makeTextAnchor({ type: text, index: 0 }, { type: text, index: 2 }), quote: 'He', body: 'Why?' }, actor, 2)
    )
    expect(kinds(updateAreas(receiver, comment))).toEqual(['{"kind":"comments"}'])
    const member = change(() => recordMember(sender, 'ana', profile, 3))
    expect(kinds(updateAreas(receiver, member))).toEqual(['{"kind":"member","memberId":"ana"}'])
    const authorship = change(() => attachAuthorship(sender, 'ana'))
    expect(kinds(updateAreas(receiver, authorship))).toEqual(['{"kind":"authorship","memberId":"ana"}'])
  })

  it('places a whole state holding a long note, whose items each name only their neighbour, for a device that has none of it', () => {
    const { sender, receiver } = pair()
    addNoteWrittenInTurns(sender, 'Interviews', 400)
    const state = Y.encodeStateAsUpdate(sender)
    expect(kinds(updateAreas(receiver, state))).toEqual(['{"kind":"content"}'])
  })

  it('names another member’s authorship when a change credits itself to them (forged authorship)', () => {
    const { sender, receiver, change } = pair()
    const forged = change(() => attachAuthorship(sender, 'bea'))
    expect(kinds(updateAreas(receiver, forged))).toEqual(['{"kind":"authorship","memberId":"bea"}'])
  })

  it('counts a new board as its maker’s content, and its lock afterwards as facilitation', () => {
    const { sender, receiver, change, deliver } = pair()
    let boardId = ''
    const made = change(() => {
      boardId = createBoard(sender, { title: 'Ideas', columns: ['Now'] }, actor, 1)
    })
    expect(kinds(updateAreas(receiver, made))).toEqual(['{"kind":"content"}'])
    deliver(made)
    const lock = change(() => setBoardLocked(sender, boardId as never, true, actor))
    expect(kinds(updateAreas(receiver, lock))).toEqual([`{"kind":"board","boardId":"${boardId}"}`])
    deliver(lock)
    deliver(change(() => setBoardLocked(sender, boardId as never, false, actor)))
    const columnId = readBoard(sender, boardId as never)!.columns[0]!.id
    const note = change(() => addStickyNote(sender, boardId as never, { text: 'x', colour: 'yellow', columnId }, actor, 2))
    expect(kinds(updateAreas(receiver, note))).toEqual(['{"kind":"content"}'])
  })

  it('counts a participant’s brainstorm records (how many notes they hold back, and clearing it at the reveal) as content, the facilitator’s start and reveal as facilitation', () => {
    const { sender, receiver, change, deliver } = pair()
    let boardId = ''
    deliver(change(() => {
      boardId = createBoard(sender, { title: 'Ideas', columns: ['Now'] }, actor, 1)
    }))
    const start = change(() => startSilentBrainstorm(sender, boardId as never, actor))
    expect(kinds(updateAreas(receiver, start))).toEqual([`{"kind":"board","boardId":"${boardId}"}`])
    deliver(start)
    const brainstormId = readBoard(sender, boardId as never)!.settings.activeBrainstormId!
    const holdingBack = change(() => setWaitingNotes(sender, boardId as never, brainstormId, 'device-1', 2, actor))
    expect(kinds(updateAreas(receiver, holdingBack))).toEqual(['{"kind":"content"}'])
    deliver(holdingBack)
    const columnId = readBoard(sender, boardId as never)!.columns[0]!.id
    const draft = { id: 'draft-1', brainstormId, authorId: actor.memberId, text: 'Warm welcome', colour: 'yellow', columnId, createdAt: 5 }
    const revealed = change(() => addRevealedDrafts(sender, boardId as never, [draft as never], 'device-1', actor))
    expect(kinds(updateAreas(receiver, revealed))).toEqual(['{"kind":"content"}'])
    deliver(revealed)
    const reveal = change(() => revealBrainstorm(sender, boardId as never, actor))
    expect(kinds(updateAreas(receiver, reveal))).toEqual([`{"kind":"board","boardId":"${boardId}"}`])
  })

  it('tells adding a membership entry from rewriting or deleting one', () => {
    const { sender, receiver, change, deliver } = pair()
    const add = change(() => trustMap(sender).set('e1', new Uint8Array([1])))
    expect(kinds(updateAreas(receiver, add))).toEqual(['{"kind":"trust"}'])
    deliver(add)
    const overwrite = change(() => trustMap(sender).set('e1', new Uint8Array([2])))
    expect(kinds(updateAreas(receiver, overwrite))).toEqual(['{"kind":"trust-rewrite"}'])
    deliver(overwrite)
    const remove = change(() => trustMap(sender).delete('e1'))
    expect(kinds(updateAreas(receiver, remove))).toEqual(['{"kind":"trust-rewrite"}'])
  })

  it('finds nothing in what the receiver already holds, and waits for what a change builds on', () => {
    const { sender, receiver, change, deliver } = pair()
    const first = change(() => createArtifact(sender, { kind: 'note', title: 'One' }, actor, 1))
    const [artifactId] = [...sender.getMap('artifacts').keys()] as [never]
    const second = change(() => artifactBody(sender, artifactId)!.insert(0, [new Y.XmlText('Hi')]))
    expect(updateAreas(receiver, second)).toEqual({ ok: false, missing: true })
    deliver(first)
    deliver(second)
    expect(updateAreas(receiver, Y.encodeStateAsUpdate(sender))).toEqual({ ok: true, areas: [], credits: [] })
  })
})
