/**
 * Issue 14: the lab plan is restored to a named version like the partner map: from its
 * History, after asking, as a new change (what was there is kept as a version first).
 */
import { describe, expect, it } from 'vitest'
import { openFreshPage, useTestBed } from './support/test-bed'
import { expectNoAxeViolations } from './support/axe'
import { createWorkspaceThroughUi } from './support/app-driver'
import { budgetRows, budgetTotal, fillPlanForm, planForm } from './support/lab-plan-driver'

const bed = useTestBed()
const asha = { name: 'Asha Patel', organisation: 'Oldham Council', colour: 'Blue' }

describe('restoring the lab plan', () => {
  it('brings the budget back as it was at a named version', async () => {
    const { page, errors } = await openFreshPage(bed, asha)
    await createWorkspaceThroughUi(page, { name: 'Food justice lab', leadCouncil: 'Preston City Council', partnerCouncils: [] })
    await page.getByRole('button', { name: 'Start the lab plan' }).click()
    await page.getByRole('heading', { level: 1, name: 'Lab plan' }).waitFor()
    await fillPlanForm(planForm(page, 'Add a budget line'), { Item: 'Report production', 'Planned (£)': '500' }, 'Add budget line')
    await expect.poll(() => budgetTotal(page, 'planned')).toBe('£500.00')

    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Overview' }).click()
    const versions = page.getByRole('region', { name: 'Versions' })
    await versions.getByLabel('Name this version').fill('Budget agreed')
    await versions.getByRole('button', { name: 'Save version' }).click()
    await versions.getByRole('status').filter({ hasText: 'Saved version “Budget agreed”.' }).waitFor()

    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Lab plan' }).click()
    await page.getByRole('button', { name: 'Change Report production' }).click()
    await fillPlanForm(planForm(page, 'Change “Report production”'), { 'Planned (£)': '900' }, 'Save budget line')
    await fillPlanForm(planForm(page, 'Add a budget line'), { Item: 'Late extra', 'Planned (£)': '50' }, 'Add budget line')
    await expect.poll(() => budgetTotal(page, 'planned')).toBe('£950.00')

    await page.getByRole('link', { name: 'History', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'History of “Lab plan”' }).waitFor()
    await expectNoAxeViolations(page, 'the lab plan’s history')
    await page.getByRole('button', { name: 'Restore Budget agreed', exact: true }).click()
    const confirm = page.getByRole('dialog', { name: 'Restore “Lab plan” to “Budget agreed”?' })
    await confirm.getByRole('button', { name: 'Restore this version' }).click()
    await page.getByRole('status').filter({ hasText: 'Restored “Lab plan” to “Budget agreed”' }).waitFor()

    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Lab plan' }).click()
    await expect.poll(() => budgetRows(page)).toEqual([['Report production', 'Other', '', '£500.00', '£0.00', '£0.00']])

    // Contributions by council, read from the same history.
    await page.getByRole('button', { name: 'List contributions' }).click()
    const contributions = page.getByRole('region', { name: 'Contributions by council' })
    await contributions.getByRole('heading', { level: 3, name: 'Oldham Council' }).waitFor()
    await expect(contributions.getByRole('listitem').filter({ hasText: /^Asha Patel:/ }).innerText()).resolves.toContain('Lab plan: Lab plan')
    await expectNoAxeViolations(page, 'the lab plan with contributions listed')
    expect(errors).toEqual([])
  })
})
