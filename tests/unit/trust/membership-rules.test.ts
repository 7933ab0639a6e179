import { describe, expect, it } from 'vitest'
import { decideChange, decideState } from '../../../src/domain/trust/change-decision'
import type { ChangeArea } from '../../../src/domain/trust/change-area'
import type { EntryId, MembershipEntry, TrustAnchor } from '../../../src/domain/trust/membership-entry'
import { headsOf, makeMembershipLog } from '../../../src/domain/trust/membership-log'
import { makeMembershipView } from '../../../src/domain/trust/membership-view'
import { roleOfDevice } from '../../../src/domain/trust/membership-state'
import { facilitationToGrant } from '../../../src/domain/trust/facilitation-to-grant'
import type { Role } from '../../../src/domain/trust/roles'
import { device, entry, wrapKeyOf } from './membership-fixtures'

const OWNER = device('owner')
const claim = entry(OWNER, [], { kind: 'claim', memberId: 'ana', wrapKey: wrapKeyOf('owner') })
const anchor: TrustAnchor = { kind: 'claims', ids: [claim.id] }

/** A workspace whose owner invited one member per role; returns the log's entries and devices. */
const workspaceWith = (roles: Role[]): { entries: MembershipEntry[]; devices: Record<string, ReturnType<typeof device>> } => {
  const entries: MembershipEntry[] = [claim]
  const devices: Record<string, ReturnType<typeof device>> = { owner: OWNER }
  let head: EntryId = claim.id
  for (const role of roles) {
    const inviteKey = device(`invite-${role}`)
    const invite = entry(OWNER, [head], { kind: 'invite', inviteKey, role })
    const joiner = device(role)
    const join = entry(joiner, [invite.id], { kind: 'join', invite: invite.id, inviteKey, memberId: role, wrapKey: wrapKeyOf(role) })
    entries.push(invite, join)
    devices[role] = joiner
    head = join.id
  }
  return { entries, devices }
}

const viewOf = (entries: MembershipEntry[], trust: TrustAnchor = anchor) => makeMembershipView(makeMembershipLog(entries), trust)

