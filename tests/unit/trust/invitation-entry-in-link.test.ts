import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openWorkspaceTrust, type WorkspaceTrust } from '../../../src/app/workspace-trust'
import { trustMap } from '../../../src/crdt/trust/trust-root'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { decideChange } from '../../../src/domain/trust/change-decision'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../src/domain/ids'
import type { RegistryEntry } from '../../../src/domain/registry-entry'
import type { InviteTrust } from '../../../src/domain/trust/invite-trust'
import { makeMemoryRegistry, type Registry } from '../../../src/storage/registry'
import { makeDeviceKeys } from '../../../src/sync/trust/device-keys'

/**
 * Asha makes an invitation, copies the link and closes her laptop before the invitation's entry
 * reaches anyone. Ben opens the link later, with only what reached the relay before it. His
 * device must still join, so that what he writes is not refused by everyone as a non-member's.
 */
const ashaInvitesThenLeaves = async (withEntry: boolean) => {
  const id = makeWorkspaceId()
  const base: RegistryEntry = { id, secret: makeWorkspaceSecret(), name: 'Lab', createdAt: 1, lastOpenedAt: 1, lastEditedAt: 1 }
  const ashaDoc = makeWorkspaceDoc(id)
  const asha = await openWorkspaceTrust({ registry: makeMemoryRegistry(), entry: { ...base, trustPending: { kind: 'found' } }, doc: ashaDoc, memberId: 'asha', keys: makeDeviceKeys })
  await asha.membership.settled()
  // What reached the relay: everything before the invitation.
  const reachedRelay = Y.encodeStateAsUpdate(ashaDoc)
  const made = await asha.invite('editor')
  const { entry: _entry, ...withoutEntry } = made
  const invite: InviteTrust = withEntry ? made : withoutEntry
  const benDoc = makeWorkspaceDoc(id)
  Y.applyUpdate(benDoc, reachedRelay)
  const registry = makeMemoryRegistry()
  const benEntry: RegistryEntry = { ...base, trustAnchor: invite.anchor, trustPending: { kind: 'join', invite } }
  await registry.put(benEntry)
  const benKeys = await makeDeviceKeys()
  const openBen = (): Promise<WorkspaceTrust> => openWorkspaceTrust({ registry, entry: benEntry, doc: benDoc, memberId: 'ben', keys: async () => benKeys })
  return { id, asha, ashaDoc, benDoc, registry, openBen, invite }
}

const pendingOf = async (registry: Registry, id: RegistryEntry['id']) => (await registry.get(id))?.trustPending

describe('an invitation whose entry never left its maker’s device', () => {
  it('still lets the invited device join at once, and what it writes is accepted by the maker’s device', async () => {
    const { asha, ashaDoc, benDoc, openBen, invite } = await ashaInvitesThenLeaves(true)
    const ben = await openBen()
    await expect.poll(() => ben.myRole()).toBe('editor')
    expect(ben.joining()).toBe(false)
    expect(asha.joining()).toBe(false)
    // Ben's device did not write Asha's entry into the document: her device would take it for
    // a rewrite of her log and refuse the change carrying it.
    expect(trustMap(benDoc).has(invite.invite)).toBe(false)
    const fromBen = Y.encodeStateAsUpdate(benDoc, Y.encodeStateVector(ashaDoc))
    // Asha comes back: Ben's join arrives, and his change, citing it, is accepted there.
    Y.applyUpdate(ashaDoc, fromBen)
    await asha.membership.settled()
    const heads = ben.membership.view().current().heads
    expect(decideChange(asha.membership.view(), { author: ben.device.keyId, heads, areas: [{ kind: 'content' }] })).toEqual({ verdict: 'accept' })
    asha.destroy()
    ben.destroy()
  })

  it('keeps the device a member after a reload until the entry arrives, then forgets the link’s copy', async () => {
    const { id, asha, ashaDoc, benDoc, registry, openBen, invite } = await ashaInvitesThenLeaves(true)
    const first = await openBen()
    await expect.poll(() => first.myRole()).toBe('editor')
    first.destroy()
    expect(await pendingOf(registry, id)).toMatchObject({ kind: 'join' })
    const again = await openBen()
    await expect.poll(() => again.myRole()).toBe('editor')
    // Exactly one join: the reopened device found itself a member and wrote no second one.
    const joins = async (trust: WorkspaceTrust) => [...trust.membership.view().log.entries()].filter((e) => e.body.kind === 'join').length
    expect(await joins(again)).toBe(1)
    Y.applyUpdate(benDoc, Y.encodeStateAsUpdate(ashaDoc))
    expect(trustMap(benDoc).has(invite.invite)).toBe(true)
    await expect.poll(() => pendingOf(registry, id)).toBeUndefined()
    asha.destroy()
    again.destroy()
  })

  it('waits, from an older link without the entry, until the entry arrives', async () => {
    const { asha, ashaDoc, benDoc, openBen } = await ashaInvitesThenLeaves(false)
    const ben = await openBen()
    await ben.membership.settled()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(ben.myRole()).toBeNull()
    // Read-only meanwhile, and saying why: anything written now would be refused as a non-member's.
    expect(ben.joining()).toBe(true)
    Y.applyUpdate(benDoc, Y.encodeStateAsUpdate(ashaDoc))
    await expect.poll(() => ben.myRole()).toBe('editor')
    expect(ben.joining()).toBe(false)
    asha.destroy()
    ben.destroy()
  })

  it('is not taken from a link whose carried entry is not the invitation it names', async () => {
    const { id, asha, benDoc, invite, registry } = await ashaInvitesThenLeaves(true)
    // A second invitation's entry under the first one's id: its id does not match its bytes.
    const other = await asha.invite('owner')
    const tampered: InviteTrust = { ...invite, entry: other.entry! }
    await registry.put({ ...(await registry.get(id))!, trustPending: { kind: 'join', invite: tampered } })
    const ben = await openWorkspaceTrust({
      registry,
      entry: (await registry.get(id))!,
      doc: benDoc,
      memberId: 'ben',
      keys: makeDeviceKeys
    })
    await ben.membership.settled()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(ben.myRole()).toBeNull()
    expect(ben.membership.view().log.has(invite.invite)).toBe(false)
    asha.destroy()
    ben.destroy()
  })
})
