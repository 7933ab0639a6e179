// Where a large state lands is worked out in the checking worker against the receiving
// document's state vector, then settled on the page (crdt/trust/area-draft.ts): the two halves
// together must say exactly what updateAreas says with the whole document at hand.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { artifactBody, createArtifact } from '../../../src/crdt/artifacts'
import { attachAuthorship } from '../../../src/crdt/authorship'
import { createBoard, setBoardLocked } from '../../../src/crdt/board'
import { addComment, makeTextAnchor } from '../../../src/crdt/comments'
import { recordMember } from '../../../src/crdt/members'
import { draftAreas, settleAreas, type AreaDraft } from '../../../src/crdt/trust/area-draft'
import { trustMap } from '../../../src/crdt/trust/trust-root'
import { updateAreas, type UpdateAreas } from '../../../src/crdt/trust/update-areas'
import { actor, pair, profile } from './doc-pair'
import { addNoteWrittenInTurns } from './long-note'

const sorted = (result: UpdateAreas): string[] => (result.ok ? result.areas.map((a) => JSON.stringify(a)).sort() : ['missing'])
const creditsOf = (result: UpdateAreas): string[] => (result.ok ? result.credits.map((c) => `${c.memberId}:${c.client}`).sort() : ['missing'])

/** What the worker would hand the page: its draft, through the structured clone a postMessage makes. */
const workerDraft = (receiver: Y.Doc, update: Uint8Array): AreaDraft => structuredClone(draftAreas(Y.decodeUpdate(update), Y.encodeStateVector(receiver)))

/** Both ways of finding where `update` lands on `receiver` agree; the worker's draft comes back for a closer look. */
const agree = (receiver: Y.Doc, update: Uint8Array): { draft: AreaDraft; areas: string[] } => {
  const draft = workerDraft(receiver, update)
  const wholeResult = updateAreas(receiver, update)
  const settled = settleAreas(receiver, draft, update)
  const whole = sorted(wholeResult)
  expect(sorted(settled)).toEqual(whole)
  // The authorship credits too: a forged credit must not pass through the worker's half.
  expect(creditsOf(settled)).toEqual(creditsOf(wholeResult))
  return { draft, areas: whole }
}

const laterChecks = (draft: AreaDraft): string[] => (draft.areas.ok ? draft.areas.later.map((l) => l.check).sort() : [])

