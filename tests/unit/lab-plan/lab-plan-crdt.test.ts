import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addPlanRow, removePlanRow, setEvidenceLink, updatePlanRow, updateProposal } from '../../../src/crdt/lab-plan-rows'
import { LAB_PLAN, labPlanParts, proposalAnswer } from '../../../src/crdt/lab-plan'
import { readArtifactSummaries } from '../../../src/crdt/artifacts'
import { createVersion, restoreArtifactToVersion } from '../../../src/crdt/versions'
import { CCIN_VALUES } from '../../../src/domain/lab-plan/plan-values'
import { STANDARD_DELIVERABLES } from '../../../src/domain/lab-plan/milestones'
import { EOI_QUESTIONS } from '../../../src/domain/lab-plan/proposal'
import { asha, ben, copyOf, newPlan, readPlan, sync } from './support'

describe('a new lab plan', () => {
  it('is an item of the workspace, with the CCIN values and standard deliverables to fill in', () => {
    const { doc, planId } = newPlan()
    expect(readArtifactSummaries(doc).map((a) => [a.kind, a.title])).toEqual([['lab-plan', 'Lab plan']])
    const plan = readPlan(doc, planId)
    expect(plan.values.map((v) => v.name)).toEqual([...CCIN_VALUES])
    expect(plan.milestones.map((m) => m.title)).toEqual([...STANDARD_DELIVERABLES])
    expect(plan.milestones.every((m) => m.kind === 'deliverable')).toBe(true)
    expect(plan.budget).toEqual([])
    expect(plan.proposal).toMatchObject({ fundingKind: 'lab', fundingAsked: 0 })
    for (const question of EOI_QUESTIONS) expect(proposalAnswer(doc, planId, question.key)).toBeInstanceOf(Y.XmlFragment)
  })
})

