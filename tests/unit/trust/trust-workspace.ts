import * as Y from 'yjs'
import { addTrustEntry } from '../../../src/crdt/trust/trust-root'
import { initialiseWorkspace } from '../../../src/crdt/workspace-meta'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { makeWorkspaceId, type WorkspaceId } from '../../../src/domain/ids'
import { toBase64Url } from '../../../src/domain/base64url'
import type { DeviceKeyId, EntryBody } from '../../../src/domain/trust/membership-entry'
import type { Role } from '../../../src/domain/trust/roles'
import { makeChangeGate, type GateRefusal } from '../../../src/sync/trust/change-gate'
import { signChange } from '../../../src/sync/trust/change-signing'
import { makeDeviceKeys, publicOf, type DeviceKeys, type DevicePublic } from '../../../src/sync/trust/device-keys'
import { foundNewWorkspace } from '../../../src/sync/trust/founding'
import { encodeEntry } from '../../../src/sync/trust/membership-codec'
import { watchMembership } from '../../../src/sync/trust/membership-from-doc'

export const actor = { name: 'Ana', organisation: 'Leeds' }

export interface Device {
  keys: DeviceKeys
  pub: DevicePublic
  doc: Y.Doc
  counter: number
}

export const newDevice = async (workspaceId: WorkspaceId): Promise<Device> => {
  const keys = await makeDeviceKeys()
  return { keys, pub: await publicOf(keys), doc: makeWorkspaceDoc(workspaceId), counter: 0 }
}

/**
 * A workspace founded by an owner who invited an editor and a viewer, a receiving device (the
 * owner's other copy) behind a change gate, and a way for any device to sign a change.
 */
export const trustWorkspace = async (roles: Role[] = ['editor', 'viewer']) => {
  const workspaceId = makeWorkspaceId()
  const owner = await newDevice(workspaceId)
  initialiseWorkspace(owner.doc, { name: 'Lab', description: '', leadCouncil: 'Leeds', partnerCouncils: [], startDate: null } as never, actor, 1)
  const ownerMembership = watchMembership(owner.doc, workspaceId, { kind: 'legacy' })
  const anchor = await foundNewWorkspace({ doc: owner.doc, workspaceId, keys: owner.keys, device: owner.pub, memberId: 'ana' })
  const devices: Record<string, Device> = { owner }
  const write = async (author: Device, body: EntryBody, inviteKey?: CryptoKey) => {
    await ownerMembership.settled()
    const parents = ownerMembership.view().current().heads
    const { entry, bytes } = await encodeEntry(workspaceId, { author: author.pub.keyId, signingKey: author.keys.signing.privateKey, inviteKey }, parents, body)
    addTrustEntry(owner.doc, entry.id, bytes)
    await ownerMembership.settled()
    return entry
  }
  for (const [index, role] of roles.entries()) {
    // The first member of each role is named after it (devices.editor); the rest are numbered.
    const memberId = role in devices ? `${role}-${index}` : role
    const invite = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair
    const inviteKey = toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', invite.publicKey))) as DeviceKeyId
    const made = await write(owner, { kind: 'invite', inviteKey, role })
    const joiner = await newDevice(workspaceId)
    await write(joiner, { kind: 'join', invite: made.id, inviteKey, memberId, wrapKey: toBase64Url(joiner.pub.wrapKey) }, invite.privateKey)
    devices[memberId] = joiner
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

