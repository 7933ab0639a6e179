import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi, describeFocus, tabTo } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { noteText } from './support/editor-driver'
import { openFreshPage, useTestBed } from './support/test-bed'

/**
 * Issue 13: on a phone the page was all sidebar, and a note made on a site visit opened below
 * the filter, every list and the bin. On a narrow screen the content comes first and the
 * navigation folds behind a Menu button (a disclosure); a wide screen keeps the sidebar.
 */
const bed = useTestBed()

const SCREENS = [
  { name: 'a phone', width: 390, height: 844, folded: true },
  { name: 'a tablet', width: 768, height: 1024, folded: true },
  { name: 'a desktop', width: 1280, height: 900, folded: false }
] as const

const focusedName = async (page: Page): Promise<string> => (await describeFocus(page)).name

/** The element's box lies wholly within the window, as it is now. */
const inFirstScreen = (page: Page, name: string) =>
  page.getByRole('heading', { level: 1, name, exact: true }).evaluate((el) => {
    const box = el.getBoundingClientRect()
    return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0
  })

describe('the workspace on small and large screens', () => {
  for (const screen of SCREENS) {
    it(`on ${screen.name} (${screen.width} px), opens a new site-visit note on its editor, with the navigation a key away`, async () => {
      const { page, errors } = await openFreshPage(bed, { name: 'Asha Patel', organisation: 'Oldham Council' })
      await page.setViewportSize({ width: screen.width, height: screen.height })
      await createWorkspaceThroughUi(page, { name: 'Warm spaces lab', leadCouncil: 'Oldham Council' })
      const navigation = page.getByRole('navigation', { name: 'Workspace' })
      const menu = page.getByRole('button', { name: 'Menu', exact: true })

      if (screen.folded) {
        await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false')
        await expect(navigation.isVisible()).resolves.toBe(false)
        // The overview, the page's content, is on the first screen.
        await expect(inFirstScreen(page, 'Warm spaces lab')).resolves.toBe(true)
        await expectNoAxeViolations(page, `the overview on ${screen.name}, menu closed`)

        // Keyboard: Tab to Menu, Enter opens it and focus moves into it; Escape closes it and
        // focus is back on the button.
        await page.getByRole('heading', { level: 1, name: 'Warm spaces lab' }).focus()
        await tabTo(page, 'Menu', 40, 'Shift+Tab')
        await page.keyboard.press('Enter')
        await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true')
        await navigation.waitFor()
        await expect.poll(() => focusedName(page)).toBe('Overview')
        const controlled = await menu.getAttribute('aria-controls')
        await expect(page.locator(`[id="${controlled}"]`).getByRole('navigation', { name: 'Workspace' }).count()).resolves.toBe(1)
        await expectNoAxeViolations(page, `the navigation open on ${screen.name}`)
        await page.keyboard.press('Escape')
        await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false')
        await expect.poll(() => focusedName(page)).toBe('Menu')
        await expect(navigation.isVisible()).resolves.toBe(false)

        // Open again and make a site-visit note from it, by keyboard.
        await page.keyboard.press('Enter')
        await tabTo(page, 'New note', 40)
        await page.keyboard.press('Enter')
      } else {
        await expect(menu.isVisible()).resolves.toBe(false)
        await expect(navigation.isVisible()).resolves.toBe(true)
        await page.getByRole('heading', { level: 1, name: 'Warm spaces lab' }).focus()
        await tabTo(page, 'New note', 60, 'Shift+Tab')
        await page.keyboard.press('Enter')
      }
      const dialog = page.getByRole('dialog', { name: 'New note' })
      await dialog.waitFor()
      await dialog.getByRole('radio', { name: 'Site visit', exact: true }).check()
      await dialog.getByLabel('Title').fill('Visit to Failsworth library')
      await dialog.getByRole('button', { name: 'Create note' }).click()
      await noteText(page).waitFor()

      // The new note is what the first screen shows: its heading, with no scrolling.
      await expect.poll(() => inFirstScreen(page, 'Visit to Failsworth library')).toBe(true)
      await expect(page.evaluate(() => window.scrollY)).resolves.toBe(0)
      if (screen.folded) {
        await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false')
        await expect(navigation.isVisible()).resolves.toBe(false)
        // Focus is on the content, not left in the folded menu.
        await expect.poll(() => focusedName(page)).toBe('Visit to Failsworth library')

        // Choosing a page in the menu closes it and moves focus to that page.
        await menu.click()
        await navigation.getByRole('link', { name: 'Overview' }).click()
        await page.getByRole('heading', { level: 1, name: 'Warm spaces lab' }).waitFor()
        await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false')
        await expect.poll(() => focusedName(page)).toBe('Warm spaces lab')
      }
      await expectNoAxeViolations(page, `a new note on ${screen.name}`)
      expect(errors).toEqual([])
      await page.context().close()
    })
  }
})
