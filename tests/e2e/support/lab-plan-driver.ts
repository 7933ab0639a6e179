import { writeFileSync } from 'node:fs'
import type { Locator, Page } from 'playwright-core'

/** Imports a workspace file (written to `path` first) from the start page, until the workspace is open. */
export const importWorkspaceFile = async (page: Page, path: string, file: Uint8Array): Promise<void> => {
  writeFileSync(path, file)
  await page.getByLabel('Import a workspace file').setInputFiles(path)
  await page.locator('[data-workspace-ready]').waitFor({ timeout: 120_000 })
}

/** Opens a workspace's plan by its address, as a link to it would, until its heading shows. */
export const openPlanAt = async (page: Page, workspaceId: string, planId: string): Promise<Locator> => {
  await page.evaluate((hash) => (location.hash = hash), `#/w/${workspaceId}/a/${planId}`)
  const heading = page.getByRole('heading', { level: 1, name: 'Lab plan' })
  await heading.waitFor()
  return heading
}

/** The lab plan's form with the given heading ("Add a budget line", "Change “Info-video”"). */
export const planForm = (page: Page, heading: string): Locator => page.getByRole('form', { name: heading, exact: true })

/** Fills a plan form's fields by label (text, date or select) and submits it with its button. */
export const fillPlanForm = async (form: Locator, fields: Record<string, string>, submit: string): Promise<void> => {
  for (const [label, value] of Object.entries(fields)) {
    const field = form.getByLabel(label, { exact: true })
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption({ label: value })
    else await field.fill(value)
  }
  await form.getByRole('button', { name: submit, exact: true }).click()
}

/** The budget table's rows as [item, category, council, planned, committed, spent]. */
export const budgetRows = (page: Page): Promise<string[][]> =>
  page
    .getByRole('table', { name: /^Budget lines/ })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].slice(0, 6).map((cell) => (cell.textContent ?? '').trim())))

export const budgetTotal = (page: Page, which: 'planned' | 'committed' | 'spent'): Promise<string> =>
  page.locator(`[data-total="${which}"]`).innerText()
