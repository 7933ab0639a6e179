import { describe, expect, it } from 'vitest'
import { accessNoticeOf, capabilitiesOf } from '../../../src/domain/trust/role-capabilities'
import { ROLES, mayInvite } from '../../../src/domain/trust/roles'
import { mayTouch } from '../../../src/domain/trust/change-permission'
import type { DeviceKeyId } from '../../../src/domain/trust/membership-entry'
import { emptyMembershipState } from '../../../src/domain/trust/membership-state'
import type { Role } from '../../../src/domain/trust/roles'

/** What the trust gate (every other device) accepts from a member with this role. */
const gateAccepts = (role: Role): { content: boolean; comments: boolean } => {
  const state = emptyMembershipState()
  const device = 'device-of-sam' as DeviceKeyId
  state.members.set('sam', { role, devices: new Map([[device, 'wrap-key']]) })
  state.deviceMember.set(device, 'sam')
  return { content: mayTouch(state, device, { kind: 'content' }), comments: mayTouch(state, device, { kind: 'comments' }) }
}

describe('what the interface offers each role', () => {
  it('lets a viewer read and export only, and a commenter also comment', () => {
    expect(capabilitiesOf('viewer')).toMatchObject({ edit: false, comment: false, export: true, changeRoles: false })
    expect(capabilitiesOf('commenter')).toMatchObject({ edit: false, comment: true, export: true, changeRoles: false })
    expect(capabilitiesOf('editor')).toMatchObject({ edit: true, comment: true, export: true, changeRoles: false })
    expect(capabilitiesOf('owner')).toMatchObject({ edit: true, comment: true, export: true, changeRoles: true })
  })

  it('grows with the role: each role may do everything the one before it may', () => {
    const keys = ['edit', 'comment', 'export', 'inviteAnyRole', 'changeRoles'] as const
    for (let i = 1; i < ROLES.length; i++) {
      const lower = capabilitiesOf(ROLES[i - 1]!)
      const higher = capabilitiesOf(ROLES[i]!)
      for (const key of keys) if (lower[key]) expect(higher[key], `${ROLES[i]} ${key}`).toBe(true)
    }
  })

  it('agrees with the invitation rule: only a role that may invite every role is offered all of them', () => {
    for (const role of ROLES) expect(capabilitiesOf(role).inviteAnyRole).toBe(ROLES.every((invited) => mayInvite(role, invited)))
  })

  it('offers what the trust gate accepts from the same role, no more and no less', () => {
    for (const role of ROLES) {
      const gate = gateAccepts(role)
      expect(capabilitiesOf(role).edit, `${role} edits`).toBe(gate.content)
      expect(capabilitiesOf(role).comment, `${role} comments`).toBe(gate.comments)
    }
  })

  it('keeps the interface as before roles for a device with no role yet', () => {
    expect(capabilitiesOf(null)).toMatchObject({ edit: true, comment: true, export: true, changeRoles: false })
    expect(accessNoticeOf(null)).toBeNull()
  })

  it('tells viewers and commenters, and nobody else, what they can do', () => {
    expect(ROLES.map((role) => accessNoticeOf(role))).toEqual(['view', 'view-and-comment', null, null])
  })
})