describe('membership log', () => {
  it('gives each invited device the role its invitation names', () => {
    const { entries, devices } = workspaceWith(['viewer', 'commenter', 'editor'])
    const { state } = viewOf(entries).current()
    expect(roleOfDevice(state, devices.owner!)).toBe('owner')
    expect(roleOfDevice(state, devices.viewer!)).toBe('viewer')
    expect(roleOfDevice(state, devices.commenter!)).toBe('commenter')
    expect(roleOfDevice(state, devices.editor!)).toBe('editor')
  })

  it('ignores a claim the anchor does not name, but an older workspace accepts the first owner claims', () => {
    const outsider = entry(device('outsider'), [], { kind: 'claim', memberId: 'mallory', wrapKey: wrapKeyOf('outsider') })
    expect(roleOfDevice(viewOf([claim, outsider]).current().state, device('outsider'))).toBeNull()
    expect(roleOfDevice(viewOf([claim, outsider], { kind: 'legacy' }).current().state, device('outsider'))).toBe('owner')
  })

  it('refuses a join through a revoked invitation, and a join that takes an existing member id', () => {
    const inviteKey = device('link')
    const invite = entry(OWNER, [claim.id], { kind: 'invite', inviteKey, role: 'editor' })
    const revoke = entry(OWNER, [invite.id], { kind: 'revoke-invite', invite: invite.id })
    const late = entry(device('late'), [revoke.id], { kind: 'join', invite: invite.id, inviteKey, memberId: 'late', wrapKey: wrapKeyOf('late') })
    const impostor = entry(device('impostor'), [invite.id], { kind: 'join', invite: invite.id, inviteKey, memberId: 'ana', wrapKey: wrapKeyOf('x') })
    const { state } = viewOf([claim, invite, revoke, late, impostor]).current()
    expect(roleOfDevice(state, device('late'))).toBeNull()
    expect(roleOfDevice(state, device('impostor'))).toBeNull()
    expect(state.members.get('ana')?.devices.size).toBe(1)
  })

  it('lets an editor invite viewers but not owners', () => {
    const { entries, devices } = workspaceWith(['editor'])
    const last = entries.at(-1)!.id
    const asOwner = entry(devices.editor!, [last], { kind: 'invite', inviteKey: device('k1'), role: 'owner' })
    const asViewer = entry(devices.editor!, [last], { kind: 'invite', inviteKey: device('k2'), role: 'viewer' })
    const { state } = viewOf([...entries, asOwner, asViewer]).current()
    expect(state.invites.has(asOwner.id)).toBe(false)
    expect(state.invites.get(asViewer.id)?.role).toBe('viewer')
  })

  it('never leaves a workspace without an owner', () => {
    const demote = entry(OWNER, [claim.id], { kind: 'set-role', memberId: 'ana', role: 'viewer' })
    const leave = entry(OWNER, [claim.id], { kind: 'remove', memberId: 'ana' })
    expect(roleOfDevice(viewOf([claim, demote, leave]).current().state, OWNER)).toBe('owner')
  })

  it('decides two owners demoting each other at once the same way whatever order the entries arrive in', () => {
    const { entries, devices } = workspaceWith(['editor'])
    const promote = entry(OWNER, [entries.at(-1)!.id], { kind: 'set-role', memberId: 'editor', role: 'owner' })
    const a = entry(OWNER, [promote.id], { kind: 'set-role', memberId: 'editor', role: 'viewer' })
    const b = entry(devices.editor!, [promote.id], { kind: 'set-role', memberId: 'ana', role: 'viewer' })
    const forwards = viewOf([...entries, promote, a, b]).current().state
    const backwards = viewOf([b, a, promote, ...entries].reverse()).current().state
    const roles = (s: typeof forwards) => [roleOfDevice(s, OWNER), roleOfDevice(s, devices.editor!)]
    expect(roles(forwards)).toEqual(roles(backwards))
    // One owner remains: the entry first in the shared order won, the other found no owner to spare.
    expect(roles(forwards).filter((r) => r === 'owner')).toHaveLength(1)
  })

  it('removes a member, their devices and their facilitation', () => {
    const { entries, devices } = workspaceWith(['editor'])
    const board = 'a'.repeat(32)
    const grant = entry(devices.editor!, [entries.at(-1)!.id], { kind: 'facilitate', boardId: board, memberId: 'editor', on: true })
    const remove = entry(OWNER, [grant.id], { kind: 'remove', memberId: 'editor' })
    const { state } = viewOf([...entries, grant, remove]).current()
    expect(roleOfDevice(state, devices.editor!)).toBeNull()
    expect(state.removedDevices.has(devices.editor!)).toBe(true)
    expect(state.facilitators.get(board)?.has('editor')).toBe(false)
  })

  it('lets a member remove their own lost device, and nobody else’s', () => {
    const ana2 = device('owner-laptop')
    const add = entry(OWNER, [claim.id], { kind: 'add-device', device: ana2, wrapKey: wrapKeyOf('laptop') })
    const { entries, devices } = workspaceWith(['editor'])
    const byEditor = entry(devices.editor!, [entries.at(-1)!.id, add.id], { kind: 'remove', memberId: 'ana', device: ana2 })
    const bySelf = entry(OWNER, [add.id], { kind: 'remove', memberId: 'ana', device: ana2 })
    expect(roleOfDevice(viewOf([...entries, add, byEditor]).current().state, ana2)).toBe('owner')
    expect(roleOfDevice(viewOf([...entries, add, bySelf]).current().state, ana2)).toBeNull()
  })
})

