// Relay entries pass the trust gate (docs/trust.md, "Relay entries"): what the relay delivers is
// judged by its signer's role like a WebRTC peer's state, whoever sealed it with the room key.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { createArtifact, readArtifactSummaries } from '../../../src/crdt/artifacts'
import { RELAY } from '../../../src/crdt/origins'
import { addTrustEntry } from '../../../src/crdt/trust/trust-root'
import { makeWorkspaceSecret, type WorkspaceSecret } from '../../../src/domain/ids'
import { toBase64Url } from '../../../src/domain/base64url'
import type { StoredRelayState } from '../../../src/domain/relay-state'
import type { DeviceKeyId } from '../../../src/domain/trust/membership-entry'
import { decodeEnvelope, encodeCompactedEnvelope, encodeUpdateEnvelopes, makeSenderId, PART_BYTES } from '../../../src/sync/relay/relay-envelope'
import { deriveRelayKeys, type RelayKeys } from '../../../src/sync/relay/relay-keys'
import { openSealed, seal } from '../../../src/sync/relay/relay-seal'
import { makeRelayTransport } from '../../../src/sync/relay/relay-transport'
import { forwardLocalChanges } from '../../../src/sync/local-changes'
import { trackState } from '../../../src/sync/state-summary'
import { encodeEntry } from '../../../src/sync/trust/membership-codec'
import { gatedDevice, type GatedDevice } from './gated-device'
import { InMemoryRelay } from '../../fuzz/in-memory-relay'
import { makeRandom } from '../../fuzz/seeded-random'
import { addNoteWrittenInTurns } from './long-note'
import { actor, trustWorkspace, type Device } from './trust-workspace'

const URL = 'ws://127.0.0.1:1/relay'
const TIMING = { batchMs: 20, reconcileMs: 300, summaryRetryMs: 20, persistMs: 20, backoff: { baseMs: 50, maxMs: 500 }, compactDelayMs: [20, 60] as [number, number] }
const titles = (doc: Y.Doc) => readArtifactSummaries(doc).map((a) => a.title)

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

type Workspace = Awaited<ReturnType<typeof trustWorkspace>>

/** A device's trust channel, signing states as the app's would for the relay. */
const channelOf = async (workspace: Workspace, device: Device, doc = device.doc): Promise<GatedDevice> => {
  const gated = await gatedDevice(workspace.workspaceId, workspace.anchor, device, doc)
  cleanups.push(() => gated.destroy())
  return gated
}

/** What `device` changed with `fn`, as a Yjs update. */
const changeOn = (device: Device, fn: (doc: Y.Doc) => void): Uint8Array => {
  const before = Y.encodeStateVector(device.doc)
  fn(device.doc)
  return Y.encodeStateAsUpdate(device.doc, before)
}

interface ModelRoom {
  entries: { seq: number; sealed: Uint8Array }[]
  head: number
  snapshot: { covers: number; sealed: Uint8Array } | null
}
const roomOf = (relay: InMemoryRelay, keys: RelayKeys): ModelRoom => {
  const room = Buffer.from(keys.token).toString('hex')
  if (!relay.rooms.has(room)) relay.rooms.set(room, { entries: [], head: 0, snapshot: null } as never)
  return relay.rooms.get(room) as unknown as ModelRoom
}

/** Entries in the relay's room as a device holding the room key appends them (envelope version 2 when `signed`). */
const putEntries = async (relay: InMemoryRelay, keys: RelayKeys, entries: { payload: Uint8Array; signed: boolean }[]) => {
  const sender = makeSenderId()
  const held = roomOf(relay, keys)
  for (const [index, entry] of entries.entries()) {
    const [envelope] = encodeUpdateEnvelopes(sender, index + 1, '', entry.payload, PART_BYTES, entry.signed)
    held.entries.push({ seq: ++held.head, sealed: await seal(keys, 'entry', envelope as Uint8Array) })
  }
}

