import type { DeviceKeyId } from './membership-entry'
import type { MembershipState } from './membership-state'

/** What a removal takes away, for the state before it. */
export type Removal = { memberId: string; device?: DeviceKeyId }

/**
 * The devices that stay after a removal, with their wrapping keys: each gets the new workspace
 * key (docs/trust.md, "Removing a member or a lost device"); with no removal, every active
 * device (a re-key the workspace is due). Sorted, so every device that
 * writes the re-key lists the same devices in the same order.
 */
export const remainingDevices = (state: MembershipState, removal: Removal | null): { keyId: DeviceKeyId; wrapKey: string }[] => {
  const out: { keyId: DeviceKeyId; wrapKey: string }[] = []
  for (const [memberId, member] of state.members) {
    if (memberId === removal?.memberId && removal.device === undefined) continue
    for (const [keyId, wrapKey] of member.devices) if (keyId !== removal?.device) out.push({ keyId, wrapKey })
  }
  return out.sort((a, b) => (a.keyId < b.keyId ? -1 : 1))
}
