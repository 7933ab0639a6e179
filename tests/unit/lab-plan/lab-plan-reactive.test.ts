import { describe, expect, it } from 'vitest'
import { createRoot } from 'solid-js'
import { addPlanRow, updatePlanRow } from '../../../src/crdt/lab-plan-rows'
import { budgetPosition } from '../../../src/domain/lab-plan/budget'
import type { PlanRowId } from '../../../src/domain/lab-plan/plan-ids'
import { createLabPlanState } from '../../../src/reactive/lab-plan'
import { asha, ben, copyOf, newPlan, sync } from './support'

describe('the lab plan, live', () => {
  it('follows local and remote changes to its rows, and the totals with them', () => {
    const { doc, planId } = newPlan()
    createRoot((dispose) => {
      const state = createLabPlanState(doc, planId)
      expect(state()?.budget).toEqual([])
      const line = addPlanRow(doc, planId, 'budget', { item: 'Info-video', planned: 400_000 }, asha, 3) as PlanRowId
      expect(state()?.budget.map((l) => l.item)).toEqual(['Info-video'])

      const peer = copyOf(doc)
      updatePlanRow(peer, planId, 'budget', line, { spent: 150_000 }, ben, 4)
      addPlanRow(peer, planId, 'budget', { item: 'Report production', planned: 50_000 }, ben, 5)
      sync(doc, peer)
      const plan = state()
      if (!plan) throw new Error('no plan')
      expect(budgetPosition(plan.budget, 1_000_000)).toMatchObject({ totals: { planned: 450_000, spent: 150_000 }, remaining: 550_000 })
      dispose()
    })
  })
})
