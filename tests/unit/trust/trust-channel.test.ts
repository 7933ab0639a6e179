import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { attachAuthorship } from '../../../src/crdt/authorship'
import { createArtifact, readArtifactSummaries } from '../../../src/crdt/artifacts'
import type { IncomingRefusalReason } from '../../../src/domain/refused-incoming'
import type { GateRefusal } from '../../../src/sync/trust/change-gate'
import { decodeSignedChange } from '../../../src/sync/trust/signed-change'
import { watchMembership } from '../../../src/sync/trust/membership-from-doc'
import { makeTrustChannel, type TrustChannel } from '../../../src/sync/trust/trust-channel'
import { actor, trustWorkspace, type Device } from './trust-workspace'

const titles = (doc: Y.Doc) => readArtifactSummaries(doc).map((a) => a.title)
const PEER = 'peer-origin'

/** Each device's channel, its outgoing signed bytes, and the refusals it was told of. */
const withChannels = async () => {
  const workspace = await trustWorkspace()
  const { workspaceId, anchor, devices } = workspace
  const open = async (device: Device) => {
    const membership = watchMembership(device.doc, workspaceId, anchor)
    await membership.settled()
    /** What this device refused from others, as the Sync status hears of it. */
    const incoming: { reason: IncomingRefusalReason; author: string | null }[] = []
    const channel = makeTrustChannel({
      doc: device.doc,
      workspaceId,
      keys: device.keys,
      device: device.pub,
      membership,
      apply: (u) => Y.applyUpdate(device.doc, u, PEER),
      onRefusedIncoming: (reason, author) => incoming.push({ reason, author })
    })
    const sent: Uint8Array[] = []
    const refused: GateRefusal[] = []
    channel.onOutgoing((bytes) => sent.push(bytes))
    channel.onRefused((reason) => refused.push(reason))
    device.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== PEER) channel.local(update)
    })
    return { channel, sent, refused, incoming, doc: device.doc, key: device.pub.keyId }
  }
  return { ...workspace, owner: await open(devices.owner!), editor: await open(devices.editor!), viewer: await open(devices.viewer!) }
}

/** Delivers everything `from` has signed to `to`, with refusals sent back to `from`. */
const deliver = async (from: { channel: TrustChannel; sent: Uint8Array[] }, to: { channel: TrustChannel }) => {
  await from.channel.flushed()
  const replies: Promise<void>[] = []
  for (const bytes of from.sent.splice(0)) {
    await to.channel.receiveChange(bytes, { reply: (refusal) => replies.push(from.channel.receiveRefusal(refusal)) })
  }
  // Refusals are signed after the decision: once signed, each is read by the sender.
  await to.channel.flushed()
  await Promise.all(replies)
}

/** The owner's and the editor's devices, each with its own authorship record, held by both. */
const withAuthorship = async () => {
  const channels = await withChannels()
  attachAuthorship(channels.owner.doc, 'ana')
  attachAuthorship(channels.editor.doc, 'editor')
  await deliver(channels.owner, channels.editor)
  await deliver(channels.editor, channels.owner)
  return channels
}

/** The client ids one member's authorship record credits to them. */
const idsOf = (doc: Y.Doc, memberId: string): Y.Array<number> => (doc.getMap('users').get(memberId) as Y.Map<Y.Array<number>>).get('ids') as Y.Array<number>

