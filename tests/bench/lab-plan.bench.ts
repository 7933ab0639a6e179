/**
 * Issue 14's benchmark, the data layer's share: a lab plan of 40 outcomes, 120 measures and
 * 300 budget lines (seeded, MUTUAL_BENCH_SEED), built through src/crdt. It prints how long
 * reading the whole plan takes (what the page's projection does on opening it; target for the
 * whole open ≤ 300 ms) and how long one budget cell edit takes from the write to new totals in
 * the page's live plan (write, patching the one changed line, totals; target for
 * edit-to-repaint ≤ 50 ms), beside re-reading the whole plan as it did before. Painting is not included:
 * these are floors for the in-browser figures, which lab-plan-browser.bench.ts measures.
 */
import type * as Y from 'yjs'
import { it } from 'vitest'
import { makeWorkspaceDoc } from '../../src/crdt/workspace-doc'
import { createLabPlan, labPlanParts } from '../../src/crdt/lab-plan'
import { addPlanRow, updatePlanRow } from '../../src/crdt/lab-plan-rows'
import { makeLabPlanReader, readLabPlan } from '../../src/crdt/lab-plan-read'
import { changedPlanParts } from '../../src/crdt/lab-plan-changes'
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
  const editReread: number[] = []
  // The page's live plan keeps a reader and, on each change, re-reads the changed part,
  // parsing again only the rows the change's events name (src/reactive/lab-plan.ts).
  const parts = labPlanParts(doc, planId)
  if (!parts) throw new Error('plan missing')
  const reader = makeLabPlanReader(parts)
  reader.part('budget')
  const changes: Y.YEvent<any>[][] = []
  parts.record.observeDeep((events) => changes.push(events))
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now()
    updatePlanRow(doc, planId, 'budget', random.pick(lines), { spent: random.int(50_000) }, actor, 4000 + run)
    const changed = changedPlanParts(parts, changes.pop() ?? [], reader.forget)
    if (changed === 'all' || !changed.has('budget')) throw new Error('a budget edit did not read as a budget change')
    budgetPosition(reader.part('budget').value, 1_000_000)
    edit.push(performance.now() - start)
  }
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
    editReread.push(performance.now() - start)
  }
  const readSummary = summarise(read)
  const editSummary = summarise(edit)
  const editRereadSummary = summarise(editReread)
  reportFigures('lab-plan', {
    seed: SEED,
    runs: RUNS,
    plan: { outcomes: 40, measures: 120, budgetLines: 300 },
    readPlan: { ...readSummary, ...againstTarget(readSummary.medianMs, 300, 'ms') },
    budgetEditToTotals: { what: 'as the page\'s live plan does: the write, reading which rows changed, re-reading the budget with only the changed line parsed again, totals (not the store update or painting)', ...editSummary, ...againstTarget(editSummary.medianMs, 50, 'ms') },
    budgetEditRereadingWholePlan: { what: 'for comparison: re-reading the whole plan on each edit, as the page did before', ...editRereadSummary },
    note: 'Data layer only (read, write, totals); lab-plan-browser measures the open and the repaint in Chromium.'
  })
})
