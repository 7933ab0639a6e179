import { fromBase64Url } from '../../domain/base64url'
import type { DeviceKeyId } from '../../domain/trust/membership-entry'
import type { MembershipState } from '../../domain/trust/membership-state'
import type { Role } from '../../domain/trust/roles'
import { safetyCodeOf } from './device-keys'

/** One member as the member list shows them: their role and each device with its safety code. */
export interface MemberDevices {
  memberId: string
  role: Role
  devices: { keyId: DeviceKeyId; safetyCode: string }[]
}

/**
 * The member list's trust part: every member of a membership state, owners first, each device
 * with the code its owner can read aloud to compare with what their own device shows.
 */
export const describeMembers = async (state: MembershipState): Promise<MemberDevices[]> => {
  const order: Role[] = ['owner', 'editor', 'commenter', 'viewer']
  const members = [...state.members.entries()].sort(([a, x], [b, y]) => order.indexOf(x.role) - order.indexOf(y.role) || a.localeCompare(b))
  return Promise.all(
    members.map(async ([memberId, member]) => ({
      memberId,
      role: member.role,
      devices: await Promise.all(
        [...member.devices.entries()].sort(([a], [b]) => a.localeCompare(b)).map(async ([keyId, wrapKey]) => ({
          keyId,
          safetyCode: await safetyCodeOf(fromBase64Url(keyId) ?? new Uint8Array(), fromBase64Url(wrapKey) ?? new Uint8Array())
        }))
      )
    }))
  )
}
