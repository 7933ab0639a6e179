import type { DeviceKeyId } from './membership-entry'
import type { MembershipState } from './membership-state'

/** What a removal takes away, for the state before it. */
export type Removal = { memberId: string; device?: DeviceKeyId }

/**
 * The devices that stay after a removal, with their wrapping keys: each gets the new workspace
 * key (docs/trust.md, "Removing a member or a lost device"). Sorted, so every device that
 * writes the re-key lists the same devices in the same order.
 */
export const remainingDevices = (state: MembershipState, removal: Removal): { keyId: DeviceKeyId; wrapKey: string }[] => {
  const out: { keyId: DeviceKeyId; wrapKey: string }[] = []
  for (const [memberId, member] of state.members) {
    if (memberId === removal.memberId && removal.device === undefined) continue
    for (const [keyId, wrapKey] of member.devices) if (keyId !== removal.device) out.push({ keyId, wrapKey })
  }
  return out.sort((a, b) => (a.keyId < b.keyId ? -1 : 1))
}

/**
 * The confirmation a person reads before removing someone: plain about what removal can and
 * cannot do. What the removed person already had stays with them; nothing can take it back.
 */
export const removalConfirmation = (name: string, what: 'member' | 'device'): { title: string; detail: string } =>
  what === 'member'
    ? {
        title: `Remove ${name} from this workspace?`,
        detail:
          `${name} will no longer be able to connect, see new changes or make changes. The workspace moves to a new key, ` +
          `which the other members’ devices receive by themselves. What ${name} already has stays with them: ` +
          `their copy of the workspace up to now cannot be taken back. Earlier invitation links stop working.`
      }
    : {
        title: `Remove the device “${name}”?`,
        detail:
          'That device will no longer be able to connect, see new changes or make changes, and the workspace moves to a new key. ' +
          'What is already on that device stays there: its copy up to now cannot be taken back. Earlier invitation links stop working.'
      }
