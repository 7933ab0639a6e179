import { describe, expect, it } from 'vitest'
import type { DeviceKeyId, EntryId, MembershipEntry, TrustAnchor } from '../../../src/domain/trust/membership-entry'
import { makeMembershipLog } from '../../../src/domain/trust/membership-log'
import { roleOfDevice, type MembershipState } from '../../../src/domain/trust/membership-state'
import { makeMembershipView } from '../../../src/domain/trust/membership-view'
import { device, entry, wrapKeyOf } from './membership-fixtures'

/**
 * Removals and re-keys in the membership fold (docs/trust.md, "Removing a member or a lost
 * device"): a re-key never reaches a removed device, a removal without one leaves the workspace
 * due a re-key, and every device decides the same whatever order the entries arrive in.
 */
const ANA = device('ana')
const claim = entry(ANA, [], { kind: 'claim', memberId: 'ana', wrapKey: wrapKeyOf('ana') })
const anchor: TrustAnchor = { kind: 'claims', ids: [claim.id] }

/** Ana (owner) invites each named member with a role; returns the entries and the last head. */
const lab = (members: [string, 'owner' | 'editor' | 'viewer'][]) => {
  const entries: MembershipEntry[] = [claim]
  let head: EntryId = claim.id
  for (const [name, role] of members) {
    const inviteKey = device(`invite-${name}`)
    const invite = entry(ANA, [head], { kind: 'invite', inviteKey, role })
    const join = entry(device(name), [invite.id], { kind: 'join', invite: invite.id, inviteKey, memberId: name, wrapKey: wrapKeyOf(name) })
    entries.push(invite, join)
    head = join.id
  }
  return { entries, head }
}

const wrappedFor = (...names: string[]): Record<DeviceKeyId, string> => Object.fromEntries(names.map((n) => [device(n), `sealed-for-${n}`]))

/** The state every device reaches, checked to be the same for several arrival orders. */
const foldedAlike = (entries: MembershipEntry[]): MembershipState => {
  const orders = [entries, [...entries].reverse(), [...entries].sort((a, b) => (a.id < b.id ? 1 : -1))]
  const states = orders.map((order) => makeMembershipView(makeMembershipLog(order), anchor).current().state)
  const summary = (s: MembershipState) => ({
    members: [...s.members].map(([id, m]) => [id, m.role, [...m.devices.keys()]]),
    removed: [...s.removedDevices].sort(),
    latestRekey: s.latestRekey,
    rekeyDue: s.rekeyDue,
    applied: s.applied
  })
  for (const state of states.slice(1)) expect(summary(state)).toEqual(summary(states[0]!))
  return states[0]!
}

/** What must hold in any state: a re-key in force never opens for a removed device. */
const expectNoKeyForRemoved = (state: MembershipState, entries: MembershipEntry[]): void => {
  if (state.rekeyDue || state.latestRekey === null) return
  const rekey = entries.find((e) => e.id === state.latestRekey)
  if (rekey?.body.kind !== 'rekey') throw new Error('latest re-key is not a re-key')
  for (const keyId of Object.keys(rekey.body.wrapped)) expect(state.removedDevices.has(keyId as DeviceKeyId)).toBe(false)
}

