import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { describeFocus, tabTo } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { ASHA, createNoteThroughUi, openLab } from './support/editor-driver'
import { useTestBed } from './support/test-bed'

const bed = useTestBed()

/**
 * Issue 13's friction points "Sync is hard to find" and "a brand-new workspace greets you with
 * an amber warning", checked on a phone and on a desktop.
 */
const SCREENS = [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a desktop', width: 1280, height: 900 }
] as const

/** On a narrow screen the workspace's navigation folds behind Menu: open it first. */
const showNavigation = async (page: Page): Promise<void> => {
  const menu = page.getByRole('button', { name: 'Menu', exact: true })
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click()
}

const openLabAt = async (screen: (typeof SCREENS)[number]): Promise<Page> => {
  const page = await openLab(bed.browser, bed.server.url, ASHA)
  await page.setViewportSize({ width: screen.width, height: screen.height })
  return page
}

for (const screen of SCREENS) describe(`the Sync menu and the data-safety message on ${screen.name} (${screen.width} px)`, () => {
  it('finds sync by its name from the keyboard, with the status, file sync and connection settings behind it', async () => {
    const page = await openLabAt(screen)
    const button = page.getByRole('button', { name: /^Sync / })
    await button.waitFor()
    // The button says what it is, then how sync is.
    expect(await button.getAttribute('aria-haspopup')).toBe('dialog')
    // Its name reads across, on a phone too (it was squeezed into a column of single letters).
    const name = await button.getByText('Sync', { exact: true }).boundingBox()
    expect(name && name.width > name.height, `“Sync” is ${JSON.stringify(name)}`).toBe(true)
    await page.getByRole('heading', { level: 1 }).focus()
    // The toolbar comes before the page's heading: back from there.
    await tabTo(page, /^Sync/, 60, 'Shift+Tab')
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Sync' })
    await dialog.waitFor()
    // Read from its top: focus starts at its title, not at "Export changes" halfway down.
    expect(await describeFocus(page)).toMatchObject({ tag: 'h2', name: 'Sync', visible: true })
    await dialog.getByRole('heading', { name: 'Connection' }).waitFor()
    await dialog.getByRole('button', { name: 'Export changes' }).waitFor()
    await dialog.getByText('Import changes').waitFor()
    await dialog.locator('summary', { hasText: 'Connection settings' }).click()
    await dialog.getByRole('radio', { name: 'Peer-to-peer only (no relay)' }).waitFor()
    await expectNoAxeViolations(page, `Sync menu with connection settings on ${screen.name}`)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect((await describeFocus(page)).name).toMatch(/^Sync/)
    await page.context().close()
  })

  it('is calm about a brand-new workspace with nothing in it, and firm once real work exists only here', async () => {
    const page = await openLabAt(screen)
    const safety = page.getByRole('region', { name: 'Keeping this work safe' })
    const calm = safety.getByRole('status').filter({ hasText: 'only on this device so far' })
    await calm.waitFor()
    expect(await calm.getAttribute('class')).toContain('alert-neutral')
    expect(await safety.getByRole('alert').count()).toBe(0)
    await expectNoAxeViolations(page, `overview of a new workspace on ${screen.name}`)

    await showNavigation(page)
    await createNoteThroughUi(page, 'Site visit', 'Visit to the food hub')
    await showNavigation(page)
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Overview' }).click()
    const firm = safety.getByRole('alert').filter({ hasText: 'may hold the only copy of recent work' })
    await firm.waitFor()
    expect(await firm.getAttribute('class')).toContain('alert-warning')
    await expectNoAxeViolations(page, `overview with work only on this device on ${screen.name}`)
    await page.context().close()
  })
})
