import { createResource, createSignal, onCleanup, type Accessor } from 'solid-js'
import type { WorkspaceTrust } from '../../../app/workspace-trust'
import type { Role } from '../../../domain/trust/roles'
import type { MemberDevices } from '../../../app/workspace-trust'

/**
 * This device's role in the workspace, live: it follows the membership log (a join arriving,
 * an owner changing the role). Null while trust is not open or the device is not a member yet.
 */
export const createMyRole = (trust: Accessor<WorkspaceTrust | null>): Accessor<Role | null> => {
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
    return current ? current.myRole() : null
  }
}

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
