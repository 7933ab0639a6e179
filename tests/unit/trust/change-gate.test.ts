import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createArtifact, readArtifactSummaries } from '../../../src/crdt/artifacts'
import { attachAuthorship } from '../../../src/crdt/authorship'
import { addTrustEntry } from '../../../src/crdt/trust/trust-root'
import { initialiseWorkspace } from '../../../src/crdt/workspace-meta'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { makeWorkspaceId, type WorkspaceId } from '../../../src/domain/ids'
import { toBase64Url } from '../../../src/domain/base64url'
import type { DeviceKeyId, EntryBody, TrustAnchor } from '../../../src/domain/trust/membership-entry'
import { roleOfDevice } from '../../../src/domain/trust/membership-state'
import type { Role } from '../../../src/domain/trust/roles'
import { makeChangeGate, type GateRefusal } from '../../../src/sync/trust/change-gate'
import { signChange } from '../../../src/sync/trust/change-signing'
import { makeDeviceKeys, publicOf, type DeviceKeys, type DevicePublic } from '../../../src/sync/trust/device-keys'
import { foundNewWorkspace, upgradeLegacyWorkspace } from '../../../src/sync/trust/founding'
import { encodeEntry } from '../../../src/sync/trust/membership-codec'
import { watchMembership } from '../../../src/sync/trust/membership-from-doc'

const actor = { name: 'Ana', organisation: 'Leeds' }

interface Device {
  keys: DeviceKeys
  pub: DevicePublic
  doc: Y.Doc
  counter: number
}

const newDevice = async (workspaceId: WorkspaceId): Promise<Device> => {
  const keys = await makeDeviceKeys()
  return { keys, pub: await publicOf(keys), doc: makeWorkspaceDoc(workspaceId), counter: 0 }
}

/**
 * A workspace founded by an owner who invited an editor and a viewer, a receiving device (the
 * owner's other copy) behind a change gate, and a way for any device to sign a change.
 */
const workspace = async () => {
  const workspaceId = makeWorkspaceId()
  const owner = await newDevice(workspaceId)
  initialiseWorkspace(owner.doc, { name: 'Lab', description: '', leadCouncil: 'Leeds', partnerCouncils: [], startDate: null } as never, actor, 1)
  const ownerMembership = watchMembership(owner.doc, workspaceId, { kind: 'legacy' })
  const anchor = await foundNewWorkspace({ doc: owner.doc, workspaceId, keys: owner.keys, device: owner.pub, memberId: 'ana', membership: ownerMembership })
  const devices: Record<string, Device> = { owner }
  const write = async (author: Device, body: EntryBody, inviteKey?: CryptoKey) => {
    await ownerMembership.settled()
    const parents = ownerMembership.view().current().heads
    const { entry, bytes } = await encodeEntry(workspaceId, { author: author.pub.keyId, signingKey: author.keys.signing.privateKey, inviteKey }, parents, body)
    addTrustEntry(owner.doc, entry.id, bytes)
    await ownerMembership.settled()
    return entry
  }
  for (const role of ['editor', 'viewer'] as Role[]) {
    const invite = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair
    const inviteKey = toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', invite.publicKey))) as DeviceKeyId
    const made = await write(owner, { kind: 'invite', inviteKey, role })
    const joiner = await newDevice(workspaceId)
    await write(joiner, { kind: 'join', invite: made.id, inviteKey, memberId: role, wrapKey: toBase64Url(joiner.pub.wrapKey) }, invite.privateKey)
    devices[role] = joiner
  }
  for (const device of Object.values(devices)) if (device !== owner) Y.applyUpdate(device.doc, Y.encodeStateAsUpdate(owner.doc))

  const receiver = makeWorkspaceDoc(workspaceId)
  Y.applyUpdate(receiver, Y.encodeStateAsUpdate(owner.doc))
  const membership = watchMembership(receiver, workspaceId, anchor)
  await membership.settled()
  const refusals: GateRefusal[] = []
  const gate = makeChangeGate({
    doc: receiver,
    workspaceId,
    membership: () => membership.view(),
    apply: (update) => Y.applyUpdate(receiver, update, 'peer'),
    refuse: (_change, reason) => refusals.push(reason)
  })
  /** What a device sends for one change of its own: the update, signed, citing what it has seen. */
  const signed = async (device: Device, fn: (doc: Y.Doc) => void): Promise<Uint8Array> => {
    const before = Y.encodeStateVector(device.doc)
    fn(device.doc)
    const update = Y.encodeStateAsUpdate(device.doc, before)
    return signChange(workspaceId, device.keys.signing.privateKey, {
      author: device.pub.keyId,
      counter: ++device.counter,
      heads: ownerMembership.view().current().heads,
      update
    })
  }
  return { workspaceId, anchor, devices, receiver, membership, gate, refusals, signed, ownerMembership }
}

const titles = (doc: Y.Doc) => readArtifactSummaries(doc).map((a) => a.title)