describe('removing a member in the membership log', () => {
  it('removes the member’s devices, moves to the re-key written with it, and ends earlier invitations', () => {
    const { entries, head } = lab([['ben', 'editor'], ['cai', 'editor']])
    const laterInvite = entry(ANA, [head], { kind: 'invite', inviteKey: device('invite-late'), role: 'viewer' })
    const remove = entry(ANA, [laterInvite.id], { kind: 'remove', memberId: 'cai' })
    const rekey = entry(ANA, [remove.id], { kind: 'rekey', wrapped: wrappedFor('ana', 'ben') })
    // Someone holding the old link (made before the re-key) tries to join afterwards.
    const lateJoin = entry(device('late'), [rekey.id], {
      kind: 'join',
      invite: laterInvite.id,
      inviteKey: device('invite-late'),
      memberId: 'late',
      wrapKey: wrapKeyOf('late')
    })
    const all = [...entries, laterInvite, remove, rekey, lateJoin]
    const state = foldedAlike(all)
    expect(roleOfDevice(state, device('cai'))).toBeNull()
    expect(state.removedDevices.has(device('cai'))).toBe(true)
    expect(state.latestRekey).toBe(rekey.id)
    expect(state.rekeyDue).toBe(false)
    expect(roleOfDevice(state, device('late'))).toBeNull()
  })

  it('leaves the workspace due a re-key after a removal with none, and ignores a re-key that wraps for a removed device', () => {
    const { entries, head } = lab([['ben', 'editor'], ['cai', 'editor']])
    const remove = entry(ANA, [head], { kind: 'remove', memberId: 'cai' })
    const leaky = entry(ANA, [remove.id], { kind: 'rekey', wrapped: wrappedFor('ana', 'ben', 'cai') })
    const due = foldedAlike([...entries, remove, leaky])
    expect(due.rekeyDue).toBe(true)
    expect(due.latestRekey).toBeNull()
    const proper = entry(ANA, [leaky.id], { kind: 'rekey', wrapped: wrappedFor('ana', 'ben') })
    const fixed = foldedAlike([...entries, remove, leaky, proper])
    expect(fixed.rekeyDue).toBe(false)
    expect(fixed.latestRekey).toBe(proper.id)
  })

  it('lets a member remove their own lost device and re-key after it, but not re-key otherwise', () => {
    const { entries, head } = lab([['ben', 'editor']])
    const laptop = device('ben-laptop')
    const added = entry(device('ben'), [head], { kind: 'add-device', device: laptop, wrapKey: wrapKeyOf('ben-laptop') })
    const strayRekey = entry(device('ben'), [added.id], { kind: 'rekey', wrapped: wrappedFor('ana', 'ben') })
    expect(foldedAlike([...entries, added, strayRekey]).latestRekey).toBeNull()

    const remove = entry(device('ben'), [added.id], { kind: 'remove', memberId: 'ben', device: laptop })
    const rekey = entry(device('ben'), [remove.id], { kind: 'rekey', wrapped: wrappedFor('ana', 'ben') })
    const state = foldedAlike([...entries, added, remove, rekey])
    expect(state.removedDevices.has(laptop)).toBe(true)
    expect(roleOfDevice(state, device('ben'))).toBe('editor')
    expect(state.latestRekey).toBe(rekey.id)
    expect(state.rekeyDue).toBe(false)
  })

  it('decides two concurrent removals the same on every device, and never leaves a key in force for a removed device', () => {
    const { entries, head } = lab([['bea', 'owner'], ['cai', 'editor'], ['dai', 'editor']])
    // Ana removes Cai while Bea, at the same time, removes Dai: each re-key still wraps for the other's removed member.
    const removeCai = entry(ANA, [head], { kind: 'remove', memberId: 'cai' })
    const rekeyAna = entry(ANA, [removeCai.id], { kind: 'rekey', wrapped: wrappedFor('ana', 'bea', 'dai') })
    const removeDai = entry(device('bea'), [head], { kind: 'remove', memberId: 'dai' })
    const rekeyBea = entry(device('bea'), [removeDai.id], { kind: 'rekey', wrapped: wrappedFor('ana', 'bea', 'cai') })
    const all = [...entries, removeCai, rekeyAna, removeDai, rekeyBea]
    const state = foldedAlike(all)
    expect(state.removedMembers).toEqual(new Set(['cai', 'dai']))
    expectNoKeyForRemoved(state, all)
    // Neither re-key leaves both out, so the workspace is due one; an owner's re-key over both settles it.
    expect(state.rekeyDue).toBe(true)
    const settle = entry(ANA, [rekeyAna.id, rekeyBea.id], { kind: 'rekey', wrapped: wrappedFor('ana', 'bea') })
    const settled = foldedAlike([...all, settle])
    expect(settled.rekeyDue).toBe(false)
    expect(settled.latestRekey).toBe(settle.id)
  })

  it('decides a removal concurrent with its author’s demotion the same on every device', () => {
    for (let round = 0; round < 12; round++) {
      // Different ids each round, so the fold's tie-break puts the entries in different orders.
      const { entries, head } = lab([[`bea${round}`, 'owner'], ['cai', 'editor']])
      const bea = device(`bea${round}`)
      const demote = entry(ANA, [head], { kind: 'set-role', memberId: `bea${round}`, role: 'editor' })
      const remove = entry(bea, [head], { kind: 'remove', memberId: 'cai' })
      const rekey = entry(bea, [remove.id], { kind: 'rekey', wrapped: wrappedFor('ana', `bea${round}`) })
      const all = [...entries, demote, remove, rekey]
      const state = foldedAlike(all)
      expect(roleOfDevice(state, bea)).toBe('editor')
      expectNoKeyForRemoved(state, all)
      // Either the removal came first (Cai is out, and a re-key is in force or due), or it was refused.
      if (state.removedMembers.has('cai')) expect(state.latestRekey === rekey.id || state.rekeyDue).toBe(true)
      else expect(state.latestRekey).toBeNull()
    }
  })
})
