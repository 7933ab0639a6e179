import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createArtifact, readArtifactSummaries } from '../../../src/crdt/artifacts'
import { attachAuthorship } from '../../../src/crdt/authorship'
import { addTrustEntry } from '../../../src/crdt/trust/trust-root'
import { initialiseWorkspace } from '../../../src/crdt/workspace-meta'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { makeWorkspaceId } from '../../../src/domain/ids'
import type { TrustAnchor } from '../../../src/domain/trust/membership-entry'
import { roleOfDevice } from '../../../src/domain/trust/membership-state'
import { makeChangeGate } from '../../../src/sync/trust/change-gate'
import { signChange } from '../../../src/sync/trust/change-signing'
import { upgradeLegacyWorkspace } from '../../../src/sync/trust/founding'
import { encodeEntry } from '../../../src/sync/trust/membership-codec'
import { watchMembership } from '../../../src/sync/trust/membership-from-doc'
import { actor, newDevice, trustWorkspace } from './trust-workspace'

const titles = (doc: Y.Doc) => readArtifactSummaries(doc).map((a) => a.title)

describe('the change gate', () => {
  it('applies an editor’s change, and drops a viewer’s edit and tells the viewer why', async () => {
    const { devices, receiver, gate, refusals, signed } = await trustWorkspace()
    await gate.receive(await signed(devices.editor!, (doc) => createArtifact(doc, { kind: 'note', title: 'By the editor' }, actor, 2)))
    await gate.receive(await signed(devices.viewer!, (doc) => createArtifact(doc, { kind: 'note', title: 'By the viewer' }, actor, 3)))
    expect(titles(receiver)).toEqual(['By the editor'])
    expect(refusals).toEqual(['not-allowed'])
  })

  it('refuses a change crediting itself to another member, and a change whose author was swapped', async () => {
    const { devices, receiver, gate, refusals, signed } = await trustWorkspace()
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
    const { devices, receiver, gate, signed, ownerMembership, membership, workspaceId } = await trustWorkspace()
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
    const { receiver, membership, devices } = await trustWorkspace()
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
