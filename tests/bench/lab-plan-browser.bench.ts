/**
 * Issue 14's benchmark in the browser: a lab plan of 40 outcomes, 120 measures and 300 budget
 * lines (seeded, MUTUAL_BENCH_SEED), built through src/crdt and imported into the built app
 * in Chromium as a workspace file, as a person's would be. Figures, beside their targets:
 *   - open the plan: from opening it (hash change, from the workspace overview of a freshly
 *     loaded page; includes loading the plan's code) to every outcome and budget line and the
 *     totals painted, main thread free (target ≤ 300 ms);
 *   - edit a budget cell: from pressing "Save budget line" with a new Spent amount to the
 *     totals row showing the new total, painted, main thread free (target ≤ 50 ms).
 * MUTUAL_BENCH_RUNS sets the number of page loads (default 5); each load makes 5 edits.
 */
import { cpus } from 'node:os'
import { expect, it } from 'vitest'
import { createLabPlan } from '../../src/crdt/lab-plan'
import { addPlanRow, updateProposal } from '../../src/crdt/lab-plan-rows'
import { readLabPlan } from '../../src/crdt/lab-plan-read'
import { BUDGET_CATEGORIES, budgetTotals } from '../../src/domain/lab-plan/budget'
import { formatPence, penceToInput } from '../../src/domain/money'
import { encodeWorkspaceFile } from '../../src/storage/workspace-file'
import { installProbe, measure } from './support/dom-measure'
import { importBenchWorkspace, seededLab } from './support/imported-workspace'
import { againstTarget, reportFigures, summarise } from './support/report'
import { benchSeed, makeSeededRandom, withSeededRandomBytes } from './seed/random'

const RUNS = Number(process.env.MUTUAL_BENCH_RUNS ?? 5)
const EDITS_PER_RUN = 5
const SIZE = { outcomes: 40, measures: 120, budgetLines: 300 } as const
const TARGETS = { openMs: 300, budgetEditMs: 50 }

/** A lab with a plan of the benchmark's size, built as people would, through src/crdt. */
const makePlanWorkspace = (seed: number) => {
  const random = makeSeededRandom(seed)
  return withSeededRandomBytes(random, () => {
    const { id, secret, doc, actor, tick, now } = seededLab(random, 'Warm homes lab')
    const planId = createLabPlan(doc, { title: 'Lab plan' }, actor, tick())
    updateProposal(doc, planId, { memberAuthority: 'Oldham Council', fundingAsked: 1_000_000, startDate: '2026-02-01' }, actor, tick())
    for (let o = 0; o < SIZE.outcomes; o++) {
      const outcomeId = addPlanRow(doc, planId, 'outcomes', { title: `Outcome ${o + 1}: residents shape support in area ${o + 1}`, description: 'Designed with residents. '.repeat(random.int(8)) }, actor, tick())
      if (!outcomeId) throw new Error('outcome not added')
      for (let m = 0; m < SIZE.measures / SIZE.outcomes; m++)
        addPlanRow(doc, planId, 'measures', { outcomeId, what: `Measure ${o + 1}.${m + 1}`, how: 'Interviews and surveys', baseline: '0', target: `${random.between(10, 90)} responses` }, actor, tick())
    }
    for (let b = 0; b < SIZE.budgetLines; b++)
      addPlanRow(doc, planId, 'budget', { item: `Line ${b + 1}`, category: random.pick(BUDGET_CATEGORIES), council: 'Oldham Council', planned: random.int(300_000), spent: random.int(100_000) }, actor, tick())
    const plan = readLabPlan(doc, planId)
    if (plan?.budget.length !== SIZE.budgetLines || plan.outcomes.length !== SIZE.outcomes || plan.outcomes.flatMap((o) => o.measures).length !== SIZE.measures)
      throw new Error(`The bench plan (seed ${seed}) is not as specified`)
    const file = encodeWorkspaceFile({ format: 1, workspaceId: id, secret, name: 'Warm homes lab', exportedAt: now() }, doc)
    return { id, planId, file, budget: plan.budget }
  })
}

it('issue 14: lab plan of 40 outcomes, 120 measures and 300 budget lines: open, and a budget edit to new totals', async () => {
  const seed = benchSeed()
  const workspace = makePlanWorkspace(seed)
  const imported = await importBenchWorkspace(workspace.file, 'lab-plan')
  const { server, browser, context, errors } = imported
  try {

    const planUrl = `#/w/${workspace.id}/a/${workspace.planId}`
    const spent = workspace.budget.map((line) => line.spent)
    const totalText = (which: string) => `document.querySelector('[data-total="${which}"]')?.textContent`
    const opened = `return document.querySelectorAll('.plan-outcome').length === ${SIZE.outcomes}
      && document.querySelector('[data-total]')?.closest('table')?.querySelectorAll('tbody tr').length === ${SIZE.budgetLines}
      && ${totalText('planned')} === ${JSON.stringify(formatPence(budgetTotals(workspace.budget).planned))}`
    const open: number[] = []
    const edit: number[] = []
    for (let run = 0; run < RUNS; run++) {
      const tab = await context.newPage()
      tab.on('pageerror', (e) => errors.push(e.message))
      await tab.addInitScript(installProbe)
      await tab.goto(`${server.url}#/w/${workspace.id}`)
      await tab.locator('[data-workspace-ready]').waitFor()
      open.push(await measure(tab, 'open', { start: `location.hash = ${JSON.stringify(planUrl)}`, done: opened }))
      for (let e = 0; e < EDITS_PER_RUN; e++) {
        const index = (run * EDITS_PER_RUN + e * 37) % SIZE.budgetLines
        const line = workspace.budget[index]!
        spent[index] = (spent[index]! + 12_345) % 100_000
        const expected = formatPence(spent.reduce((sum, value) => sum + value, 0))
        // Opening the line's form and typing are the person's part; the clock runs from Save.
        await tab.getByRole('button', { name: `Change ${line.item}`, exact: true }).click()
        const form = tab.getByRole('form', { name: `Change “${line.item}”`, exact: true })
        await form.getByLabel('Spent (£)', { exact: true }).fill(penceToInput(spent[index]!))
        edit.push(
          await measure(tab, 'edit', {
            start: `[...document.querySelectorAll('form button[type=submit]')].find((b) => b.textContent.trim() === 'Save budget line').click()`,
            done: `return ${totalText('spent')} === ${JSON.stringify(expected)}`
          })
        )
      }
      await tab.close()
    }
    expect(errors).toEqual([])
    const openSummary = summarise(open)
    const editSummary = summarise(edit)
    reportFigures('lab-plan-browser', {
      issue: 14,
      seed,
      runs: RUNS,
      browser: `Chromium ${browser.version()}`,
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown' },
      plan: SIZE,
      openPlan: {
        what: 'from opening the plan (hash change, from the overview of a freshly loaded workspace; includes loading its code) to all 40 outcomes, 300 budget lines and the totals painted, main thread free',
        ...openSummary
      },
      budgetEditToTotals: {
        what: 'from pressing “Save budget line” with a new Spent amount to the totals row showing the new total, painted, main thread free',
        ...editSummary
      },
      targets: {
        openPlanMs: againstTarget(openSummary.medianMs, TARGETS.openMs, 'ms (median)'),
        budgetEditMs: againstTarget(editSummary.medianMs, TARGETS.budgetEditMs, 'ms (median)')
      }
    })
  } finally {
    await imported.close()
  }
})
