import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openWorkspaceTrust, type WorkspaceTrust } from '../../../src/app/workspace-trust'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../src/domain/ids'
import type { RegistryEntry } from '../../../src/domain/registry-entry'
import { makeMemoryRegistry } from '../../../src/storage/registry'
import { makeDeviceKeys } from '../../../src/sync/trust/device-keys'

/** Two devices' copies of one workspace, each change passed to the other as sync would. */
const linkedDocs = (id: RegistryEntry['id']): [Y.Doc, Y.Doc] => {
  const a = makeWorkspaceDoc(id)
  const b = makeWorkspaceDoc(id)
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'linked' && Y.applyUpdate(b, update, 'linked'))
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'linked' && Y.applyUpdate(a, update, 'linked'))
  return [a, b]
}

/** An owner's device, and a device that joined through the owner's invitation naming `role`. */
const ownerAndInvited = async (role: 'viewer' | 'commenter' | 'editor'): Promise<{ owner: WorkspaceTrust; invited: WorkspaceTrust }> => {
  const id = makeWorkspaceId()
  const base: RegistryEntry = { id, secret: makeWorkspaceSecret(), name: 'Lab', createdAt: 1, lastOpenedAt: 1, lastEditedAt: 1 }
  const [ownerDoc, invitedDoc] = linkedDocs(id)
  const owner = await openWorkspaceTrust({
    registry: makeMemoryRegistry(),
    entry: { ...base, trustPending: { kind: 'found' } },
    doc: ownerDoc,
    memberId: 'asha',
    keys: makeDeviceKeys
  })
  const invite = await owner.invite(role)
  const invited = await openWorkspaceTrust({
    registry: makeMemoryRegistry(),
    entry: { ...base, trustAnchor: invite.anchor, trustPending: { kind: 'join', invite } },
    doc: invitedDoc,
    memberId: 'ben',
    keys: makeDeviceKeys
  })
  await expect.poll(() => invited.myRole()).toBe(role)
  return { owner, invited }
}

describe('changing a role from the member list', () => {
  it('is a signed membership entry: the member’s own device takes the new role', async () => {
    const { owner, invited } = await ownerAndInvited('viewer')
    await owner.setRole('ben', 'commenter')
    await expect.poll(() => invited.myRole()).toBe('commenter')
    expect(owner.myRole()).toBe('owner')
    owner.destroy()
    invited.destroy()
  })

  it('takes no effect when someone who is not an owner makes it, on either device', async () => {
    const { owner, invited } = await ownerAndInvited('editor')
    await expect.poll(() => owner.membership.view().log.size).toBe(invited.membership.view().log.size)
    const before = owner.membership.view().log.size
    await invited.setRole('asha', 'viewer')
    await invited.setRole('ben', 'owner')
    // Both entries are in the log on both devices, and neither changed anything.
    await expect.poll(() => owner.membership.view().log.size).toBe(before + 2)
    await expect.poll(() => invited.membership.view().log.size).toBe(before + 2)
    expect([owner.myRole(), invited.myRole()]).toEqual(['owner', 'editor'])
    owner.destroy()
    invited.destroy()
  })

  it('lists both members, with the same safety codes on both devices and each device’s own code', async () => {
    const { owner, invited } = await ownerAndInvited('viewer')
    const [seenByOwner, seenByInvited] = await Promise.all([owner.describeMembers(), invited.describeMembers()])
    expect(seenByOwner).toEqual(seenByInvited)
    expect(seenByOwner.map((m) => [m.memberId, m.role])).toEqual([
      ['asha', 'owner'],
      ['ben', 'viewer']
    ])
    expect(seenByOwner.flatMap((m) => m.devices.map((d) => d.safetyCode))).toEqual([owner.device.safetyCode, invited.device.safetyCode])
    owner.destroy()
    invited.destroy()
  })
})
