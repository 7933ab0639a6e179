import { describe, expect, it } from 'vitest'
import type { DeviceKeyId, EntryId, MembershipEntry, TrustAnchor } from '../../../src/domain/trust/membership-entry'
import { makeMembershipLog } from '../../../src/domain/trust/membership-log'
import { rekeyWanted, roleOfDevice, type MembershipState } from '../../../src/domain/trust/membership-state'
import { makeMembershipView } from '../../../src/domain/trust/membership-view'
import { remainingDevices } from '../../../src/domain/trust/removal'
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
    unkeyed: [...s.unkeyedDevices].sort(),
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

  it('has an owner re-key again for a device that joined while a removal was written, and brings it along', () => {
    const seen = new Set<string>()
    for (let round = 0; round < 32; round++) {
      // Different ids each round, so the fold's tie-break puts Dan's invitation and join before or after the re-key.
      const dan = `dan${round}`
      const { entries, head } = lab([['bea', 'owner'], ['cai', 'editor']])
      // Bea invites Dan and Dan joins, while Ana, not yet knowing of it, removes Cai and re-keys.
      const invite = entry(device('bea'), [head], { kind: 'invite', inviteKey: device(`invite-${dan}`), role: 'editor' })
      const join = entry(device(dan), [invite.id], { kind: 'join', invite: invite.id, inviteKey: device(`invite-${dan}`), memberId: dan, wrapKey: wrapKeyOf(dan) })
      const remove = entry(ANA, [head], { kind: 'remove', memberId: 'cai' })
      const rekey = entry(ANA, [remove.id], { kind: 'rekey', wrapped: wrappedFor('ana', 'bea') })
      const all = [...entries, invite, join, remove, rekey]
      const state = foldedAlike(all)
      expect(state.latestRekey).toBe(rekey.id)
      expectNoKeyForRemoved(state, all)
      const order = state.applied
      if (roleOfDevice(state, device(dan)) === null) {
        // The invitation came before the re-key, which ended it, and the join after: nobody to bring along.
        expect(rekeyWanted(state)).toBe(false)
        seen.add('invitation ended')
        continue
      }
      // Dan's link carried the old key whether the re-key was folded before the join or after it.
      seen.add(order.indexOf(join.id) < order.indexOf(rekey.id) ? 'joined before the re-key' : 'joined after the re-key')
      // Dan is a member with no copy of the key in force: an owner's device re-keys for everyone left.
      expect(state.unkeyedDevices).toEqual(new Set([device(dan)]))
      expect(state.rekeyDue).toBe(false)
      expect(rekeyWanted(state)).toBe(true)
      const staying = remainingDevices(state, null).map((d) => d.keyId)
      expect(staying).toContain(device(dan))
      expect(staying).not.toContain(device('cai'))
      const again = entry(device('bea'), [join.id, rekey.id], { kind: 'rekey', wrapped: Object.fromEntries(staying.map((d) => [d, 'sealed'])) })
      const settled = foldedAlike([...all, again])
      expect(settled.latestRekey).toBe(again.id)
      expect(settled.unkeyedDevices.size).toBe(0)
      expect(rekeyWanted(settled)).toBe(false)
    }
    // The rounds did reach the cases this is about.
    expect(seen).toContain('joined before the re-key')
    expect(seen).toContain('joined after the re-key')
  })

  it('wants no re-key for a member invited after the re-key: their link carries the key in force', () => {
    const { entries, head } = lab([['ben', 'editor'], ['cai', 'editor']])
    const remove = entry(ANA, [head], { kind: 'remove', memberId: 'cai' })
    const rekey = entry(ANA, [remove.id], { kind: 'rekey', wrapped: wrappedFor('ana', 'ben') })
    const invite = entry(ANA, [rekey.id], { kind: 'invite', inviteKey: device('invite-eve'), role: 'editor' })
    const join = entry(device('eve'), [invite.id], { kind: 'join', invite: invite.id, inviteKey: device('invite-eve'), memberId: 'eve', wrapKey: wrapKeyOf('eve') })
    const laptop = device('eve-laptop')
    const added = entry(device('eve'), [join.id], { kind: 'add-device', device: laptop, wrapKey: wrapKeyOf('eve-laptop') })
    const state = foldedAlike([...entries, remove, rekey, invite, join, added])
    expect(roleOfDevice(state, laptop)).toBe('editor')
    expect(state.unkeyedDevices.size).toBe(0)
    expect(rekeyWanted(state)).toBe(false)
  })

  it('stops wanting a re-key for a left-out device once it is removed', () => {
    const { entries, head } = lab([['bea', 'owner'], ['cai', 'editor']])
    // A re-key that (wrongly or concurrently) left Bea out, then Bea's device is removed.
    const rekey = entry(ANA, [head], { kind: 'rekey', wrapped: wrappedFor('ana', 'cai') })
    const before = foldedAlike([...entries, rekey])
    expect(before.unkeyedDevices).toEqual(new Set([device('bea')]))
    const remove = entry(ANA, [rekey.id], { kind: 'remove', memberId: 'bea', device: device('bea') })
    const after = foldedAlike([...entries, rekey, remove])
    expect(after.unkeyedDevices.size).toBe(0)
    // The removal itself still leaves the workspace due a re-key.
    expect(after.rekeyDue).toBe(true)
  })
})