/** The receiving device: the app's relay transport with the trust gate, on the workspace's receiving doc. */
const openReceiver = (relay: InMemoryRelay, secret: WorkspaceSecret, doc: Y.Doc, gated: GatedDevice, stored: StoredRelayState | null = null) => {
  const tracker = trackState(doc, () => {}, (task) => task())
  const awareness = new Awareness(doc)
  const device = { stored: null as StoredRelayState | null, origins: [] as unknown[] }
  doc.on('update', (_u: Uint8Array, origin: unknown) => device.origins.push(origin))
  const transport = makeRelayTransport({
    urls: [URL],
    doc,
    awareness,
    secret,
    relayState: stored,
    onRelayState: (state) => (device.stored = state),
    localSummary: () => tracker.summary(),
    online: () => true,
    socket: relay.socket,
    timing: TIMING,
    trust: gated.relay
  })
  const stopForwarding = forwardLocalChanges(doc, () => [transport])
  const close = async () => {
    stopForwarding()
    await transport.destroy()
    tracker.destroy()
    awareness.destroy()
  }
  cleanups.push(close)
  void transport.open()
  return { stored: () => device.stored, origins: device.origins, close, after: () => device.stored?.relays[0]?.after ?? -1 }
}

const setUp = async () => {
  const workspace = await trustWorkspace()
  const relay = new InMemoryRelay(makeRandom(21))
  cleanups.push(() => relay.close())
  const secret = makeWorkspaceSecret()
  const keys = await deriveRelayKeys(secret)
  const receiving = await channelOf(workspace, workspace.devices.owner!, workspace.receiver)
  return { workspace, relay, secret, keys, receiving }
}