describe('deciding a change', () => {
  const { entries, devices } = workspaceWith(['viewer', 'commenter', 'editor'])
  const view = viewOf(entries)
  const heads = headsOf(view.log)
  const decide = (who: string, areas: ChangeArea[]) => decideChange(view, { author: devices[who]!, heads, areas }).verdict

  it('lets each role change only what it may', () => {
    const content: ChangeArea[] = [{ kind: 'content' }]
    const comments: ChangeArea[] = [{ kind: 'comments' }]
    expect([decide('viewer', content), decide('commenter', content), decide('editor', content)]).toEqual(['refuse', 'refuse', 'accept'])
    expect([decide('viewer', comments), decide('commenter', comments)]).toEqual(['refuse', 'accept'])
    expect(decide('viewer', [{ kind: 'member', memberId: 'viewer' }, { kind: 'trust' }])).toBe('accept')
  })

  it('refuses crediting changes to another member, for every role', () => {
    for (const who of ['viewer', 'editor', 'owner']) expect(decide(who, [{ kind: 'authorship', memberId: 'commenter' }])).toBe('refuse')
  })

  it('accepts a compacted state from an editor or owner carrying others’ member and authorship records, as docs/trust.md says it vouches', () => {
    const state = (who: string, areas: ChangeArea[]) => decideState(view, { author: devices[who]!, heads, areas }).verdict
    const othersRecords: ChangeArea[] = [{ kind: 'content' }, { kind: 'member', memberId: 'commenter' }, { kind: 'authorship', memberId: 'viewer' }]
    expect([state('owner', othersRecords), state('editor', othersRecords)]).toEqual(['accept', 'accept'])
    // A viewer or commenter vouches only for what its role may write: others' records are refused.
    expect(state('commenter', [{ kind: 'comments' }, { kind: 'member', memberId: 'viewer' }])).toBe('refuse')
    expect(state('viewer', [{ kind: 'member', memberId: 'viewer' }])).toBe('accept')
    expect(state('owner', [{ kind: 'trust-rewrite' }])).toBe('refuse')
    expect(decideState(view, { author: device('stranger'), heads, areas: [{ kind: 'member', memberId: 'viewer' }] }).verdict).toBe('refuse')
  })

  it('refuses rewriting the membership log for everyone, and anything but new entries from a stranger', () => {
    expect(decide('owner', [{ kind: 'trust-rewrite' }])).toBe('refuse')
    const stranger = device('stranger')
    expect(decideChange(view, { author: stranger, heads, areas: [{ kind: 'trust' }] }).verdict).toBe('accept')
    expect(decideChange(view, { author: stranger, heads, areas: [{ kind: 'comments' }] })).toEqual({
      verdict: 'refuse',
      reason: 'not-a-member',
      area: 'comments'
    })
  })

  it('gives board facilitation to its facilitators (editors or owners) only', () => {
    const board = 'b'.repeat(32)
    const grant = entry(devices.editor!, heads, { kind: 'facilitate', boardId: board, memberId: 'editor', on: true })
    const commenterGrab = entry(devices.commenter!, heads, { kind: 'facilitate', boardId: board, memberId: 'commenter', on: true })
    const withGrant = viewOf([...entries, grant, commenterGrab])
    const after = headsOf(withGrant.log)
    const area: ChangeArea[] = [{ kind: 'board', boardId: board }]
    expect(decideChange(withGrant, { author: devices.editor!, heads: after, areas: area }).verdict).toBe('accept')
    expect(decideChange(withGrant, { author: devices.commenter!, heads: after, areas: area }).verdict).toBe('refuse')
    expect(decideChange(withGrant, { author: devices.owner!, heads: after, areas: area }).verdict).toBe('accept')
  })

  it('waits for membership entries it has not got, then judges against exactly the cited state', () => {
    const demote = entry(OWNER, heads, { kind: 'set-role', memberId: 'editor', role: 'viewer' })
    const content: ChangeArea[] = [{ kind: 'content' }]
    expect(decideChange(view, { author: devices.editor!, heads: [demote.id], areas: content })).toEqual({ verdict: 'wait', missing: [demote.id] })
    const later = viewOf([...entries, demote])
    // Made before the editor heard of the demotion: accepted, everywhere.
    expect(decideChange(later, { author: devices.editor!, heads, areas: content }).verdict).toBe('accept')
    expect(decideChange(later, { author: devices.editor!, heads: [demote.id], areas: content }).verdict).toBe('refuse')
    // Once it has cited the demotion it cannot go back to the old state.
    expect(decideChange(later, { author: devices.editor!, heads, areas: content, previousHeads: [demote.id] })).toEqual({
      verdict: 'refuse',
      reason: 'went-back'
    })
  })
})

describe('keeping board facilitation in the log', () => {
  const board = 'c'.repeat(32)

  it('has an editor who made a board grant it to themselves first, then to a co-facilitator the board lists', () => {
    const { entries, devices } = workspaceWith(['editor', 'viewer'])
    const before = viewOf(entries).current().state
    const listed = [{ boardId: board, memberIds: ['editor', 'viewer'] }]
    // Nobody facilitates the board in the log yet: only the maker's own grant is theirs to make.
    expect(facilitationToGrant(before, 'editor', listed)).toEqual([{ boardId: board, memberId: 'editor' }])
    // Someone else may not give themselves a board its maker facilitates.
    expect(facilitationToGrant(before, 'viewer', listed)).toEqual([])
    const own = entry(devices.editor!, [entries.at(-1)!.id], { kind: 'facilitate', boardId: board, memberId: 'editor', on: true })
    const after = viewOf([...entries, own]).current().state
    expect(facilitationToGrant(after, 'editor', listed)).toEqual([{ boardId: board, memberId: 'viewer' }])
    expect(decideChange(viewOf([...entries, own]), { author: devices.editor!, heads: [own.id], areas: [{ kind: 'board', boardId: board }] }).verdict).toBe('accept')
  })

  it('asks nothing once the log already agrees with the board, and never grants someone who is not a member', () => {
    const { entries, devices } = workspaceWith(['editor'])
    const own = entry(devices.editor!, [entries.at(-1)!.id], { kind: 'facilitate', boardId: board, memberId: 'editor', on: true })
    const state = viewOf([...entries, own]).current().state
    expect(facilitationToGrant(state, 'editor', [{ boardId: board, memberIds: ['editor', 'mallory'] }])).toEqual([])
    expect(facilitationToGrant(state, 'ana', [{ boardId: board, memberIds: ['editor', 'ana'] }])).toEqual([{ boardId: board, memberId: 'ana' }])
  })
})