describe('the trust channel', () => {
  it('signs a burst of keystrokes in fewer envelopes than keystrokes, and the editor’s change reaches the owner', async () => {
    const { editor, owner } = await withChannels()
    const text = editor.doc.getText('scratch')
    for (let i = 0; i < 20; i++) text.insert(i, 'x')
    createArtifact(editor.doc, { kind: 'note', title: 'By the editor' }, actor, 2)
    await editor.channel.flushed()
    expect(editor.sent.length).toBeGreaterThan(0)
    expect(editor.sent.length).toBeLessThan(21)
    await deliver(editor, owner)
    expect(titles(owner.doc)).toEqual(['By the editor'])
  })

  it('drops a viewer’s edit, and the viewer is told it was refused', async () => {
    const { viewer, owner } = await withChannels()
    createArtifact(viewer.doc, { kind: 'note', title: 'By the viewer' }, actor, 3)
    await deliver(viewer, owner)
    expect(titles(owner.doc)).toEqual([])
    expect(viewer.refused).toEqual(['not-allowed'])
    expect(owner.refused).toEqual([])
  })

  it('tells its own Sync status of what it refused from others: a change, and a stranger’s state, but not a viewer’s state passing on others’ work', async () => {
    const { viewer, editor, owner, workspaceId, anchor } = await withChannels()
    createArtifact(viewer.doc, { kind: 'note', title: 'By the viewer' }, actor, 3)
    await deliver(viewer, owner)
    expect(owner.incoming).toEqual([{ reason: 'not-allowed', author: viewer.key }])
    expect(editor.incoming).toEqual([])

    // A viewer's state holding the editor's note: refused as always, and nothing to tell (the
    // editor's own device vouches for it).
    createArtifact(editor.doc, { kind: 'note', title: 'By the editor' }, actor, 4)
    Y.applyUpdate(viewer.doc, Y.encodeStateAsUpdate(editor.doc), PEER)
    expect(await owner.channel.receiveState(await viewer.channel.signState(Y.encodeStateAsUpdate(viewer.doc)))).toEqual({ verdict: 'refuse', reason: 'not-allowed' })
    expect(owner.incoming).toHaveLength(1)

    // A device that is no member at all (as when two people each imported the same file): told.
    const stranger = await withKeys()
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(owner.doc))
    const membership = watchMembership(copy, workspaceId, anchor)
    await membership.settled()
    const strangerChannel = makeTrustChannel({ doc: copy, workspaceId, keys: stranger.keys, device: stranger.pub, membership, apply: () => {} })
    createArtifact(copy, { kind: 'note', title: 'By a stranger' }, actor, 5)
    expect(await owner.channel.receiveState(await strangerChannel.signState(Y.encodeStateAsUpdate(copy)))).toEqual({ verdict: 'refuse', reason: 'not-a-member' })
    expect(owner.incoming).toEqual([
      { reason: 'not-allowed', author: viewer.key },
      { reason: 'not-a-member', author: stranger.pub.keyId }
    ])
  })

  it('rejects a change whose author was swapped for another member, and a change crediting another member', async () => {
    const { viewer, editor, owner, devices } = await withChannels()
    createArtifact(viewer.doc, { kind: 'note', title: 'Forged' }, actor, 4)
    await viewer.channel.flushed()
    const forged = (viewer.sent.pop() as Uint8Array).slice()
    forged.set(devices.editor!.pub.signingKey, 1)
    expect(decodeSignedChange(forged).ok).toBe(true)
    await owner.channel.receiveChange(forged, { reply: () => {} })
    attachAuthorship(editor.doc, 'ana')
    await deliver(editor, owner)
    expect(titles(owner.doc)).toEqual([])
    expect(owner.doc.getMap('users').has('ana')).toBe(false)
  })

  it('refuses a forged credit again when the editor who made it sends it inside its state (the periodic resync)', async () => {
    const { editor, owner } = await withAuthorship()
    expect(idsOf(owner.doc, 'editor').toArray()).toEqual([editor.doc.clientID])
    // Past the interface: the editor credits its own client id to the owner.
    idsOf(editor.doc, 'ana').push([editor.doc.clientID])
    await deliver(editor, owner)
    expect(editor.refused).toEqual(['not-allowed'])
    // Peers ask each other for what they lack every 10 s; the editor answers with its state, signed.
    const state = await editor.channel.signState(Y.encodeStateAsUpdate(editor.doc, Y.encodeStateVector(owner.doc)))
    expect(await owner.channel.receiveState(state)).toEqual({ verdict: 'refuse', reason: 'not-allowed' })
    expect(idsOf(owner.doc, 'ana').toArray()).not.toContain(editor.doc.clientID)
  })

  it('refuses a change that claims another member’s client id for its author’s own record', async () => {
    const { editor, owner } = await withAuthorship()
    // The editor's own record may change, but listing the owner's client there takes the owner's work.
    idsOf(editor.doc, 'editor').push([owner.doc.clientID])
    await deliver(editor, owner)
    expect(editor.refused).toEqual(['not-allowed'])
    expect(idsOf(owner.doc, 'editor').toArray()).toEqual([editor.doc.clientID])
  })

  it('still applies an editor’s state carrying other members’ own records to a device that lacks them', async () => {
    const { editor, workspaceId, anchor } = await withAuthorship()
    const fresh = new Y.Doc()
    const membership = watchMembership(fresh, workspaceId, anchor)
    const stranger = await withKeys()
    const receiving = makeTrustChannel({ doc: fresh, workspaceId, keys: stranger.keys, device: stranger.pub, membership, apply: (u) => Y.applyUpdate(fresh, u, PEER) })
    expect(await receiving.receiveState(await editor.channel.signState(Y.encodeStateAsUpdate(editor.doc)))).toEqual({ verdict: 'accept' })
    expect([...fresh.getMap('users').keys()].sort()).toEqual(['ana', 'editor'])
  })

  it('passes an accepted change on exactly as its author signed it', async () => {
    const { editor, owner } = await withChannels()
    let forwarded: Uint8Array | null = null
    owner.doc.on('update', () => {
      forwarded ??= owner.channel.forwarding()
    })
    createArtifact(editor.doc, { kind: 'note', title: 'Passed on' }, actor, 5)
    await editor.channel.flushed()
    const signed = editor.sent[0] as Uint8Array
    await deliver(editor, owner)
    expect(forwarded).toEqual(signed)
  })

  it('applies a signed state from an editor, but not one from a viewer holding content', async () => {
    const { editor, viewer, workspaceId, anchor } = await withChannels()
    createArtifact(editor.doc, { kind: 'note', title: 'From the state' }, actor, 6)
    const fresh = new Y.Doc()
    const membership = watchMembership(fresh, workspaceId, anchor)
    const stranger = await withKeys()
    const receiving = makeTrustChannel({
      doc: fresh,
      workspaceId,
      keys: stranger.keys,
      device: stranger.pub,
      membership,
      apply: (u) => Y.applyUpdate(fresh, u, PEER)
    })
    await receiving.receiveState(await viewer.channel.signState(Y.encodeStateAsUpdate(editor.doc)))
    expect(titles(fresh)).toEqual([])
    await receiving.receiveState(await editor.channel.signState(Y.encodeStateAsUpdate(editor.doc)))
    expect(titles(fresh)).toEqual(['From the state'])
  })
})

const withKeys = async () => {
  const { makeDeviceKeys, publicOf } = await import('../../../src/sync/trust/device-keys')
  const keys = await makeDeviceKeys()
  return { keys, pub: await publicOf(keys) }
}
