import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeArtifactDoc } from '../../../src/crdt/artifact-doc'
import type { DocKey } from '../../../src/domain/doc-key'
import { makeArtifactId } from '../../../src/domain/ids'
import type { IncomingRefusalReason } from '../../../src/domain/refused-incoming'
import { checkSignedState } from '../../../src/sync/trust/state-check'
import { watchMembership } from '../../../src/sync/trust/membership-from-doc'
import { makeTrustChannel } from '../../../src/sync/trust/trust-channel'
import { trustWorkspace, type Device } from './trust-workspace'

const PEER = 'peer-origin'

/** A trust channel for one of `device`'s documents (`doc` under `docKey`), judged by the workspace's membership. */
const channelFor = async (workspace: Awaited<ReturnType<typeof trustWorkspace>>, device: Device, doc: Y.Doc, docKey: DocKey) => {
  const membership = watchMembership(device.doc, workspace.workspaceId, workspace.anchor)
  await membership.settled()
  const refused: IncomingRefusalReason[] = []
  const sent: Uint8Array[] = []
  const channel = makeTrustChannel({
    doc,
    docKey,
    workspaceId: workspace.workspaceId,
    keys: device.keys,
    device: device.pub,
    membership,
    apply: (u) => Y.applyUpdate(doc, u, PEER),
    onRefusedIncoming: (reason) => refused.push(reason)
  })
  channel.onOutgoing((bytes) => sent.push(bytes))
  return { channel, refused, sent, doc }
}

const text = (doc: Y.Doc) => doc.getText('body').toString()

describe('signed changes and states of artifact documents', () => {
  it('apply to the document they were signed for, and are refused when offered to another artifact document or to the workspace document', async () => {
    const workspace = await trustWorkspace()
    const editor = workspace.devices.editor as Device
    const owner = workspace.devices.owner as Device
    const [a, b] = [makeArtifactId(), makeArtifactId()]
    const editorA = await channelFor(workspace, editor, makeArtifactDoc(a), a)
    editorA.doc.getText('body').insert(0, 'Only for A')
    const state = await editorA.channel.signState(Y.encodeStateAsUpdate(editorA.doc))
    editorA.channel.local(Y.encodeStateAsUpdate(editorA.doc))
    await editorA.channel.flushed()
    const [change] = editorA.sent
    if (!change) throw new Error('the editor signed no change')

    const ownerB = await channelFor(workspace, owner, makeArtifactDoc(b), b)
    expect(await ownerB.channel.receiveState(state)).toEqual({ verdict: 'refuse', reason: 'bad-signature' })
    await ownerB.channel.receiveChange(change, { reply: () => {} })
    expect(text(ownerB.doc)).toBe('')
    expect(ownerB.refused).toEqual(['bad-signature', 'bad-signature'])

    const ownerRoot = await channelFor(workspace, owner, owner.doc, '')
    expect(await ownerRoot.channel.receiveState(state)).toEqual({ verdict: 'refuse', reason: 'bad-signature' })
    await ownerRoot.channel.receiveChange(change, { reply: () => {} })
    expect(text(owner.doc)).toBe('')

    // Checked in the worker (a large state), the same: the request names the document.
    const request = (docKey: DocKey) => ({ signedState: state, workspaceId: workspace.workspaceId, docKey, stateVector: new Uint8Array([0]) })
    expect((await checkSignedState(request(b))).signature).toBe('bad')
    expect((await checkSignedState(request(''))).signature).toBe('bad')
    expect((await checkSignedState(request(a))).signature).toBe('good')
    expect(ownerB.channel.stateCheckRequest(state).docKey).toBe(b)

    const ownerA = await channelFor(workspace, owner, makeArtifactDoc(a), a)
    expect(await ownerA.channel.receiveState(state)).toEqual({ verdict: 'accept' })
    expect(text(ownerA.doc)).toBe('Only for A')
    const ownerA2 = await channelFor(workspace, owner, makeArtifactDoc(a), a)
    await ownerA2.channel.receiveChange(change, { reply: () => {} })
    expect(text(ownerA2.doc)).toBe('Only for A')
  })

  it('refuses a workspace document state offered to an artifact document', async () => {
    const workspace = await trustWorkspace()
    const editor = workspace.devices.editor as Device
    const owner = workspace.devices.owner as Device
    const editorRoot = await channelFor(workspace, editor, new Y.Doc(), '')
    const scratch = new Y.Doc()
    scratch.getText('body').insert(0, 'From the root')
    const state = await editorRoot.channel.signState(Y.encodeStateAsUpdate(scratch))
    const a = makeArtifactId()
    const ownerA = await channelFor(workspace, owner, makeArtifactDoc(a), a)
    expect(await ownerA.channel.receiveState(state)).toEqual({ verdict: 'refuse', reason: 'bad-signature' })
    expect(text(ownerA.doc)).toBe('')
  })
})
