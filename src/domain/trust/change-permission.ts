import type { ChangeArea } from './change-area'
import type { DeviceKeyId } from './membership-entry'
import { isFacilitator, roleOfDevice, type MembershipState } from './membership-state'
import { atLeast } from './roles'

/**
 * Whether a device may change one area, in a given membership state (docs/trust.md's table).
 * A device the state does not know (not yet joined, or removed) may only add membership
 * entries, which check themselves.
 */
export const mayTouch = (state: MembershipState, device: DeviceKeyId, area: ChangeArea): boolean => {
  if (area.kind === 'trust') return true
  if (area.kind === 'trust-rewrite') return false
  const memberId = state.deviceMember.get(device)
  const role = roleOfDevice(state, device)
  if (memberId === undefined || role === null) return false
  switch (area.kind) {
    case 'member':
    case 'authorship':
      // Nobody writes another person's record: that is how authorship would be forged.
      return area.memberId === memberId
    case 'comments':
      return atLeast(role, 'commenter')
    case 'content':
      return atLeast(role, 'editor')
    case 'board':
      return role === 'owner' || (atLeast(role, 'editor') && isFacilitator(state, area.boardId, memberId))
  }
}
