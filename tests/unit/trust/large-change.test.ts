// One local change too large for a change envelope (a huge paste, a long note imported in one
// transaction) while signed sync is on: it is kept here, and reaches the others as a signed state;
// only one larger than any state is held back, and the device says so. Nothing throws.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { artifactBody, createArtifact, readArtifactSummaries } from '../../../src/crdt/artifacts'
import { checkRoomMessage } from '../../../src/sync/message-guard'
import { overBudget } from '../../../src/sync/peer-message-budget'
import { ROOM_SIGNING_LIMITS } from '../../../src/sync/room-signing-limits'
import { makeChangeBatcher } from '../../../src/sync/trust/change-batcher'
import { makeChangeCounter } from '../../../src/sync/trust/change-counter'
import { watchMembership } from '../../../src/sync/trust/membership-from-doc'
import { MAX_SIGNED_UPDATE_BYTES } from '../../../src/sync/trust/signed-change'
import { makeTrustChannel, type OutgoingKind, type SigningLimits } from '../../../src/sync/trust/trust-channel'
import { encodeTrustMessage } from '../../../src/sync/trust-room-message'
import { actor, trustWorkspace, type Device } from './trust-workspace'

type Workspace = Awaited<ReturnType<typeof trustWorkspace>>
const PEER = 'peer-origin'

/** A device's channel, fed by its own edits, with what it sends and what it could not send. */
const channelOf = async (workspace: Workspace, device: Device, limits?: SigningLimits) => {
  const membership = watchMembership(device.doc, workspace.workspaceId, workspace.anchor)
  await membership.settled()
  const channel = makeTrustChannel({
    doc: device.doc,
    workspaceId: workspace.workspaceId,
    keys: device.keys,
    device: device.pub,
    membership,
    apply: (u) => Y.applyUpdate(device.doc, u, PEER),
    ...(limits ? { limits } : {})
  })
  const sent: { signed: Uint8Array; kind: OutgoingKind }[] = []
  const unsent: number[] = []
  channel.onOutgoing((signed, kind) => sent.push({ signed, kind }))
  channel.onUnsent((bytes) => unsent.push(bytes))
  device.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== PEER) channel.local(update)
  })
  return { channel, sent, unsent }
}

/** `characters` of text pasted into a new note in one go. */
const pasteIntoNote = (doc: Y.Doc, characters: number): void => {
  const id = createArtifact(doc, { kind: 'note', title: 'Every interview' }, actor, 2)
  artifactBody(doc, id)!.insert(0, [new Y.XmlText('Resident said the depot floods every winter. '.repeat(Math.ceil(characters / 45)))])
}

const noteLength = (doc: Y.Doc): number => {
  const id = readArtifactSummaries(doc)[0]?.id
  const paragraph = id ? (artifactBody(doc, id)?.get(0) as Y.XmlText | undefined) : undefined
  return paragraph?.length ?? 0
}

/** Everything `sent` holds, received by `to` as the transports would hand it over. */
const deliver = async (sent: { signed: Uint8Array; kind: OutgoingKind }[], to: ReturnType<typeof makeTrustChannel>) => {
  for (const { signed, kind } of sent) {
    if (kind === 'state') expect(await to.receiveState(signed)).toEqual({ verdict: 'accept' })
    else await to.receiveChange(signed, { reply: () => {} })
  }
}

describe('a local change over what a change envelope may carry', () => {
  it('is sent as a signed state, which another device applies whole', async () => {
    const workspace = await trustWorkspace()
    const editor = await channelOf(workspace, workspace.devices.editor!)
    pasteIntoNote(workspace.devices.editor!.doc, 9 * 1024 * 1024)
    await editor.channel.flushed()
    expect(editor.unsent).toEqual([])
    expect(editor.sent.some(({ kind, signed }) => kind === 'state' && signed.length > MAX_SIGNED_UPDATE_BYTES)).toBe(true)
    const owner = await channelOf(workspace, workspace.devices.owner!)
    await deliver(editor.sent, owner.channel)
    expect(noteLength(workspace.devices.owner!.doc)).toBe(noteLength(workspace.devices.editor!.doc))
    expect(noteLength(workspace.devices.owner!.doc)).toBeGreaterThan(9 * 1024 * 1024)
  })

  it('leaves a WebRTC room as a message every peer takes in, also between 4 and 8 MiB', async () => {
    const workspace = await trustWorkspace()
    for (const characters of [5 * 1024 * 1024, 9 * 1024 * 1024]) {
      const editor = await channelOf(workspace, workspace.devices.editor!, ROOM_SIGNING_LIMITS)
      pasteIntoNote(workspace.devices.editor!.doc, characters)
      await editor.channel.flushed()
      editor.channel.destroy()
      for (const { signed, kind } of editor.sent) {
        const message = encodeTrustMessage(kind === 'state' ? 'trust-state' : 'trust-change', signed)
        // Within the size a peer takes for a message of its kind, and well-formed to its end.
        expect(overBudget(message)).toBeNull()
        expect(checkRoomMessage(message)).toBe(kind === 'state' ? 'trust-state' : 'trust-change')
      }
    }
  })
})

describe('the change batcher', () => {
  const batcherFor = async (limits: SigningLimits) => {
    const workspace = await trustWorkspace([])
    const owner = workspace.devices.owner!
    const sent: { kind: OutgoingKind; bytes: number }[] = []
    const unsent: { bytes: number; largest: number }[] = []
    const batcher = makeChangeBatcher({
      workspaceId: workspace.workspaceId,
      author: owner.pub.keyId,
      signingKey: owner.keys.signing.privateKey,
      counter: makeChangeCounter(),
      heads: () => [],
      limits,
      send: (signed, kind) => sent.push({ kind, bytes: signed.length }),
      unsent: (bytes, largest) => unsent.push({ bytes, largest })
    })
    return { batcher, sent, unsent }
  }

  it('holds back only a change larger than any state, says so, and goes on signing the next ones', async () => {
    const { batcher, sent, unsent } = await batcherFor({ change: 1_000, state: 4_000 })
    batcher.add(new Uint8Array(10_000))
    await batcher.flushed()
    batcher.add(new Uint8Array(500))
    batcher.add(new Uint8Array(2_000))
    await batcher.flushed()
    expect(unsent).toEqual([{ bytes: 10_000, largest: 4_000 }])
    expect(sent.map(({ kind }) => kind).sort()).toEqual(['change', 'state'])
  })
})
