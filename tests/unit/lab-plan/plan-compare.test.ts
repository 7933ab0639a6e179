import { describe, expect, it } from 'vitest'
import { compareLabPlan } from '../../../src/crdt/compare-lab-plans'
import { addPlanRow, removePlanRow, updatePlanRow, updateProposal } from '../../../src/crdt/lab-plan-rows'
import { createVersion } from '../../../src/crdt/versions'
import { createLabPlan } from '../../../src/crdt/lab-plan'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { asha, newPlan, readPlan } from './support'
import { makeTranslator } from '../../../src/ui/i18n/make-translator'
import { planCompareSummary } from '../../../src/ui/features/history/plan-compare-summary'

const en = makeTranslator('en')
const cy = makeTranslator('cy')

describe('comparing the lab plan between versions', () => {
  it('says which outcomes, budget lines, milestones and values were added, removed or changed, field by field', () => {
    const { doc, planId } = newPlan()
    const kept = addPlanRow(doc, planId, 'budget', { item: 'Report production', planned: 50_000 }, asha, 3)!
    const dropped = addPlanRow(doc, planId, 'outcomes', { title: 'Residents shape support' }, asha, 4)!
    const agreed = createVersion(doc, { name: 'Budget agreed', kind: 'named' }, asha, 5)

    updatePlanRow(doc, planId, 'budget', kept, { planned: 90_000, council: 'Oldham Council' }, asha, 6)
    addPlanRow(doc, planId, 'budget', { item: 'Info-video', planned: 400_000 }, asha, 7)
    removePlanRow(doc, planId, 'outcomes', dropped, asha, 8)
    const milestone = readPlan(doc, planId).milestones[0]!
    updatePlanRow(doc, planId, 'milestones', milestone.id, { date: '2027-03-01', status: 'done' }, asha, 9)
    const coProduction = readPlan(doc, planId).values.find((v) => v.name === 'Co-production')!
    updatePlanRow(doc, planId, 'values', coProduction.id, { application: 'Residents sit on the group' }, asha, 10)
    updateProposal(doc, planId, { fundingAsked: 1_000_000 }, asha, 11)

    const c = compareLabPlan(doc, planId, agreed, { kind: 'now' }, en)!
    const part = (name: string) => c.parts.find((p) => p.part === name)!.rows.filter((r) => r.change !== null)
    expect(part('budget')).toEqual([
      {
        id: kept,
        name: 'Report production',
        change: 'changed',
        fields: [
          { label: 'Council', before: '', after: 'Oldham Council' },
          { label: 'Planned', before: '£500.00', after: '£900.00' }
        ]
      },
      expect.objectContaining({ name: 'Info-video', change: 'added' })
    ])
    expect(part('outcomes')).toEqual([{ id: dropped, name: 'Residents shape support', change: 'removed', fields: [] }])
    expect(part('milestones')[0]!.fields).toEqual([
      { label: 'Date', before: '', after: '2027-03-01' },
      { label: 'Status', before: 'Planned', after: 'Done' }
    ])
    expect(part('values')).toEqual([expect.objectContaining({ name: 'Co-production', change: 'changed' })])
    expect(c.proposal).toEqual([{ label: 'Funding asked for', before: '£0.00', after: '£10,000.00' }])
    expect(c.budgetThen.planned).toBe(50_000)
    expect(c.budgetNow?.planned).toBe(490_000)
    expect(c.changedRows).toBe(5)
  })

  it('compares two versions with each other, and shows one version alone with nothing marked', () => {
    const { doc, planId } = newPlan()
    const first = createVersion(doc, { name: 'First', kind: 'named' }, asha, 3)
    addPlanRow(doc, planId, 'outcomes', { title: 'Warmer homes' }, asha, 4)
    const second = createVersion(doc, { name: 'Second', kind: 'named' }, asha, 5)
    addPlanRow(doc, planId, 'outcomes', { title: 'Not in either version' }, asha, 6)

    const between = compareLabPlan(doc, planId, first, { kind: 'version', versionId: second }, en)!
    expect(between.parts.find((p) => p.part === 'outcomes')!.rows).toEqual([expect.objectContaining({ name: 'Warmer homes', change: 'added' })])
    const alone = compareLabPlan(doc, planId, second, null, en)!
    expect(alone.changedRows).toBe(0)
    expect(alone.budgetNow).toBeNull()
    expect(alone.parts.find((p) => p.part === 'outcomes')!.rows.map((r) => r.name)).toEqual(['Warmer homes'])
  })

  it('is null for a version from before the plan existed, or one that cannot be read', () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    const before = createVersion(doc, { name: 'Before the plan', kind: 'named' }, asha, 1)
    const planId = createLabPlan(doc, { title: 'Lab plan' }, asha, 2)
    expect(compareLabPlan(doc, planId, before, { kind: 'now' }, en)).toBeNull()
    expect(compareLabPlan(doc, planId, 'no-such-version', { kind: 'now' }, en)).toBeNull()
  })

  it('says in Welsh what changed, with labels and listed values in Welsh and typed text as typed (issue 16)', () => {
    const { doc, planId } = newPlan()
    const kept = addPlanRow(doc, planId, 'budget', { item: 'Report production', planned: 50_000 }, asha, 3)!
    const agreed = createVersion(doc, { name: 'Budget agreed', kind: 'named' }, asha, 4)
    updatePlanRow(doc, planId, 'budget', kept, { planned: 90_000, council: 'Oldham Council' }, asha, 5)
    const milestone = readPlan(doc, planId).milestones[0]!
    updatePlanRow(doc, planId, 'milestones', milestone.id, { status: 'done' }, asha, 6)

    const c = compareLabPlan(doc, planId, agreed, { kind: 'now' }, cy)!
    const budget = c.parts.find((p) => p.part === 'budget')!.rows.find((r) => r.id === kept)!
    expect(budget.name).toBe('Report production')
    expect(budget.fields).toEqual([
      { label: 'Cyngor', before: '', after: 'Oldham Council' },
      { label: 'Wedi’i gynllunio', before: '£500.00', after: '£900.00' }
    ])
    const status = c.parts.find((p) => p.part === 'milestones')!.rows.flatMap((r) => r.fields)
    expect(status).toEqual([{ label: 'Statws', before: 'Wedi’i chynllunio', after: 'Wedi’i gwneud' }])
    expect(planCompareSummary(c, null, cy)).toBe('Mae 2 res wedi newid rhwng y fersiwn hon a nawr. Cyllideb a gynlluniwyd: £500.00 bryd hynny, £900.00 nawr.')
    expect(planCompareSummary(c, 'Diwedd y flwyddyn', en)).toBe('2 rows have changed between this version and “Diwedd y flwyddyn”. Planned budget: £500.00 then, £900.00 later.')
    expect(planCompareSummary(compareLabPlan(doc, planId, agreed, null, cy)!, null, cy)).toBe('Llinellau’r gyllideb a gynlluniwyd yn y fersiwn hon: £500.00.')
  })
})