describe('relay entries and the trust gate', () => {
  it('applies an editor’s signed entry under the relay origin, and drops a viewer’s that writes content', async () => {
    const { workspace, relay, secret, keys, receiving } = await setUp()
    const { editor, viewer } = workspace.devices as Record<string, Device>
    const viewerEntry = await (await channelOf(workspace, viewer!)).channel.signState(changeOn(viewer!, (doc) => createArtifact(doc, { kind: 'note', title: 'By the viewer' }, actor, 1)))
    const editorEntry = await (await channelOf(workspace, editor!)).channel.signState(changeOn(editor!, (doc) => createArtifact(doc, { kind: 'note', title: 'By the editor' }, actor, 2)))
    await putEntries(relay, keys, [
      { payload: viewerEntry, signed: true },
      { payload: editorEntry, signed: true }
    ])
    const receiver = openReceiver(relay, secret, workspace.receiver, receiving)
    // Both entries decided: the cursor has passed them.
    await expect.poll(() => receiver.after(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2)
    expect(titles(workspace.receiver)).toEqual(['By the editor'])
    expect(receiver.origins).toContain(RELAY)
  })

  it('drops an unsigned entry, and one whose author was swapped for an editor, and the Sync status hears of both', async () => {
    const { workspace, relay, secret, keys, receiving } = await setUp()
    const { editor, viewer } = workspace.devices as Record<string, Device>
    // The control first: the entries after it build on it, never the other way round.
    const control = await (await channelOf(workspace, editor!)).channel.signState(changeOn(editor!, (doc) => createArtifact(doc, { kind: 'note', title: 'Signed' }, actor, 3)))
    const unsigned = changeOn(editor!, (doc) => createArtifact(doc, { kind: 'note', title: 'Unsigned' }, actor, 5))
    const forged = (await (await channelOf(workspace, viewer!)).channel.signState(changeOn(viewer!, (doc) => createArtifact(doc, { kind: 'note', title: 'Forged' }, actor, 4)))).slice()
    forged.set(editor!.pub.signingKey, 1)
    await putEntries(relay, keys, [
      { payload: unsigned, signed: false },
      { payload: forged, signed: true },
      { payload: control, signed: true }
    ])
    const receiver = openReceiver(relay, secret, workspace.receiver, receiving)
    await expect.poll(() => receiver.after(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3)
    expect(titles(workspace.receiver)).toEqual(['Signed'])
    // Before, the unsigned entry went by with a console line only: the person never knew.
    expect(receiving.incoming).toEqual([
      { reason: 'unsigned', author: null },
      { reason: 'bad-signature', author: null }
    ])
  })

  it('counts an unsigned entry after the legacy first catch-up, not the old ones it takes', async () => {
    const { workspace, relay, secret, keys } = await setUp()
    const editor = workspace.devices.editor!
    // A workspace made before trust: its first catch-up takes the unsigned entries every old member holds.
    const receiving = await gatedDevice(workspace.workspaceId, { kind: 'legacy' }, workspace.devices.owner!, workspace.receiver)
    cleanups.push(() => receiving.destroy())
    const old = changeOn(editor, (doc) => createArtifact(doc, { kind: 'note', title: 'Before signing' }, actor, 8))
    const signed = await (await channelOf(workspace, editor)).channel.signState(changeOn(editor, (doc) => createArtifact(doc, { kind: 'note', title: 'Signed' }, actor, 9)))
    // Once an upgraded device has written, an unsigned entry is from an old device, or from anyone with the link.
    const late = changeOn(editor, (doc) => createArtifact(doc, { kind: 'note', title: 'From an old device' }, actor, 10))
    await putEntries(relay, keys, [
      { payload: old, signed: false },
      { payload: signed, signed: true },
      { payload: late, signed: false },
      { payload: late, signed: false }
    ])
    const warn = vi.spyOn(console, 'warn')
    cleanups.push(() => warn.mockRestore())
    const receiver = openReceiver(relay, secret, workspace.receiver, receiving)
    await expect.poll(() => receiver.after(), { timeout: 30_000 }).toBeGreaterThanOrEqual(4)
    expect(titles(workspace.receiver).sort()).toEqual(['Before signing', 'Signed'])
    expect(receiving.incoming).toEqual([
      { reason: 'unsigned', author: null },
      { reason: 'unsigned', author: null }
    ])
    // The console hears of the first only: a flood of them is one line.
    expect(warn.mock.calls.filter(([line]) => String(line).includes('unsigned entry'))).toHaveLength(1)
  })

  it('tells the console of at most 50 dropped entries a minute, however many a relay sends', async () => {
    const { relay, secret, keys, receiving, workspace } = await setUp()
    // Signed entries that are not signed changes at all: each is dropped, and each would be a line.
    const garbage = Array.from({ length: 80 }, (_, i) => ({ payload: new Uint8Array([0x4d, 0x53, i, 1, 2, 3]), signed: true }))
    await putEntries(relay, keys, garbage)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    cleanups.push(() => warn.mockRestore())
    const receiver = openReceiver(relay, secret, workspace.receiver, receiving)
    await expect.poll(() => receiver.after(), { timeout: 30_000 }).toBeGreaterThanOrEqual(80)
    const lines = warn.mock.calls.map(([line]) => String(line))
    expect(lines.filter((line) => line.includes('did not decode or apply'))).toHaveLength(50)
    expect(lines.filter((line) => line.includes('are left out'))).toHaveLength(1)
  })

  it('keeps the saved cursor before an entry waiting for membership, so a reload fetches it again', async () => {
    const { workspace, relay, secret, keys, receiving } = await setUp()
    const { editor, owner } = workspace.devices as Record<string, Device>
    const editorChannel = await channelOf(workspace, editor!)
    const before = await editorChannel.channel.signState(changeOn(editor!, (doc) => createArtifact(doc, { kind: 'note', title: 'Before' }, actor, 6)))
    // The owner adds a membership entry the receiver has not seen; the editor learns it, and its
    // next state cites it without carrying it.
    const invite = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair
    const inviteKey = toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', invite.publicKey))) as DeviceKeyId
    const { entry, bytes } = await encodeEntry(
      workspace.workspaceId,
      { author: owner!.pub.keyId, signingKey: owner!.keys.signing.privateKey },
      workspace.ownerMembership.view().current().heads,
      { kind: 'invite', inviteKey, role: 'viewer' }
    )
    addTrustEntry(owner!.doc, entry.id, bytes)
    Y.applyUpdate(editor!.doc, Y.encodeStateAsUpdate(owner!.doc))
    const waiting = await (await channelOf(workspace, editor!)).channel.signState(changeOn(editor!, (doc) => createArtifact(doc, { kind: 'note', title: 'Waiting' }, actor, 7)))
    await putEntries(relay, keys, [
      { payload: waiting, signed: true },
      { payload: before, signed: true }
    ])
    const first = openReceiver(relay, secret, workspace.receiver, receiving)
    await expect.poll(() => titles(workspace.receiver), { timeout: 30_000 }).toEqual(['Before'])
    await first.close()
    // The cursor taken as it closed is handed on once its (already resolved) storage check settles.
    await new Promise((resolve) => setTimeout(resolve, 0))
    // Entry 2 is applied, entry 1 still waits: the cursor saved stays before entry 1.
    expect(first.after()).toBe(0)
    receiving.destroy()

    // The membership entry arrives (from a peer, say) and the device reloads from its saved cursor.
    addTrustEntry(workspace.receiver, entry.id, bytes)
    const again = await channelOf(workspace, owner!, workspace.receiver)
    const second = openReceiver(relay, secret, workspace.receiver, again, first.stored())
    await expect.poll(() => titles(workspace.receiver).sort(), { timeout: 30_000 }).toEqual(['Before', 'Waiting'])
    await expect.poll(() => second.after(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2)
  })

  it('drops a snapshot signed by a viewer that holds content, and applies the editor’s entry after it', async () => {
    const { workspace, relay, secret, keys, receiving } = await setUp()
    const { editor, viewer } = workspace.devices as Record<string, Device>
    const viewerState = await (await channelOf(workspace, viewer!)).channel.signState(changeOn(viewer!, (doc) => createArtifact(doc, { kind: 'note', title: 'Snapshot by the viewer' }, actor, 8)))
    const editorEntry = await (await channelOf(workspace, editor!)).channel.signState(changeOn(editor!, (doc) => createArtifact(doc, { kind: 'note', title: 'By the editor' }, actor, 9)))
    const room = roomOf(relay, keys)
    room.head = 1
    room.snapshot = { covers: 1, sealed: await seal(keys, 'snapshot', encodeCompactedEnvelope(makeSenderId(), 1, '', [], viewerState, true)) }
    await putEntries(relay, keys, [{ payload: editorEntry, signed: true }])
    const receiver = openReceiver(relay, secret, workspace.receiver, receiving)
    await expect.poll(() => receiver.after(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2)
    expect(titles(workspace.receiver)).toEqual(['By the editor'])
  })

  it('appends signed entries (envelope version 2) from a device with the gate, which another device with the gate applies', async () => {
    const { workspace, relay, secret, keys, receiving } = await setUp()
    const { editor } = workspace.devices as Record<string, Device>
    const sending = openReceiver(relay, secret, editor!.doc, await channelOf(workspace, editor!))
    await expect.poll(() => sending.after(), { timeout: 30_000 }).toBeGreaterThanOrEqual(0)
    createArtifact(editor!.doc, { kind: 'note', title: 'Sent signed' }, actor, 10)
    openReceiver(relay, secret, workspace.receiver, receiving)
    await expect.poll(() => titles(workspace.receiver), { timeout: 30_000 }).toEqual(['Sent signed'])
    const room = roomOf(relay, keys)
    expect(room.entries.length).toBeGreaterThan(0)
    for (const entry of room.entries) {
      const plain = (await openSealed(keys, 'entry', entry.sealed)) as Uint8Array
      expect(plain[0]).toBe(2)
      // A device without the gate reads it as an older device does: unreadable, nothing applied.
      expect(decodeEnvelope(plain).ok).toBe(false)
    }
  })

  it('brings a lab its owner imported, long notes written in turns included, to a device catching up through the relay', async () => {
    const { workspace, relay, secret, receiving } = await setUp()
    const owner = workspace.devices.owner!
    // The lab arrives from a file on the owner's device, as the app's import brings it.
    addNoteWrittenInTurns(owner.doc, 'Depot interviews', 400)
    const uploading = openReceiver(relay, secret, owner.doc, await channelOf(workspace, owner))
    await expect.poll(() => uploading.after(), { timeout: 30_000 }).toBeGreaterThanOrEqual(1)
    openReceiver(relay, secret, workspace.receiver, receiving)
    await expect.poll(() => titles(workspace.receiver), { timeout: 30_000 }).toEqual(['Depot interviews'])
  })
})
