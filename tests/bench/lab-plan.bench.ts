/**
 * Issue 14's benchmark, the data layer's share: a lab plan of 40 outcomes, 120 measures and
 * 300 budget lines (seeded, MUTUAL_BENCH_SEED), built through src/crdt. It prints how long
 * reading the whole plan takes (what the page's projection does on opening it; target for the
 * whole open ≤ 300 ms) and how long one budget cell edit takes from the write to new totals
 * (write, re-read, totals; target for edit-to-repaint ≤ 50 ms). Painting is not included:
 * these are floors for the in-browser figures, which lab-plan-browser.bench.ts measures.
 */
import { it } from 'vitest'
import { makeWorkspaceDoc } from '../../src/crdt/workspace-doc'
import { createLabPlan } from '../../src/crdt/lab-plan'
import { addPlanRow, updatePlanRow } from '../../src/crdt/lab-plan-rows'
import { readLabPlan } from '../../src/crdt/lab-plan-read'
import { BUDGET_CATEGORIES, budgetPosition } from '../../src/domain/lab-plan/budget'
import { makeWorkspaceId } from '../../src/domain/ids'
import type { PlanRowId } from '../../src/domain/lab-plan/plan-ids'
import { makeRandom } from '../fuzz/seeded-random'
import { againstTarget, reportFigures, summarise } from './support/report'

const SEED = Number(process.env.MUTUAL_BENCH_SEED ?? 14)
const RUNS = Number(process.env.MUTUAL_BENCH_RUNS ?? 30)
const actor = { name: 'Bench', organisation: 'Oldham Council' }

it('lab plan: read the plan, and a budget edit to new totals', () => {
  const random = makeRandom(SEED)
  const doc = makeWorkspaceDoc(makeWorkspaceId())
  const planId = createLabPlan(doc, { title: 'Lab plan' }, actor, 1)
  const lines: PlanRowId[] = []
  for (let i = 0; i < 40; i++) {
    const outcomeId = addPlanRow(doc, planId, 'outcomes', { title: `Outcome ${i}`, description: 'x'.repeat(random.int(400)) }, actor, 10 + i) as PlanRowId
    for (let m = 0; m < 3; m++) addPlanRow(doc, planId, 'measures', { outcomeId, what: `Measure ${i}.${m}`, baseline: '0', target: String(random.int(100)) }, actor, 100 + i * 3 + m)
  }
  for (let i = 0; i < 300; i++) {
    lines.push(
      addPlanRow(doc, planId, 'budget', { item: `Line ${i}`, category: random.pick(BUDGET_CATEGORIES), planned: random.int(100_000), spent: random.int(50_000) }, actor, 1000 + i) as PlanRowId
    )
  }
  const read: number[] = []
  const edit: number[] = []
  for (let run = 0; run < RUNS; run++) {
    let start = performance.now()
    const plan = readLabPlan(doc, planId)
    read.push(performance.now() - start)
    if (!plan || plan.budget.length !== 300 || plan.outcomes.length !== 40) throw new Error('the plan did not read back whole')
    start = performance.now()
    updatePlanRow(doc, planId, 'budget', random.pick(lines), { spent: random.int(50_000) }, actor, 5000 + run)
    const after = readLabPlan(doc, planId)
    if (!after) throw new Error('plan missing')
    budgetPosition(after.budget, 1_000_000)
    edit.push(performance.now() - start)
  }
  const readSummary = summarise(read)
  const editSummary = summarise(edit)
  reportFigures('lab-plan', {
    seed: SEED,
    runs: RUNS,
    plan: { outcomes: 40, measures: 120, budgetLines: 300 },
    readPlan: { ...readSummary, ...againstTarget(readSummary.medianMs, 300, 'ms') },
    budgetEditToTotals: { ...editSummary, ...againstTarget(editSummary.medianMs, 50, 'ms') },
    note: 'Data layer only (read, write, totals); lab-plan-browser measures the open and the repaint in Chromium.'
  })
})
