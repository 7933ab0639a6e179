import { describe, expect, it } from 'vitest'
import { describeFocus, tabTo } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { ASHA, createNoteThroughUi, openLab } from './support/editor-driver'
import { useTestBed } from './support/test-bed'

const bed = useTestBed()

describe('the Sync menu and the data-safety message', () => {
  it('finds sync by its name from the keyboard, with the status, file sync and connection settings behind it', async () => {
    const page = await openLab(bed.browser, bed.server.url, ASHA)
    const button = page.getByRole('button', { name: /^Sync / })
    await button.waitFor()
    // The button says what it is, then how sync is.
    expect(await button.getAttribute('aria-haspopup')).toBe('dialog')
    await page.getByRole('heading', { level: 1 }).focus()
    // The toolbar comes before the page's heading: back from there.
    await tabTo(page, /^Sync/, 60, 'Shift+Tab')
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Sync' })
    await dialog.waitFor()
    await dialog.getByRole('heading', { name: 'Connection' }).waitFor()
    await dialog.getByRole('button', { name: 'Export changes' }).waitFor()
    await dialog.getByText('Import changes').waitFor()
    await dialog.locator('summary', { hasText: 'Connection settings' }).click()
    await dialog.getByRole('radio', { name: 'Peer-to-peer only (no relay)' }).waitFor()
    await expectNoAxeViolations(page, 'Sync menu with connection settings')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect((await describeFocus(page)).name).toMatch(/^Sync/)
  })

  it('is calm about a brand-new workspace with nothing in it, and firm once real work exists only here', async () => {
    const page = await openLab(bed.browser, bed.server.url, ASHA)
    const safety = page.getByRole('region', { name: 'Keeping this work safe' })
    const calm = safety.getByRole('status').filter({ hasText: 'only on this device so far' })
    await calm.waitFor()
    expect(await calm.getAttribute('class')).toContain('alert-neutral')
    expect(await safety.getByRole('alert').count()).toBe(0)
    await expectNoAxeViolations(page, 'overview of a new workspace')

    await createNoteThroughUi(page, 'Site visit', 'Visit to the food hub')
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Overview' }).click()
    const firm = safety.getByRole('alert').filter({ hasText: 'may hold the only copy of recent work' })
    await firm.waitFor()
    expect(await firm.getAttribute('class')).toContain('alert-warning')
    await expectNoAxeViolations(page, 'overview with work only on this device')
  })
})
