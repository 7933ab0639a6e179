import { describe, expect, it } from 'vitest'
import { checkWorkingGroup, otherCcinMembers, type GroupMemberFields, type MembershipType } from '../../../src/domain/lab-plan/working-group'
import { byDate, nextMilestone, overdueMilestones, type Milestone } from '../../../src/domain/lab-plan/milestones'
import { fundingProblem } from '../../../src/domain/lab-plan/proposal'
import { PlanDateSchema, type PlanRowId } from '../../../src/domain/lab-plan/plan-ids'

const member = (council: string, membershipType: MembershipType, person = ''): GroupMemberFields => ({ council, person, role: '', membershipType })

describe('the working group check', () => {
  it('asks for three other CCIN members besides the lead council', () => {
    const lead = member('Oldham Council', 'lead')
    expect(checkWorkingGroup([lead])).toMatchObject({ kind: 'too-few', others: 0 })
    const two = [lead, member('Preston City Council', 'council'), member('Co-op College', 'associate')]
    const check = checkWorkingGroup(two)
    expect(check).toMatchObject({ kind: 'too-few', others: 2 })
    if (check.kind === 'too-few') expect(check.message).toContain('add 1 more')
    expect(checkWorkingGroup([...two, member('Locality', 'affiliate')])).toEqual({ kind: 'ok', others: 3 })
  })

  it('counts an organisation once however many of its people take part, and never the lead or non-members', () => {
    const group = [
      member('Oldham Council', 'lead'),
      member('Oldham council', 'council', 'Someone else at the lead'),
      member('Preston City Council', 'council', 'A'),
      member(' preston  city council ', 'council', 'B'),
      member('A University', 'not-a-member'),
      member('Kirklees Council', 'council')
    ]
    expect(otherCcinMembers(group)).toEqual(['Preston City Council', 'Kirklees Council'])
    expect(checkWorkingGroup(group)).toMatchObject({ kind: 'too-few', others: 2 })
  })
})

describe('milestones', () => {
  const m = (id: string, date: string, status: Milestone['status'] = 'planned'): Milestone => ({
    id: id.padStart(32, '0') as PlanRowId,
    title: id,
    kind: 'milestone',
    date,
    council: '',
    status,
    artifactId: ''
  })

  it('orders by date with undated ones last, and finds the next open one', () => {
    const list = [m('a', ''), m('b', '2027-03-01'), m('c', '2026-12-01', 'done'), m('d', '2027-01-15'), m('e', '2026-11-01')]
    expect(byDate(list).map((x) => x.title)).toEqual(['e', 'c', 'd', 'b', 'a'])
    expect(nextMilestone(list, '2026-12-06')?.title).toBe('d')
    expect(overdueMilestones(list, '2026-12-06').map((x) => x.title)).toEqual(['e'])
    expect(nextMilestone(list, '2028-01-01')).toBeNull()
  })

  it('accepts only real calendar dates', () => {
    expect(PlanDateSchema.safeParse('2028-02-29').success).toBe(true)
    expect(PlanDateSchema.safeParse('2027-02-29').success).toBe(false)
    expect(PlanDateSchema.safeParse('2027-13-01').success).toBe(false)
    expect(PlanDateSchema.safeParse('').success).toBe(true)
  })
})

describe('funding asked for', () => {
  it('is at most £10,000 for a lab and £2,000 for a prototype', () => {
    expect(fundingProblem({ fundingKind: 'lab', fundingAsked: 1_000_000 })).toBeNull()
    expect(fundingProblem({ fundingKind: 'lab', fundingAsked: 1_000_001 })).toBe('A policy lab can ask for up to £10,000.00')
    expect(fundingProblem({ fundingKind: 'prototype', fundingAsked: 200_001 })).toBe('A prototype can ask for up to £2,000.00')
  })
})
