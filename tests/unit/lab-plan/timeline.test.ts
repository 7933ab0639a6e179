import { describe, expect, it } from 'vitest'
import type { Milestone } from '../../../src/domain/lab-plan/milestones'
import type { PlanRowId } from '../../../src/domain/lab-plan/plan-ids'
import { addMonths, planTimeline } from '../../../src/domain/lab-plan/timeline'

const m = (title: string, date: string): Milestone => ({
  id: title.padStart(32, '0') as PlanRowId,
  title,
  kind: 'milestone',
  date,
  council: '',
  status: 'planned',
  artifactId: ''
})

describe('the plan timeline', () => {
  it('spans two years for a lab and nine months for a prototype, from the start date', () => {
    const lab = planTimeline([m('a', '2027-03-01')], { startDate: '2027-01-01', fundingKind: 'lab' })
    expect(lab).toMatchObject({ start: '2027-01-01', plannedEnd: '2029-01-01', end: '2029-01-01', months: 24, startGuessed: false })
    const prototype = planTimeline([m('a', '2027-03-01')], { startDate: '2027-01-01', fundingKind: 'prototype' })
    expect(prototype).toMatchObject({ plannedEnd: '2027-10-01', months: 9 })
    // The same date sits further along a shorter scale.
    expect(prototype!.items[0]!.at).toBeGreaterThan(lab!.items[0]!.at * 2.5)
  })

  it('places milestones in proportion to their dates', () => {
    const line = planTimeline([m('half', '2028-01-01'), m('start', '2027-01-01'), m('end', '2029-01-01')], { startDate: '2027-01-01', fundingKind: 'lab' })!
    expect(line.items.map((i) => [i.milestone.title, Math.round(i.at)])).toEqual([['start', 0], ['half', 50], ['end', 100]])
  })

  it('ticks quarterly on a lab and monthly on a prototype, alternating major and minor', () => {
    const lab = planTimeline([], { startDate: '2027-01-15', fundingKind: 'lab' })!
    expect(lab.ticks.map((t) => t.date)).toEqual(['2027-04-01', '2027-07-01', '2027-10-01', '2028-01-01', '2028-04-01', '2028-07-01', '2028-10-01', '2029-01-01'])
    expect(lab.ticks.map((t) => t.major)).toEqual([true, false, true, false, true, false, true, false])
    const prototype = planTimeline([], { startDate: '2027-01-01', fundingKind: 'prototype' })!
    expect(prototype.ticks).toHaveLength(10)
  })

  it('stretches to a milestone after the planned end and marks it late', () => {
    const line = planTimeline([m('late', '2028-01-01')], { startDate: '2027-01-01', fundingKind: 'prototype' })!
    expect(line.end).toBe('2028-01-01')
    expect(line.items[0]).toMatchObject({ late: true, at: 100 })
  })

  it('starts at the first milestone when the proposal has no start date, and is null with nothing dated', () => {
    expect(planTimeline([m('b', '2027-06-01'), m('a', '2027-05-01')], { startDate: '', fundingKind: 'lab' })).toMatchObject({ start: '2027-05-01', startGuessed: true })
    expect(planTimeline([m('undated', '')], { startDate: '', fundingKind: 'lab' })).toBeNull()
  })

  it('adds calendar months, falling back to the last day of a shorter month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28')
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29')
  })
})