describe('budget lines', () => {
  it('two people editing different fields of one line both keep their change', () => {
    const { doc, planId } = newPlan()
    const lineId = addPlanRow(doc, planId, 'budget', { item: 'Info-video', category: 'production', planned: 400_000 }, asha, 3)
    if (!lineId) throw new Error('no line')
    const other = copyOf(doc)
    updatePlanRow(doc, planId, 'budget', lineId, { spent: 120_000 }, asha, 4)
    updatePlanRow(other, planId, 'budget', lineId, { council: 'Preston City Council', committed: 200_000 }, ben, 4)
    sync(doc, other)
    for (const d of [doc, other]) {
      expect(readPlan(d, planId).budget).toEqual([
        { id: lineId, item: 'Info-video', category: 'production', council: 'Preston City Council', planned: 400_000, committed: 200_000, spent: 120_000 }
      ])
    }
  })

  it('two people adding lines at once keep both', () => {
    const { doc, planId } = newPlan()
    const other = copyOf(doc)
    addPlanRow(doc, planId, 'budget', { item: 'Report production', planned: 50_000 }, asha, 3)
    addPlanRow(other, planId, 'budget', { item: 'Resources & Expenses', planned: 50_000 }, ben, 3)
    sync(doc, other)
    expect(readPlan(doc, planId).budget.map((l) => l.item).sort()).toEqual(['Report production', 'Resources & Expenses'])
    expect(readPlan(doc, planId).budget).toEqual(readPlan(other, planId).budget)
  })

  it('refuses fractions of a penny and negative amounts, writing nothing', () => {
    const { doc, planId } = newPlan()
    const before = Y.encodeStateVector(doc)
    expect(() => addPlanRow(doc, planId, 'budget', { item: 'x', planned: 10.5 }, asha, 3)).toThrow()
    expect(() => addPlanRow(doc, planId, 'budget', { item: 'x', spent: -1 }, asha, 3)).toThrow()
    expect(() => addPlanRow(doc, planId, 'budget', { item: '' }, asha, 3)).toThrow()
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('leaves out a line a peer wrote with a floating-point amount, and says so', () => {
    const { doc, planId } = newPlan()
    addPlanRow(doc, planId, 'budget', { item: 'Good', planned: 100 }, asha, 3)
    const parts = labPlanParts(doc, planId)
    if (!parts) throw new Error('no plan')
    doc.transact(() => {
      const bad = new Y.Map<unknown>()
      for (const [k, v] of Object.entries({ item: 'Bad', category: 'other', council: '', planned: 0.1, committed: 0, spent: 0 })) bad.set(k, v)
      parts.sections.budget.set('f'.repeat(32), bad)
    })
    const plan = readPlan(doc, planId)
    expect(plan.budget.map((l) => l.item)).toEqual(['Good'])
    expect(plan.unreadableRows).toBe(1)
  })
})

describe('outcomes and measures', () => {
  it('a measure belongs to its outcome, merges field by field, and goes with its outcome', () => {
    const { doc, planId } = newPlan()
    const outcomeId = addPlanRow(doc, planId, 'outcomes', { title: 'Residents shape the service' }, asha, 3)
    if (!outcomeId) throw new Error('no outcome')
    const measureId = addPlanRow(doc, planId, 'measures', { outcomeId, what: 'Interview feedback', baseline: '0' }, asha, 4)
    if (!measureId) throw new Error('no measure')
    const other = copyOf(doc)
    updatePlanRow(doc, planId, 'measures', measureId, { latestValue: '12 interviews', latestDate: '2027-01-10' }, asha, 5)
    updatePlanRow(other, planId, 'measures', measureId, { target: '30 interviews' }, ben, 5)
    updatePlanRow(other, planId, 'outcomes', outcomeId, { status: 'at-risk' }, ben, 5)
    sync(doc, other)
    const outcome = readPlan(doc, planId).outcomes[0]
    expect(outcome).toMatchObject({ status: 'at-risk', measures: [{ id: measureId, baseline: '0', target: '30 interviews', latestValue: '12 interviews', latestDate: '2027-01-10' }] })
    removePlanRow(doc, planId, 'outcomes', outcomeId, asha, 6)
    expect(readPlan(doc, planId).outcomes).toEqual([])
    expect(labPlanParts(doc, planId)?.sections.measures.size).toBe(0)
  })

  it('evidence links are a set: two people linking at once keep both', () => {
    const { doc, planId } = newPlan()
    const outcomeId = addPlanRow(doc, planId, 'outcomes', { title: 'Value created' }, asha, 3)
    if (!outcomeId) throw new Error('no outcome')
    const other = copyOf(doc)
    setEvidenceLink(doc, planId, 'outcomes', outcomeId, 'a'.repeat(32), 'artifact', asha, 4)
    setEvidenceLink(other, planId, 'outcomes', outcomeId, 'b'.repeat(32), 'partner', ben, 4)
    sync(doc, other)
    expect(readPlan(other, planId).outcomes[0]?.evidence).toEqual([
      { id: 'a'.repeat(32), kind: 'artifact' },
      { id: 'b'.repeat(32), kind: 'partner' }
    ])
    setEvidenceLink(other, planId, 'outcomes', outcomeId, 'a'.repeat(32), null, ben, 5)
    expect(readPlan(other, planId).outcomes[0]?.evidence).toEqual([{ id: 'b'.repeat(32), kind: 'partner' }])
  })
})

describe('the proposal', () => {
  it('keeps the EOI header fields one key each', () => {
    const { doc, planId } = newPlan()
    const other = copyOf(doc)
    updateProposal(doc, planId, { memberAuthority: 'Oldham Council', fundingAsked: 1_000_000 }, asha, 3)
    updateProposal(other, planId, { contactName: 'Ben Okafor', jobTitle: 'Policy officer' }, ben, 3)
    sync(doc, other)
    expect(readPlan(other, planId).proposal).toEqual({
      memberAuthority: 'Oldham Council',
      leadMember: '',
      contactName: 'Ben Okafor',
      jobTitle: 'Policy officer',
      fundingKind: 'lab',
      fundingAsked: 1_000_000,
      startDate: ''
    })
  })
})

describe('restoring the plan to a named version', () => {
  it('brings back lines, fields and values as they were, as a new change that syncs', () => {
    const { doc, planId } = newPlan()
    const lineId = addPlanRow(doc, planId, 'budget', { item: 'Action research reviews', planned: 500_000 }, asha, 3)
    if (!lineId) throw new Error('no line')
    const versionId = createVersion(doc, { name: 'EOI submitted', kind: 'named' }, asha, 4)
    const valueId = readPlan(doc, planId).values[0]?.id
    if (!valueId) throw new Error('no value')
    updatePlanRow(doc, planId, 'budget', lineId, { planned: 600_000 }, asha, 5)
    addPlanRow(doc, planId, 'budget', { item: 'Later line', planned: 1 }, asha, 6)
    removePlanRow(doc, planId, 'values', valueId, asha, 7)
    const other = copyOf(doc)
    const before = readPlan(doc, planId)
    expect(before.budget).toHaveLength(2)

    expect(restoreArtifactToVersion(doc, planId, versionId, asha, 8)).toBe(true)
    const restored = readPlan(doc, planId)
    expect(restored.budget.map((l) => [l.item, l.planned])).toEqual([['Action research reviews', 500_000]])
    expect(restored.values.map((v) => v.name)).toEqual([...CCIN_VALUES])
    sync(doc, other)
    expect(readPlan(other, planId)).toEqual(restored)
    // The restored plan still takes edits.
    expect(updatePlanRow(other, planId, 'budget', lineId, { spent: 1 }, ben, 9)).toBe(true)
    expect(labPlanParts(other, planId)?.record.get(LAB_PLAN.budget)).toBeInstanceOf(Y.Map)
  })
})
