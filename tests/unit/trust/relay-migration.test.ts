// Relay logs from before signing, and telling the signer of a refused relay entry (docs/trust.md,
// "Relay entries" 2 and 5, "The legacy first catch-up" and "Telling the signer of a refused relay
// entry"), against the real relay over PGlite and over PostgreSQL (MUTUAL_TEST_DATABASE_URL).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { createArtifact, readArtifactSummaries } from '../../../src/crdt/artifacts'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { toBase64Url } from '../../../src/domain/base64url'
import type { DeviceKeyId } from '../../../src/domain/trust/membership-entry'
import { makeWorkspaceSecret, type WorkspaceSecret } from '../../../src/domain/ids'
import { encodeRefusalEnvelope, encodeUpdateEnvelopes, makeSenderId, ENVELOPE_VERSION } from '../../../src/sync/relay/relay-envelope'
import { deriveRelayKeys, type RelayKeys } from '../../../src/sync/relay/relay-keys'
import { seal } from '../../../src/sync/relay/relay-seal'
import { makeDeviceKeys } from '../../../src/sync/trust/device-keys'
import { signRelayRefusal, type RelayRefusal } from '../../../src/sync/trust/relay-refusal'
import { appendFrame, closeTestClients, joinRoom } from '../relay/support/relay-client'
import { startTestRelay, stopTestRelays } from '../relay/support/test-relay'
import { openTestDatabase, type StoreKind, type TestDatabase } from '../relay/support/test-stores'
import { startDevice, type TestDevice } from '../sync/relay/support/relay-devices'
import { gatedDevice, type GatedDevice } from './gated-device'
import { actor, newDevice, trustWorkspace, type Device } from './trust-workspace'

// A real database and sockets on a shared machine: generous limits, never a timed assertion.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })
const WAIT = { timeout: 240_000, interval: 50 }
/** Refusal notices wait a moment for another device's first; short here. */
const TIMING = { refusalNoticeDelayMs: [0, 100] as const }

const titles = (doc: Y.Doc) => readArtifactSummaries(doc).map((a) => a.title).sort()
const afterOf = (device: TestDevice) => device.stored?.relays[0]?.after ?? 0
const ackedOf = (device: TestDevice) => device.stored?.relays[0]?.acked ?? 0
const synced = (device: TestDevice) => device.transport.status().state === 'synced'

/** The real relay over `kind` for one describe block, and what each test leaves to close. */
const useRelay = (kind: StoreKind) => {
  let database: TestDatabase
  const relay = { url: '', cleanups: [] as (() => unknown)[] }
  beforeAll(async () => {
    database = await openTestDatabase(kind)
    relay.url = (await startTestRelay(await database.open())).url
  })
  afterAll(async () => {
    await stopTestRelays()
    await database?.close()
  })
  afterEach(async () => {
    for (const cleanup of relay.cleanups.splice(0).reverse()) await cleanup()
    closeTestClients()
  })
  return relay
}

