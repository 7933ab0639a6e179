import { makeCausalPast, type CausalPast } from './causal-past'
import type { DeviceKeyId, EntryId, MembershipEntry, TrustAnchor } from './membership-entry'
import { atLeast, mayInvite, type Role } from './roles'

export interface MemberState {
  role: Role
  /** Active devices: device key id → X25519 wrapping key (base64url). */
  devices: Map<DeviceKeyId, string>
}

export interface InviteState {
  role: Role
  inviteKey: DeviceKeyId
  /** The member who made it (may revoke it). */
  by: string
}

/** What a set of membership entries adds up to (docs/trust.md, "The membership log"). */
export interface MembershipState {
  members: Map<string, MemberState>
  /** Active device → its member. */
  deviceMember: Map<DeviceKeyId, string>
  removedDevices: Set<DeviceKeyId>
  removedMembers: Set<string>
  invites: Map<EntryId, InviteState>
  /** Board id → member ids with facilitator rights there. */
  facilitators: Map<string, Set<string>>
  /** The last re-key that took effect: the workspace key every remaining device should use. */
  latestRekey: EntryId | null
  /**
   * A removal took effect after the last re-key (or before any): the removed devices still hold
   * the key in use, so the workspace must move to a new one before anyone follows a re-key.
   */
  rekeyDue: boolean
  /**
   * Active devices with no copy of the key in force: they joined (or were added) with a key
   * from before the re-key in force, concurrently with it (a join while a removal was written),
   * so neither the re-key nor their link gave it to them. An owner's device that sees any writes
   * a re-key that includes them. A device whose invitation was made after the re-key needs none:
   * its link carries the key in force.
   */
  unkeyedDevices: Set<DeviceKeyId>
  /** Removals of a member's own device, by entry id → that member: they may re-key after it. */
  ownDeviceRemovals: Map<EntryId, string>
  /** Entries that took effect, in the order they did. */
  applied: EntryId[]
}

export const emptyMembershipState = (): MembershipState => ({
  members: new Map(),
  deviceMember: new Map(),
  removedDevices: new Set(),
  removedMembers: new Set(),
  invites: new Map(),
  facilitators: new Map(),
  latestRekey: null,
  rekeyDue: false,
  unkeyedDevices: new Set(),
  ownDeviceRemovals: new Map(),
  applied: []
})

export const roleOfDevice = (state: MembershipState, device: DeviceKeyId): Role | null => {
  const memberId = state.deviceMember.get(device)
  return memberId === undefined ? null : (state.members.get(memberId)?.role ?? null)
}

const ownerCount = (state: MembershipState): number => [...state.members.values()].filter((m) => m.role === 'owner').length

const knownDevice = (state: MembershipState, device: DeviceKeyId): boolean =>
  state.deviceMember.has(device) || state.removedDevices.has(device)

const addMember = (state: MembershipState, memberId: string, role: Role, device: DeviceKeyId, wrapKey: string): void => {
  state.members.set(memberId, { role, devices: new Map([[device, wrapKey]]) })
  state.deviceMember.set(device, memberId)
}

const removeDevice = (state: MembershipState, memberId: string, device: DeviceKeyId): void => {
  state.members.get(memberId)?.devices.delete(device)
  state.deviceMember.delete(device)
  state.removedDevices.add(device)
  state.unkeyedDevices.delete(device)
}

/**
 * Notes a device that arrived with the key of `madeUnder`'s time (the invitation its link came
 * from, or the entry adding it) as left out, when the re-key in force was not known there.
 */
const noteKeyOf = (state: MembershipState, past: CausalPast, device: DeviceKeyId, madeUnder: EntryId): void => {
  if (state.latestRekey !== null && !past.includes(state.latestRekey, madeUnder)) state.unkeyedDevices.add(device)
}

const isFacilitator = (state: MembershipState, boardId: string, memberId: string): boolean =>
  state.facilitators.get(boardId)?.has(memberId) ?? false

/**
 * Whether a member may give (or take away) facilitator rights on a board: owners always, a
 * board's editor facilitators, and an editor granting themselves a board nobody facilitates yet
 * (whoever made it).
 */
export const mayFacilitate = (state: MembershipState, authorMember: string | undefined, boardId: string, targetMember: string, on: boolean): boolean => {
  const authorRole = authorMember === undefined ? null : (state.members.get(authorMember)?.role ?? null)
  if (!authorRole || authorMember === undefined || !state.members.has(targetMember)) return false
  const current = state.facilitators.get(boardId) ?? new Set<string>()
  const firstOwnGrant = current.size === 0 && on && targetMember === authorMember && atLeast(authorRole, 'editor')
  return authorRole === 'owner' || (atLeast(authorRole, 'editor') && current.has(authorMember)) || firstOwnGrant
}

/**
 * Applies one entry if its author may make it in `state` (which it changes); returns whether
 * it took effect. An entry that does not is ignored, the same way on every device.
 */