describe('the change gate', () => {
  it('applies an editor’s change, and drops a viewer’s edit and tells the viewer why', async () => {
    const { devices, receiver, gate, refusals, signed } = await workspace()
    await gate.receive(await signed(devices.editor!, (doc) => createArtifact(doc, { kind: 'note', title: 'By the editor' }, actor, 2)))
    await gate.receive(await signed(devices.viewer!, (doc) => createArtifact(doc, { kind: 'note', title: 'By the viewer' }, actor, 3)))
    expect(titles(receiver)).toEqual(['By the editor'])
    expect(refusals).toEqual(['not-allowed'])
  })

  it('refuses a change crediting itself to another member, and a change whose author was swapped', async () => {
    const { devices, receiver, gate, refusals, signed } = await workspace()
    const forged = await signed(devices.editor!, (doc) => attachAuthorship(doc, 'ana'))
    await gate.receive(forged)
    const swapped = (await signed(devices.viewer!, (doc) => createArtifact(doc, { kind: 'note', title: 'Swapped' }, actor, 4))).slice()
    swapped.set(devices.editor!.pub.signingKey, 1)
    await gate.receive(swapped)
    expect(refusals).toEqual(['not-allowed', 'bad-signature'])
    expect(receiver.getMap('users').has('ana')).toBe(false)
    expect(titles(receiver)).toEqual([])
  })

  it('holds a change citing a membership entry it has not got, and decides it once the entry arrives', async () => {
    const { devices, receiver, gate, signed, ownerMembership, membership, workspaceId } = await workspace()
    // The owner makes the viewer an editor; the viewer, having seen it, edits.
    const owner = devices.owner!
    const { entry, bytes } = await encodeEntry(
      workspaceId,
      { author: owner.pub.keyId, signingKey: owner.keys.signing.privateKey },
      ownerMembership.view().current().heads,
      { kind: 'set-role', memberId: 'viewer', role: 'editor' }
    )
    addTrustEntry(owner.doc, entry.id, bytes)
    await ownerMembership.settled()
    await gate.receive(await signed(devices.viewer!, (doc) => createArtifact(doc, { kind: 'note', title: 'Promoted' }, actor, 5)))
    expect(gate.held()).toBe(1)
    expect(titles(receiver)).toEqual([])
    Y.applyUpdate(receiver, Y.encodeStateAsUpdate(owner.doc))
    await membership.settled()
    expect(roleOfDevice(membership.view().current().state, devices.viewer!.pub.keyId)).toBe('editor')
    gate.retry()
    expect(titles(receiver)).toEqual(['Promoted'])
  })

  it('drops membership entries that do not check out, the same on every device', async () => {
    const { receiver, membership, devices } = await workspace()
    const before = membership.view().log.size
    const real = [...receiver.getMap<Uint8Array>('trust').entries()][0]!
    const altered = real[1].slice()
    altered[altered.length - 1]! ^= 1
    receiver.getMap('trust').set('x'.repeat(43), altered)
    receiver.getMap('trust').set('y'.repeat(43), 'not bytes' as never)
    await membership.settled()
    expect(membership.refused()).toBe(2)
    expect(membership.view().log.size).toBe(before)
    expect(roleOfDevice(membership.view().current().state, devices.editor!.pub.keyId)).toBe('editor')
  })
})

describe('workspaces made before trust existed', () => {
  it('keep opening: the first device to upgrade claims ownership, and its edits are accepted', async () => {
    const workspaceId = makeWorkspaceId()
    const first = await newDevice(workspaceId)
    initialiseWorkspace(first.doc, { name: 'Old lab', description: '', leadCouncil: 'Leeds', partnerCouncils: [], startDate: null } as never, actor, 1)
    createArtifact(first.doc, { kind: 'note', title: 'Made long ago' }, actor, 1)
    const legacy: TrustAnchor = { kind: 'legacy' }
    const membership = watchMembership(first.doc, workspaceId, legacy)
    const anchor = await upgradeLegacyWorkspace({ doc: first.doc, workspaceId, keys: first.keys, device: first.pub, memberId: 'ana', membership })
    expect(anchor).toEqual(legacy)
    // Opening again claims nothing more.
    await upgradeLegacyWorkspace({ doc: first.doc, workspaceId, keys: first.keys, device: first.pub, memberId: 'ana', membership })
    await membership.settled()
    expect(first.doc.getMap('trust').size).toBe(1)
    expect(roleOfDevice(membership.view().current().state, first.pub.keyId)).toBe('owner')

    const other = makeWorkspaceDoc(workspaceId)
    Y.applyUpdate(other, Y.encodeStateAsUpdate(first.doc))
    const otherMembership = watchMembership(other, workspaceId, legacy)
    await otherMembership.settled()
    const gate = makeChangeGate({
      doc: other,
      workspaceId,
      membership: () => otherMembership.view(),
      apply: (update) => Y.applyUpdate(other, update),
      refuse: () => {
        throw new Error('refused')
      }
    })
    const before = Y.encodeStateVector(first.doc)
    createArtifact(first.doc, { kind: 'note', title: 'After the upgrade' }, actor, 2)
    const update = Y.encodeStateAsUpdate(first.doc, before)
    await gate.receive(await signChange(workspaceId, first.keys.signing.privateKey, { author: first.pub.keyId, counter: 1, heads: membership.view().current().heads, update }))
    expect(titles(other).sort()).toEqual(['After the upgrade', 'Made long ago'])
  })
})