describe.each(['pglite', 'postgres'] as StoreKind[])('relay logs from before signing, on %s', (kind) => {
  const relay = useRelay(kind)
  const { cleanups } = relay

  const setUp = async () => {
    const workspace = await trustWorkspace()
    const secret = makeWorkspaceSecret()
    return { workspace, secret, keys: await deriveRelayKeys(secret) }
  }
  type Workspace = Awaited<ReturnType<typeof trustWorkspace>>
  const gated = async (workspace: Workspace, device: Device, anchor = workspace.anchor): Promise<GatedDevice> => {
    const made = await gatedDevice(workspace.workspaceId, anchor, device)
    cleanups.push(() => made.destroy())
    return made
  }
  const connect = (secret: WorkspaceSecret, doc: Y.Doc, options: { trust?: GatedDevice; stored?: TestDevice['stored'] } = {}): TestDevice => {
    const device = startDevice({ url: relay.url, secret, doc, stored: options.stored ?? null, timing: TIMING, ...(options.trust ? { trust: options.trust.relay } : {}) })
    cleanups.push(() => device.destroy())
    return device
  }
  /** A device from before signing: it appends unsigned entries (envelope version 1). */
  const oldDevice = async (secret: WorkspaceSecret, workspace: Workspace, title: string): Promise<{ device: TestDevice; doc: Y.Doc }> => {
    const doc = makeWorkspaceDoc(workspace.workspaceId)
    createArtifact(doc, { kind: 'note', title }, actor, 1)
    const device = connect(secret, doc)
    await expect.poll(() => synced(device) && ackedOf(device) > 0, WAIT).toBe(true)
    return { device, doc }
  }
  /** A device that has never used this relay, with its own keys, behind the trust gate. */
  const joiner = async (workspace: Workspace, anchor = workspace.anchor) => {
    const device = await newDevice(workspace.workspaceId)
    return { doc: device.doc, trust: await gated(workspace, device, anchor) }
  }
  const headOf = async (keys: RelayKeys): Promise<number> => (await joinRoom(relay.url, Buffer.from(keys.token))).welcome.head

  it('brings an old unsigned log to an upgraded device joining a workspace made before trust', async () => {
    const { workspace, secret, keys } = await setUp()
    const old = await oldDevice(secret, workspace, 'Written before signing')
    const head = await headOf(keys)
    const joining = await joiner(workspace, { kind: 'legacy' })
    const device = connect(secret, joining.doc, { trust: joining.trust })
    await expect.poll(() => afterOf(device), WAIT).toBeGreaterThanOrEqual(head)
    expect(titles(joining.doc)).toEqual(['Written before signing'])

    // Only on that first catch-up: an unsigned entry appended once it is over is dropped.
    const liveAt = ackedOf(old.device)
    createArtifact(old.doc, { kind: 'note', title: 'After the catch-up' }, actor, 4)
    await expect.poll(() => ackedOf(old.device), WAIT).toBeGreaterThan(liveAt)
    await expect.poll(() => afterOf(device), WAIT).toBeGreaterThanOrEqual(ackedOf(old.device))
    expect(titles(joining.doc)).toEqual(['Written before signing'])
  })

  it('never takes an unsigned entry in a workspace founded with trust (a `claims` anchor)', async () => {
    const { workspace, secret, keys } = await setUp()
    await oldDevice(secret, workspace, 'Written before signing')
    const head = await headOf(keys)
    const joining = await joiner(workspace)
    const device = connect(secret, joining.doc, { trust: joining.trust })
    await expect.poll(() => afterOf(device), WAIT).toBeGreaterThanOrEqual(head)
    expect(titles(joining.doc)).toEqual([])
  })

  it('drops an unsigned entry after the first signed one in the room', async () => {
    const { workspace, secret } = await setUp()
    const owner = workspace.devices.owner!
    const old = await oldDevice(secret, workspace, 'Old')
    // An upgraded member writes: from here on, every honest device appends signed entries.
    const upgraded = connect(secret, owner.doc, { trust: await gated(workspace, owner) })
    await expect.poll(() => synced(upgraded) && ackedOf(upgraded) > 0, WAIT).toBe(true)
    createArtifact(owner.doc, { kind: 'note', title: 'Signed' }, actor, 2)
    const signedAt = ackedOf(upgraded)
    await expect.poll(() => ackedOf(upgraded), WAIT).toBeGreaterThan(signedAt)
    // Someone with the link (an old device, or anyone who ever held it) appends unsigned.
    const lateAt = ackedOf(old.device)
    createArtifact(old.doc, { kind: 'note', title: 'Late' }, actor, 3)
    await expect.poll(() => ackedOf(old.device), WAIT).toBeGreaterThan(lateAt)

    const joining = await joiner(workspace, { kind: 'legacy' })
    const device = connect(secret, joining.doc, { trust: joining.trust })
    await expect.poll(() => afterOf(device), WAIT).toBeGreaterThanOrEqual(ackedOf(old.device))
    expect(titles(joining.doc)).toEqual(['Old', 'Signed'])
  })

  it('re-sends an upgraded device’s whole state signed once, and only once', async () => {
    const { workspace, secret, keys } = await setUp()
    const owner = workspace.devices.owner!
    createArtifact(owner.doc, { kind: 'note', title: 'Lab notes' }, actor, 5)
    // Before the upgrade: the owner's device syncs unsigned, and remembers that the relay holds it all.
    const before = connect(secret, owner.doc)
    await expect.poll(() => synced(before), WAIT).toBe(true)
    await before.destroy()
    const stored = before.stored
    expect(stored?.relays[0]?.heldSigned).toBeUndefined()
    const unsignedHead = await headOf(keys)

    // Upgraded: the same device, the same cursor, now with signed sync.
    const upgraded = connect(secret, owner.doc, { stored, trust: await gated(workspace, owner) })
    await expect.poll(() => synced(upgraded) && upgraded.stored?.relays[0]?.heldSigned === true, WAIT).toBe(true)
    await upgraded.destroy()
    const migratedHead = await headOf(keys)
    expect(migratedHead).toBeGreaterThan(unsignedHead)

    // What it re-sent is signed: a device of a workspace with trust (no exception) gets the lab from it.
    const joining = await joiner(workspace)
    const reader = connect(secret, joining.doc, { trust: joining.trust })
    await expect.poll(() => titles(joining.doc), WAIT).toEqual(['Lab notes'])
    await expect.poll(() => afterOf(reader), WAIT).toBeGreaterThanOrEqual(migratedHead)

    // Opened again: the forgetting is remembered, nothing is sent again.
    const again = connect(secret, owner.doc, { stored: upgraded.stored, trust: await gated(workspace, owner) })
    await expect.poll(() => synced(again), WAIT).toBe(true)
    expect(await headOf(keys)).toBe(migratedHead)
  })
})

