// Moving around one workspace the way a person does: through the sidebar's navigation.
import type { Locator, Page } from 'playwright-core'

export const workspaceNav = (page: Page): Locator => page.getByRole('navigation', { name: 'Workspace' })

/** Opens a page of the workspace from its sidebar (a note, a report, a board, the partner map, Overview). */
export const openFromSidebar = async (page: Page, name: string | RegExp, heading: string | RegExp = name): Promise<void> => {
  await workspaceNav(page).getByRole('link', { name }).first().click()
  await page.getByRole('heading', { level: 1, name: heading }).waitFor()
}

export const versionsRegion = (page: Page): Locator => page.getByRole('region', { name: 'Versions' })

/** Saves a named version from the overview's Versions region. */
export const saveVersion = async (page: Page, name: string): Promise<void> => {
  const versions = versionsRegion(page)
  await versions.getByLabel('Name this version').fill(name)
  await versions.getByRole('button', { name: 'Save version' }).click()
  await versions.getByRole('status').filter({ hasText: `Saved version “${name}”.` }).waitFor()
}

export const commentsRegion = (page: Page): Locator => page.getByRole('region', { name: /^Comments/ })
