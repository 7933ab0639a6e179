import { describe, expect, it } from 'vitest'
import { createMemo, createRoot } from 'solid-js'
import { addPlanRow, updatePlanRow } from '../../../src/crdt/lab-plan-rows'
import { budgetPosition, budgetTotals } from '../../../src/domain/lab-plan/budget'
import type { PlanRowId } from '../../../src/domain/lab-plan/plan-ids'
import { createLabPlanState, createPlainBudgetLines } from '../../../src/reactive/lab-plan'
import { removePlanRow } from '../../../src/crdt/lab-plan-rows'
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

  it('gives the budget lines as plain records for sums, following every change as the live plan does', () => {
    const { doc, planId } = newPlan()
    createRoot((dispose) => {
      const state = createLabPlanState(doc, planId)
      const totals = createMemo(() => budgetTotals(createPlainBudgetLines(doc, planId)()))
      expect(totals()).toEqual({ planned: 0, committed: 0, spent: 0 })
      const first = addPlanRow(doc, planId, 'budget', { item: 'Info-video', planned: 400_000 }, asha, 3) as PlanRowId
      const second = addPlanRow(doc, planId, 'budget', { item: 'Report production', planned: 50_000 }, asha, 4) as PlanRowId
      expect(totals()).toEqual({ planned: 450_000, committed: 0, spent: 0 })

      const peer = copyOf(doc)
      updatePlanRow(peer, planId, 'budget', first, { spent: 150_000 }, ben, 5)
      sync(doc, peer)
      expect(totals()).toEqual({ planned: 450_000, committed: 0, spent: 150_000 })
      removePlanRow(doc, planId, 'budget', second, asha, 6)
      expect(totals()).toEqual({ planned: 400_000, committed: 0, spent: 150_000 })
      // The same figures as the live plan's lines, read field by field.
      expect(totals()).toEqual(budgetTotals(state()?.budget ?? []))
      expect(createPlainBudgetLines(doc, planId)().map((line) => line.item)).toEqual(['Info-video'])
      dispose()
    })
  })
})
