import type { Locator, Page } from 'playwright-core'

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