const applyEntry = (state: MembershipState, entry: MembershipEntry, anchor: TrustAnchor, past: CausalPast): boolean => {
  const { body, author } = entry
  const authorMember = state.deviceMember.get(author)
  const authorRole = authorMember === undefined ? null : (state.members.get(authorMember)?.role ?? null)
  const target = 'memberId' in body ? state.members.get(body.memberId) : undefined
  switch (body.kind) {
    case 'claim': {
      const anchored = anchor.kind === 'legacy' || anchor.ids.includes(entry.id)
      if (!anchored || entry.parents.length > 0 || knownDevice(state, author) || state.removedMembers.has(body.memberId)) return false
      if (target) {
        // Two devices of one person claiming an older workspace: one owner, two devices.
        target.role = 'owner'
        target.devices.set(author, body.wrapKey)
        state.deviceMember.set(author, body.memberId)
      } else addMember(state, body.memberId, 'owner', author, body.wrapKey)
      return true
    }
    case 'invite':
      if (!authorRole || authorMember === undefined || !mayInvite(authorRole, body.role)) return false
      state.invites.set(entry.id, { role: body.role, inviteKey: body.inviteKey, by: authorMember })
      return true
    case 'join': {
      const invite = state.invites.get(body.invite)
      // A join makes a new member: taking an existing member's id would take their role.
      if (!invite || invite.inviteKey !== body.inviteKey || knownDevice(state, author)) return false
      if (target || state.removedMembers.has(body.memberId)) return false
      addMember(state, body.memberId, invite.role, author, body.wrapKey)
      noteKeyOf(state, past, author, body.invite)
      return true
    }
    case 'add-device':
      if (authorMember === undefined || knownDevice(state, body.device)) return false
      state.members.get(authorMember)?.devices.set(body.device, body.wrapKey)
      state.deviceMember.set(body.device, authorMember)
      noteKeyOf(state, past, body.device, entry.id)
      return true
    case 'set-role':
      if (authorRole !== 'owner' || !target) return false
      if (target.role === 'owner' && body.role !== 'owner' && ownerCount(state) <= 1) return false
      target.role = body.role
      return true
    case 'remove': {
      if (!target || authorMember === undefined) return false
      const self = authorMember === body.memberId
      if (body.device !== undefined) {
        if (!(authorRole === 'owner' || self) || !target.devices.has(body.device)) return false
        removeDevice(state, body.memberId, body.device)
        if (self) state.ownDeviceRemovals.set(entry.id, authorMember)
        state.rekeyDue = true
        return true
      }
      if (authorRole !== 'owner' && !self) return false
      if (target.role === 'owner' && ownerCount(state) <= 1) return false
      for (const device of [...target.devices.keys()]) removeDevice(state, body.memberId, device)
      state.members.delete(body.memberId)
      state.removedMembers.add(body.memberId)
      for (const board of state.facilitators.values()) board.delete(body.memberId)
      state.rekeyDue = true
      return true
    }
    case 'revoke-invite': {
      const invite = state.invites.get(body.invite)
      if (!invite || !(authorRole === 'owner' || invite.by === authorMember)) return false
      state.invites.delete(body.invite)
      return true
    }
    case 'facilitate': {
      if (!mayFacilitate(state, authorMember, body.boardId, body.memberId, body.on)) return false
      const current = state.facilitators.get(body.boardId) ?? new Set<string>()
      if (body.on) current.add(body.memberId)
      else current.delete(body.memberId)
      state.facilitators.set(body.boardId, current)
      return true
    }
    case 'rekey': {
      // An owner re-keys; so does a member right after removing one of their own devices (a lost laptop).
      const afterOwnRemoval = authorMember !== undefined && entry.parents.some((id) => state.ownDeviceRemovals.get(id) === authorMember)
      if (authorRole !== 'owner' && !afterOwnRemoval) return false
      // A key wrapped for a removed device (a re-key written concurrently with a removal) would let
      // that device follow: ignored, and the workspace stays due for a re-key that leaves it out.
      const wrappedFor = Object.keys(body.wrapped) as DeviceKeyId[]
      if (wrappedFor.length === 0 || wrappedFor.some((device) => !state.deviceMember.has(device))) return false
      state.latestRekey = entry.id
      state.rekeyDue = false
      const keyed = new Set(wrappedFor)
      state.unkeyedDevices = new Set([...state.deviceMember.keys()].filter((device) => !keyed.has(device)))
      // Invitation links carry the key they were made with: after a re-key, earlier ones lead nowhere.
      state.invites.clear()
      return true
    }
  }
}

/**
 * Whether an owner's device should write a re-key now: a removal is not yet followed by one,
 * or the re-key in force left out a device that was already a member.
 */
export const rekeyWanted = (state: MembershipState): boolean => state.rekeyDue || state.unkeyedDevices.size > 0

/** Folds entries already in causal order (membership-log.ts's causalOrder) into a state. */
export const foldMembership = (ordered: readonly MembershipEntry[], anchor: TrustAnchor): MembershipState => {
  const state = emptyMembershipState()
  const past = makeCausalPast()
  for (const entry of ordered) {
    past.add(entry)
    if (applyEntry(state, entry, anchor, past)) state.applied.push(entry.id)
  }
  return state
}

export { isFacilitator }