describe('where a state lands, found in two halves', () => {
  it('leaves nothing for the page to settle when the receiving document is empty, however long the state', () => {
    const { sender, receiver } = pair()
    addNoteWrittenInTurns(sender, 'Interviews', 400)
    createArtifact(sender, { kind: 'note', title: 'Second' }, actor, 2)
    recordMember(sender, 'ana', profile, 3)
    attachAuthorship(sender, 'ana')
    const { draft, areas } = agree(receiver, Y.encodeStateAsUpdate(sender))
    expect(laterChecks(draft)).toEqual([])
    expect(areas).toEqual(['{"kind":"authorship","memberId":"ana"}', '{"kind":"content"}', '{"kind":"member","memberId":"ana"}'])
  })

  it('asks the page where items it already holds sit: text, comments and a board’s lock', () => {
    const { sender, receiver, change, deliver } = pair()
    let boardId = ''
    deliver(
      change(() => {
        createArtifact(sender, { kind: 'note', title: 'Interviews' }, actor, 1)
        boardId = createBoard(sender, { title: 'Ideas', columns: ['Now'] }, actor, 1)
      })
    )
    const [artifactId] = [...sender.getMap('artifacts').keys()].filter((key) => key !== boardId) as [never]
    const body = artifactBody(sender, artifactId)!
    deliver(change(() => body.insert(0, [new Y.XmlText('Hello')])))
    const text = body.get(0) as Y.XmlText
    const writing = change(() => text.insert(5, ' there'))
    expect(laterChecks(agree(receiver, writing).draft)).toEqual(['place'])
    const comment = change(() => addComment(sender, artifactId, { anchor: makeTextAnchor({ type: text, index: 0 }, { type: text, index: 2 }), quote: 'He', body: 'Why?' }, actor, 2))
    expect(agree(receiver, comment).areas).toEqual(['{"kind":"comments"}'])
    const lock = change(() => setBoardLocked(sender, boardId as never, true, actor))
    expect(agree(receiver, lock).areas).toEqual([`{"kind":"board","boardId":"${boardId}"}`])
  })

  it('asks the page whether a membership entry is new, and whether a deleted item was held', () => {
    const { sender, receiver, change, deliver } = pair()
    const add = change(() => trustMap(sender).set('e1', new Uint8Array([1])))
    const first = agree(receiver, add)
    expect(laterChecks(first.draft)).toEqual(['trust-key'])
    expect(first.areas).toEqual(['{"kind":"trust"}'])
    deliver(add)
    // Written anew by another device: a key of the log already there is an overwrite.
    expect(agree(receiver, add).areas).toEqual([])
    const overwrite = change(() => trustMap(sender).set('e1', new Uint8Array([2])))
    expect(agree(receiver, overwrite).areas).toEqual(['{"kind":"trust-rewrite"}'])
    deliver(overwrite)
    const remove = change(() => trustMap(sender).delete('e1'))
    const removed = agree(receiver, remove)
    expect(laterChecks(removed.draft)).toEqual(['deleted'])
    expect(removed.areas).toEqual(['{"kind":"trust-rewrite"}'])
    deliver(remove)
    // Deleting again what is deleted already changes nothing.
    expect(agree(receiver, remove).areas).toEqual([])
  })

  it('agrees on a whole state for a device that holds part of it, and on one built on what nobody here has', () => {
    const { sender, receiver, change, deliver } = pair()
    addNoteWrittenInTurns(sender, 'Interviews', 50)
    deliver(Y.encodeStateAsUpdate(sender))
    const [artifactId] = [...sender.getMap('artifacts').keys()] as [never]
    const body = artifactBody(sender, artifactId)!
    const text = body.get(0) as Y.XmlText
    change(() => text.delete(0, 40))
    change(() => trustMap(sender).set('e2', new Uint8Array([3])))
    change(() => recordMember(sender, 'bea', profile, 4))
    agree(receiver, Y.encodeStateAsUpdate(sender))
    const ahead = pair()
    const made = ahead.change(() => createArtifact(ahead.sender, { kind: 'note', title: 'One' }, actor, 1))
    const [id] = [...ahead.sender.getMap('artifacts').keys()] as [never]
    const second = ahead.change(() => artifactBody(ahead.sender, id)!.insert(0, [new Y.XmlText('Hi')]))
    expect(agree(ahead.receiver, second).areas).toEqual(['missing'])
    expect(made.length).toBeGreaterThan(0)
  })

  it('reads the state whole again on the page when the document moved on after the draft was made', () => {
    const { sender, receiver, change, deliver } = pair()
    const add = change(() => trustMap(sender).set('e1', new Uint8Array([1])))
    const stale = workerDraft(receiver, add)
    // Meanwhile the same entry arrived another way: sent again, it changes nothing.
    deliver(add)
    expect(sorted(settleAreas(receiver, stale, add))).toEqual(sorted(updateAreas(receiver, add)))
    expect(sorted(settleAreas(receiver, stale, add))).toEqual([])
  })

  it('finds a client id credited in a member record the receiver already holds, as the whole pass does', () => {
    const { sender, receiver, change, deliver } = pair()
    recordMember(sender, 'ana', profile, 1)
    attachAuthorship(sender, 'ana')
    deliver(Y.encodeStateAsUpdate(sender))
    const otherClient = 4_242_424
    const forged = change(() => {
      const record = sender.getMap('users').get('ana') as Y.Map<unknown>
      ;(record.get('ids') as Y.Array<number>).push([otherClient])
    })
    const { draft } = agree(receiver, forged)
    expect(laterChecks(draft)).toContain('place')
    expect(creditsOf(settleAreas(receiver, draft, forged))).toContain(`ana:${otherClient}`)
  })
})
