import { describe, expect, it } from 'vitest'
import { createArtifact, moveArtifactToBin } from '../../../src/crdt/artifacts'
import { addPlanRow, removePlanRow, setEvidenceLink, updatePlanRow } from '../../../src/crdt/lab-plan-rows'
import { readOutcomeCitation } from '../../../src/crdt/outcome-citation'
import { citationsAsText } from '../../../src/editor/citations-as-text'
import { citationText } from '../../../src/domain/lab-plan/outcome-citation'
import type { PlanRowId } from '../../../src/domain/lab-plan/plan-ids'
import { asha, newPlan } from './support'

const setUp = () => {
  const { doc, planId } = newPlan()
  const outcomeId = addPlanRow(doc, planId, 'outcomes', { title: 'Residents shape warm homes support', status: 'at-risk' }, asha, 3) as PlanRowId
  const measureId = addPlanRow(doc, planId, 'measures', { outcomeId, what: 'Interview feedback', target: '30 interviews', latestValue: '12 interviews', latestDate: '2027-01-10' }, asha, 4) as PlanRowId
  return { doc, planId, outcomeId, measureId }
}

describe('citing a lab plan outcome from a report', () => {
  it('reads the outcome, its measure and its evidence as they are now', () => {
    const { doc, planId, outcomeId, measureId } = setUp()
    const note = createArtifact(doc, { kind: 'note', title: 'Workshop 1' }, asha, 5)
    setEvidenceLink(doc, planId, 'outcomes', outcomeId, note, 'artifact', asha, 6)
    expect(citationText(readOutcomeCitation(doc, planId, outcomeId, measureId), 'en')).toBe(
      'Lab plan outcome: Residents shape warm homes support (At risk). Measured by Interview feedback, target 30 interviews, latest 12 interviews on 10 January 2027. Evidence: Note: Workshop 1'
    )
    expect(citationText(readOutcomeCitation(doc, planId, outcomeId, ''), 'en')).toBe('Lab plan outcome: Residents shape warm homes support (At risk). Evidence: Note: Workshop 1')

    updatePlanRow(doc, planId, 'outcomes', outcomeId, { title: 'Residents lead warm homes support', status: 'achieved' }, asha, 7)
    moveArtifactToBin(doc, note, asha, 8)
    expect(citationText(readOutcomeCitation(doc, planId, outcomeId, ''), 'en')).toBe('Lab plan outcome: Residents lead warm homes support (Achieved)')
  })

  it('writes the measure’s date as the interface writes dates, in English and Welsh, leaving the plan’s stored date as it was', () => {
    const { doc, planId, outcomeId, measureId } = setUp()
    const citation = readOutcomeCitation(doc, planId, outcomeId, measureId)
    expect(citationText(citation, 'en')).toContain('latest 12 interviews on 10 January 2027')
    expect(citationText(citation, 'cy')).toContain('latest 12 interviews on 10 Ionawr 2027')
    expect(citation).toMatchObject({ measure: { latestDate: '2027-01-10' } })
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'planCitation', attrs: { planId, outcomeId, measureId } }] }] }
    expect(citationsAsText(body, doc, 'cy').content?.[0]?.content?.[0]?.text).toContain('on 10 Ionawr 2027')
  })

  it('says when the measure or the outcome has been removed, or the reference is not a real one', () => {
    const { doc, planId, outcomeId, measureId } = setUp()
    removePlanRow(doc, planId, 'measures', measureId, asha, 5)
    expect(readOutcomeCitation(doc, planId, outcomeId, measureId)).toMatchObject({ kind: 'outcome', measure: 'removed' })
    expect(citationText(readOutcomeCitation(doc, planId, outcomeId, measureId), 'en')).toContain('The cited measure has been removed from the lab plan')
    removePlanRow(doc, planId, 'outcomes', outcomeId, asha, 6)
    expect(citationText(readOutcomeCitation(doc, planId, outcomeId, measureId), 'en')).toBe('Lab plan outcome: this outcome has been removed from the lab plan')
    expect(readOutcomeCitation(doc, 'not a plan', 'x', '')).toEqual({ kind: 'removed' })
    expect(readOutcomeCitation(doc, planId, 'f'.repeat(32), '')).toEqual({ kind: 'removed' })
  })

  it('exports carry the citation as the plan words it at the time of export', () => {
    const { doc, planId, outcomeId } = setUp()
    const body = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'We set out to: ' }, { type: 'planCitation', attrs: { planId, outcomeId, measureId: '' } }] }]
    }
    expect(citationsAsText(body, doc, 'en').content?.[0]?.content).toEqual([
      { type: 'text', text: 'We set out to: ' },
      { type: 'text', text: 'Lab plan outcome: Residents shape warm homes support (At risk)' }
    ])
  })
})