describe.each(['pglite', 'postgres'] as StoreKind[])('telling the signer of a refused relay entry, on %s', (kind) => {
  const relay = useRelay(kind)
  const { cleanups } = relay

  const live = async (secret: WorkspaceSecret, workspace: Awaited<ReturnType<typeof trustWorkspace>>, device: Device) => {
    const trust = await gatedDevice(workspace.workspaceId, workspace.anchor, device)
    const relayDevice = startDevice({ url: relay.url, secret, doc: device.doc, timing: TIMING, trust: trust.relay })
    cleanups.push(() => trust.destroy())
    cleanups.push(() => relayDevice.destroy())
    await expect.poll(() => synced(relayDevice), WAIT).toBe(true)
    return { trust, relayDevice }
  }

  it('tells the viewer whose signed entry the others refused, and nobody else', async () => {
    const workspace = await trustWorkspace()
    const secret = makeWorkspaceSecret()
    const { owner, editor, viewer } = workspace.devices as Record<string, Device>
    const owners = await live(secret, workspace, owner!)
    const editors = await live(secret, workspace, editor!)
    const viewers = await live(secret, workspace, viewer!)
    // A change past the interface: a viewer's device writing content.
    createArtifact(viewer!.doc, { kind: 'note', title: 'By the viewer' }, actor, 6)
    await expect.poll(() => viewers.trust.told, WAIT).toEqual(['not-allowed'])
    expect(owners.trust.told).toEqual([])
    expect(editors.trust.told).toEqual([])
    expect(titles(owner!.doc)).toEqual([])
    // The notices are entries with their senders' next counters: no device sees a gap.
    expect(viewers.relayDevice.transport.status().gap).toBe(false)
  })

  it('ignores garbage and forged notices, which change nothing', async () => {
    const workspace = await trustWorkspace()
    const secret = makeWorkspaceSecret()
    const keys = await deriveRelayKeys(secret)
    const { owner, editor, viewer } = workspace.devices as Record<string, Device>
    const ownerKey = owner!.keys.signing.privateKey
    const about = (author: DeviceKeyId, refusedBy: DeviceKeyId): RelayRefusal => ({ reason: 'not-allowed', sender: makeSenderId(), counter: 1, author, refusedBy })
    const stranger = await makeDeviceKeys()
    const strangerId = toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', stranger.signing.publicKey))) as DeviceKeyId
    const flipped = (await signRelayRefusal(workspace.workspaceId, ownerKey, about(viewer!.pub.keyId, owner!.pub.keyId))).slice()
    flipped[30] = (flipped[30] as number) ^ 1
    const otherWorkspace = await trustWorkspace()
    const notices: Uint8Array[] = [
      // Not a notice at all, and one over the size bound.
      crypto.getRandomValues(new Uint8Array(40)),
      crypto.getRandomValues(new Uint8Array(512)),
      // Naming the viewer, signed by a key that is no member's device.
      await signRelayRefusal(workspace.workspaceId, stranger.signing.privateKey, about(viewer!.pub.keyId, strangerId)),
      // Naming the viewer, signed by the owner, then changed.
      flipped,
      // Naming the viewer, signed by the owner, for another workspace.
      await signRelayRefusal(otherWorkspace.workspaceId, ownerKey, about(viewer!.pub.keyId, owner!.pub.keyId)),
      // A good notice naming another device: the viewer's device is not the one told.
      await signRelayRefusal(workspace.workspaceId, ownerKey, about(editor!.pub.keyId, owner!.pub.keyId))
    ]
    const sender = makeSenderId()
    const sealed = await Promise.all(notices.map((notice, index) => seal(keys, 'entry', encodeRefusalEnvelope(sender, index + 1, notice.subarray(0, 512)))))
    // Over the envelope's bound for a notice, and a notice in an unsigned envelope.
    const oversized = encodeRefusalEnvelope(sender, notices.length + 1, new Uint8Array(512))
    const grown = new Uint8Array(oversized.length + 1)
    grown.set(oversized)
    sealed.push(await seal(keys, 'entry', grown))
    const unsigned = encodeRefusalEnvelope(sender, notices.length + 2, notices[notices.length - 1] as Uint8Array)
    unsigned[0] = ENVELOPE_VERSION
    sealed.push(await seal(keys, 'entry', unsigned))
    // Then an editor's signed entry, to know when the viewer's device has read past them.
    const editorTrust = await gatedDevice(workspace.workspaceId, workspace.anchor, editor!)
    cleanups.push(() => editorTrust.destroy())
    const before = Y.encodeStateVector(editor!.doc)
    createArtifact(editor!.doc, { kind: 'note', title: 'After the notices' }, actor, 7)
    const control = await editorTrust.channel.signState(Y.encodeStateAsUpdate(editor!.doc, before))
    sealed.push(await seal(keys, 'entry', encodeUpdateEnvelopes(makeSenderId(), 1, '', control, undefined, true)[0] as Uint8Array))

    const writer = await joinRoom(relay.url, Buffer.from(keys.token))
    for (const [index, blob] of sealed.entries()) {
      writer.client.send(appendFrame(index + 1, Buffer.from(blob)))
      await writer.client.next('ack')
    }
    const viewerBefore = Y.encodeStateAsUpdate(viewer!.doc)
    const viewers = await live(secret, workspace, viewer!)
    await expect.poll(() => titles(viewer!.doc), WAIT).toEqual(['After the notices'])
    expect(viewers.trust.told).toEqual([])
    // Nothing but the editor's entry reached the document.
    const expected = makeWorkspaceDoc(workspace.workspaceId)
    Y.applyUpdate(expected, viewerBefore)
    Y.applyUpdate(expected, Y.encodeStateAsUpdate(editor!.doc))
    expect(Y.encodeStateVector(viewer!.doc)).toEqual(Y.encodeStateVector(expected))
  })
})
