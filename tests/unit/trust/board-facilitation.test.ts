import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { keepFacilitationInLog } from '../../../src/app/board-facilitation'
import { createBoard, readBoard, setBoardLocked } from '../../../src/crdt/board'
import { addTrustEntry } from '../../../src/crdt/trust/trust-root'
import { signChange } from '../../../src/sync/trust/change-signing'
import { encodeEntry } from '../../../src/sync/trust/membership-codec'
import { watchMembership } from '../../../src/sync/trust/membership-from-doc'
import { actor, trustWorkspace } from './trust-workspace'

describe('board facilitation kept in the membership log', () => {
  it('lets an editor who made a board lock it for everyone, once their device has written its facilitate entry', async () => {
    const { workspaceId, anchor, devices, receiver, gate, refusals, signed, membership: receiverMembership } = await trustWorkspace(['editor'])
    const editor = devices.editor!
    const me = { ...actor, memberId: 'editor' }
    let boardId = ''
    await gate.receive(await signed(editor, (doc) => (boardId = createBoard(doc, { title: 'Ideas', columns: ['Now'] }, me, 1))))
    expect(readBoard(receiver, boardId as never)).not.toBeNull()

    const membership = watchMembership(editor.doc, workspaceId, anchor)
    await membership.settled()
    const before = Y.encodeStateVector(editor.doc)
    const headsBefore = membership.view().current().heads
    const stop = keepFacilitationInLog({
      doc: editor.doc,
      membership,
      memberId: 'editor',
      write: async (grant) => {
        const { entry, bytes } = await encodeEntry(
          workspaceId,
          { author: editor.pub.keyId, signingKey: editor.keys.signing.privateKey },
          membership.view().current().heads,
          { kind: 'facilitate', on: true, ...grant }
        )
        addTrustEntry(editor.doc, entry.id, bytes)
      }
    })
    await expect.poll(() => membership.view().current().state.facilitators.get(boardId)?.has('editor') ?? false).toBe(true)
    stop()

    // The entry reaches the others like any change; then the lock, citing it, is accepted.
    const sign = (update: Uint8Array, heads: string[]) =>
      signChange(workspaceId, editor.keys.signing.privateKey, { author: editor.pub.keyId, counter: ++editor.counter, heads: heads as never, update })
    await gate.receive(await sign(Y.encodeStateAsUpdate(editor.doc, before), headsBefore))
    const beforeLock = Y.encodeStateVector(editor.doc)
    setBoardLocked(editor.doc, boardId as never, true, me)
    await gate.receive(await sign(Y.encodeStateAsUpdate(editor.doc, beforeLock), membership.view().current().heads))
    // The lock cites the new entry: decided once the receiver has folded it in.
    await receiverMembership.settled()
    gate.retry()
    expect(gate.held()).toBe(0)
    expect(refusals).toEqual([])
    expect(readBoard(receiver, boardId as never)!.settings.locked).toBe(true)
  })
})
