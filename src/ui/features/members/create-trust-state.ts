import { createResource, createSignal, onCleanup, type Accessor } from 'solid-js'
import type { WorkspaceTrust } from '../../../app/workspace-trust'
import type { Role } from '../../../domain/trust/roles'
import { membersWhoMayFacilitate } from '../../../domain/trust/members-who-may-facilitate'
import type { MemberDevices } from '../../../app/workspace-trust'

/**
 * Something this device reads from the workspace's trust, live: worked out again whenever the
 * membership log changes (a join arriving, an owner changing a role, a removal).
 */
const createTrustReading = <T>(trust: Accessor<WorkspaceTrust | null>, read: (trust: WorkspaceTrust | null) => T): Accessor<T> => {
  const [tick, setTick] = createSignal(0)
  let stop: (() => void) | null = null
  let watched: WorkspaceTrust | null = null
  onCleanup(() => stop?.())
  return () => {
    tick()
    const current = trust()
    if (current !== watched) {
      stop?.()
      watched = current
      stop = current ? current.subscribe(() => setTick((n) => n + 1)) : null
    }
    return read(current)
  }
}

/** This device's role; null while trust is not open or the device is not a member (yet, or any more). */
export const createMyRole = (trust: Accessor<WorkspaceTrust | null>): Accessor<Role | null> =>
  createTrustReading(trust, (current) => (current ? current.myRole() : null))

/** True while this device's join through an invitation waits for the entries it cites. */
export const createJoining = (trust: Accessor<WorkspaceTrust | null>): Accessor<boolean> =>
  createTrustReading(trust, (current) => current?.joining() ?? false)

/** True once the membership log has removed this device from the workspace. */
export const createRemoved = (trust: Accessor<WorkspaceTrust | null>): Accessor<boolean> =>
  createTrustReading(trust, (current) => current?.removed() ?? false)

/**
 * Where a person stands in the membership log: their role, removed, never in it (someone who
 * wrote in the workspace before it had members, or in a copy made from it), or null where there
 * is no log to ask.
 */
export type MemberStanding = Role | 'removed' | 'not-a-member' | null

/**
 * Each person's standing, live, by member id: the overview's people list says who can still open
 * the workspace, so a removed colleague or a past author is not listed as if they had access.
 * Null for everyone while trust is not open.
 */
export const createMemberStanding = (trust: Accessor<WorkspaceTrust | null>): Accessor<(memberId: string) => MemberStanding> =>
  createTrustReading(trust, (current) => {
    const state = current?.membership.view().current().state
    return (memberId: string): MemberStanding => {
      if (!state) return null
      const role = state.members.get(memberId)?.role
      if (role) return role
      return state.removedMembers.has(memberId) ? 'removed' : 'not-a-member'
    }
  })

/**
 * The member list with safety codes, worked out again whenever the membership log changes
 * (the codes are SHA-256 digests, so this is asynchronous).
 */
export const createMemberDevices = (trust: WorkspaceTrust): Accessor<MemberDevices[] | undefined> => {
  const [version, setVersion] = createSignal(1)
  onCleanup(trust.subscribe(() => setVersion((n) => n + 1)))
  const [members] = createResource(version, () => trust.describeMembers())
  // The list shown stays the last one worked out while the next is being made.
  return () => members.latest
}

/**
 * The member ids the membership log lets facilitate a board (editors and owners), live; null
 * when the log names nobody (trust not open yet, or a workspace from before signed membership).
 */
export const createMembersWhoMayFacilitate = (trust: Accessor<WorkspaceTrust | null>): Accessor<string[] | null> =>
  createTrustReading(trust, (current) => {
    const state = current?.membership.view().current().state
    return state && state.members.size > 0 ? membersWhoMayFacilitate(state) : null
  })
