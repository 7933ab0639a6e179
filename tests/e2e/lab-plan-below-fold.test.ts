/**
 * Issue 14, opening a plan: the parts below the fold (milestones, values, working group,
 * contributions) and the forms for adding rows are drawn when the browser is idle or on a
 * person's first act, so the top shows sooner. The page heading takes focus as the plan opens; that is the page announcing itself,
 * not a person's act, and must not draw them at once (it did, costing a large plan's opening a
 * quarter of its time). Here the browser is never idle (requestIdleCallback never calls back, as
 * on a device kept busy), so what draws them is a person's key press alone.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { addPlanRow } from '../../src/crdt/lab-plan-rows'
import { expectNoAxeViolations } from './support/axe'
import { importWorkspaceFile, openPlanAt, planForm } from './support/lab-plan-driver'
import { planWorkspaceFile } from './support/plan-workspace-file'
import { openFreshPage, useTestBed } from './support/test-bed'

const bed = useTestBed()
const dir = mkdtempSync(join(tmpdir(), 'mutual-plan-below-fold-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const planFile = () =>
  planWorkspaceFile('Busy device lab', (doc, planId, actor, next) => {
    addPlanRow(doc, planId, 'outcomes', { title: 'Residents shape support' }, actor, next())
  })

/** A browser that is never idle: idle callbacks are accepted and never called. */
const neverIdle = (): void => {
  window.requestIdleCallback = () => 0
  window.cancelIdleCallback = () => undefined
}

describe('opening a lab plan', () => {
  it('draws the parts below the fold and the Add forms on a person’s first key press, not when the heading takes focus', async () => {
    const { page, errors } = await openFreshPage(bed, { name: 'Asha Patel', organisation: 'Oldham Council' })
    const plan = planFile()
    await importWorkspaceFile(page, join(dir, 'plan.mutual'), plan.file)
    await page.addInitScript(neverIdle)
    await page.reload()
    await page.locator('[data-workspace-ready]').waitFor({ timeout: 120_000 })

    const heading = await openPlanAt(page, plan.id, plan.planId)
    await expect.poll(() => heading.evaluate((h) => h === document.activeElement)).toBe(true)
    await page.getByRole('heading', { level: 2, name: 'Outcomes and measures' }).waitFor()
    const milestones = page.getByRole('heading', { level: 2, name: 'Milestones and deliverables' })
    expect(await milestones.count()).toBe(0)
    const addOutcome = planForm(page, 'Add an outcome')
    expect(await addOutcome.count()).toBe(0)

    await page.keyboard.press('Tab')
    await milestones.waitFor()
    await addOutcome.waitFor()
    // A part drawn for a person's act comes with its form at once, ready for the next key.
    expect(await planForm(page, 'Add a milestone').count()).toBe(1)
    await page.getByRole('heading', { level: 2, name: 'Working group' }).waitFor()
    await expectNoAxeViolations(page, 'a lab plan with every part drawn')
    expect(errors).toEqual([])
  })
})
