/**
 * Issue 14, a long plan: 30 budget lines and 12 outcomes, built through src/crdt and imported
 * as a workspace file. The plan lists the first 25 lines and 10 outcomes, says so, and its
 * totals count every line; "Show all" lists the rest, by keyboard, and a line that was not
 * listed at first can then be changed by keyboard, the totals following. axe is clean both ways.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { addPlanRow } from '../../src/crdt/lab-plan-rows'
import { formatPence } from '../../src/domain/money'
import { describeFocus, tabTo } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { budgetRows, importWorkspaceFile, openPlanAt, planForm } from './support/lab-plan-driver'
import { planWorkspaceFile } from './support/plan-workspace-file'
import { openFreshPage, useTestBed } from './support/test-bed'

const bed = useTestBed()
const dir = mkdtempSync(join(tmpdir(), 'mutual-long-plan-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const LINES = 30
const OUTCOMES = 12

/** A lab whose plan has LINES budget lines (line n plans £n,000.00 and spends £n.00) and OUTCOMES outcomes. */
const longPlanFile = () =>
  planWorkspaceFile('Long plan lab', (doc, planId, actor, next) => {
    for (let o = 1; o <= OUTCOMES; o++) addPlanRow(doc, planId, 'outcomes', { title: `Outcome ${o}` }, actor, next())
    for (let n = 1; n <= LINES; n++) addPlanRow(doc, planId, 'budget', { item: `Line ${n}`, planned: n * 100_000, spent: n * 100 }, actor, next())
  })

/** A total's text; textContent, as the budget may be off screen (its layout skipped) when read. */
const budgetTotal = async (page: Page, which: 'planned' | 'spent'): Promise<string> =>
  ((await page.locator(`[data-total="${which}"]`).textContent()) ?? '').trim()

const sumTo = (n: number): number => (n * (n + 1)) / 2

describe('a long lab plan', () => {
  it('lists its first lines and outcomes, totals every line, and shows the rest by keyboard', async () => {
    const { page, errors } = await openFreshPage(bed, { name: 'Asha Patel', organisation: 'Oldham Council' })
    const plan = longPlanFile()
    await importWorkspaceFile(page, join(dir, 'long-plan.mutual'), plan.file)
    await openPlanAt(page, plan.id, plan.planId)

    await page.getByText(`The first 25 of ${LINES} lines are listed. The totals count every line.`).waitFor()
    expect((await budgetRows(page)).map((row) => row[0])).toEqual(Array.from({ length: 25 }, (_, i) => `Line ${i + 1}`))
    expect(await budgetTotal(page, 'planned')).toBe(formatPence(sumTo(LINES) * 100_000))
    expect(await page.locator('#plan-outcome-list > li').count()).toBe(10)
    const showOutcomes = page.getByRole('button', { name: `Show all ${OUTCOMES} outcomes`, exact: true })
    expect(await showOutcomes.getAttribute('aria-expanded')).toBe('false')
    await expectNoAxeViolations(page, 'a long plan, its first lines and outcomes listed')

    // By keyboard: from the Budget heading to "Show all", past the 25 listed lines' buttons.
    await page.locator('#plan-budget').focus()
    await tabTo(page, `Show all ${LINES} budget lines`, 120)
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await budgetRows(page)).length).toBe(LINES)
    const toggle = page.getByRole('button', { name: 'Show the first 25 budget lines', exact: true })
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')

    // Focus goes on to the first line added; the last, not listed at first, is changed by
    // keyboard, and the totals follow.
    expect((await describeFocus(page)).name).toBe('Change Line 26')
    await tabTo(page, `Change Line ${LINES}`, 10)
    await page.keyboard.press('Enter')
    await tabTo(page, 'Spent (£)', 40)
    await page.keyboard.press('Control+A')
    await page.keyboard.type('1000.00')
    await tabTo(page, 'Save budget line', 20)
    await page.keyboard.press('Enter')
    await expect.poll(() => budgetTotal(page, 'spent')).toBe(formatPence(sumTo(LINES - 1) * 100 + 100_000))
    // Saved, the one form goes back to adding, its fields afresh, and focus is back on the line.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Change Line ${LINES}`)
    const addForm = planForm(page, 'Add a budget line')
    expect(await addForm.getByLabel('Item', { exact: true }).inputValue()).toBe('')
    expect(await addForm.getByLabel('Spent (£)', { exact: true }).inputValue()).toBe('0.00')
    expect(await addForm.getByRole('button', { name: 'Cancel' }).count()).toBe(0)

    await showOutcomes.click()
    expect(await page.locator('#plan-outcome-list > li').count()).toBe(OUTCOMES)
    await expectNoAxeViolations(page, 'a long plan, every line and outcome listed')
    expect(errors).toEqual([])
  })
})
