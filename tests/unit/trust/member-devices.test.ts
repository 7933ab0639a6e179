import { describe, expect, it } from 'vitest'
import { describeMembers } from '../../../src/sync/trust/member-devices'
import { trustWorkspace } from './trust-workspace'

describe('the member list', () => {
  it('shows each member’s role and devices, with the same safety code the device itself shows', async () => {
    const { devices, membership } = await trustWorkspace(['viewer', 'editor'])
    const listed = await describeMembers(membership.view().current().state)
    expect(listed.map((m) => [m.memberId, m.role])).toEqual([
      ['ana', 'owner'],
      ['editor', 'editor'],
      ['viewer', 'viewer']
    ])
    const viewer = listed.find((m) => m.memberId === 'viewer')!
    expect(viewer.devices).toEqual([{ keyId: devices.viewer!.pub.keyId, safetyCode: devices.viewer!.pub.safetyCode }])
  })
})
