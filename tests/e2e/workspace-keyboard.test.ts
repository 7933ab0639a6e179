import { describe, expect, it } from 'vitest'
import { openFreshPage, useTestBed } from './support/test-bed'
import { createWorkspaceThroughUi, describeFocus, tabTo } from './support/app-driver'
import { databaseNames, workspaceDbName, workspaceIdOf } from './support/indexeddb-probes'
import { afterFocusSettles } from './support/board-driver'

const bed = useTestBed()

describe('keyboard only', () => {
  it('sets up a profile, creates, renames and deletes a workspace with Tab, Enter, arrows and Escape', async () => {
    const { page, errors } = await openFreshPage(bed)
    const keys = page.keyboard

    // First run, the page the app loads on: the heading does not take focus, so the first Tab
    // reaches "Skip to main content", and the form is a few stops on.
    await page.getByRole('heading', { level: 1, name: 'Welcome to Mutual' }).waitFor()
    await afterFocusSettles(page)
    await keys.press('Tab')
    expect((await describeFocus(page)).name).toBe('Skip to main content')
    await tabTo(page, 'Your name')
    await keys.type('Dev Sharma')
    await tabTo(page, 'Council or organisation')
    await keys.type('Leeds City Council')
    await tabTo(page, 'Blue')
    await keys.press('ArrowRight')
    await keys.press('ArrowRight')
    expect((await describeFocus(page)).name).toBe('Green')
    await tabTo(page, 'Save and continue')
    await keys.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor()
    expect(await page.getByRole('radio', { name: 'Green' }).count()).toBe(0)

    // Create.
    await tabTo(page, 'New workspace')
    await keys.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'New policy lab workspace' }).waitFor()
    await tabTo(page, 'Lab name')
    await keys.type('Youth voice lab')
    await tabTo(page, 'Lead council')
    await keys.type('Leeds City Council')
    await tabTo(page, /^Partner councils/)
    await keys.type('Kirklees Council')
    await keys.press('Enter')
    await keys.type('Wakefield Council')
    await tabTo(page, 'Create workspace')
    await keys.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Youth voice lab' }).waitFor()
    const id = workspaceIdOf(page)
    expect(await page.locator('dl.overview-details ul li').allInnerTexts()).toEqual(['Kirklees Council', 'Wakefield Council'])

    // "Skip to main content" (first in the Tab order) moves focus and stays on this page: the
    // app's addresses are in the fragment too, so it must not follow its `#main` as an address.
    const overviewUrl = page.url()
    await tabTo(page, 'Skip to main content', 60, 'Shift+Tab')
    await keys.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('content')
    expect(page.url()).toBe(overviewUrl)
    await page.getByRole('heading', { level: 1, name: 'Youth voice lab' }).waitFor()

    // Back to the list through the header's home link: Shift+Tab from the main region.
    await tabTo(page, 'Mutual', 60, 'Shift+Tab')
    await keys.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor()
    // A person tabs through the page they see: the list, read from this device, is on it.
    // (Tabbing before it was there could reach the storage panel, whose "Ask the browser to
    // keep Mutual's data" button goes when the browser grants the request made on creating.)
    await page.getByRole('link', { name: 'Youth voice lab' }).waitFor()

    // Rename: the dialog opens on the name field with the old name selected.
    await tabTo(page, 'Rename Youth voice lab')
    await keys.press('Enter')
    await page.getByRole('dialog', { name: 'Rename “Youth voice lab”' }).waitFor()
    expect((await describeFocus(page)).name).toBe('New name')
    expect(await page.evaluate(() => window.getSelection()?.toString() || (document.activeElement as HTMLInputElement).selectionEnd)).toBeTruthy()
    await keys.type('Young people’s voice lab')
    await keys.press('Enter')
    await page.getByRole('dialog').waitFor({ state: 'hidden' })
    await page.getByRole('link', { name: 'Young people’s voice lab' }).waitFor()
    // Focus comes back to the same workspace's Rename button.
    expect(await describeFocus(page)).toMatchObject({ name: 'Rename Young people’s voice lab', visible: true })

    // Escape closes a dialog without doing anything, and focus returns to its button.
    await tabTo(page, 'Delete Young people’s voice lab')
    await keys.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Delete “Young people’s voice lab” from this device?' })
    await dialog.waitFor()
    // The safe choice has focus first.
    expect((await describeFocus(page)).name).toBe('Cancel')
    await keys.press('Enter')
    await dialog.waitFor({ state: 'hidden' })
    expect((await describeFocus(page)).name).toBe('Delete Young people’s voice lab')
    await keys.press('Enter')
    await dialog.waitFor()
    await keys.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    expect(await describeFocus(page)).toMatchObject({ name: 'Delete Young people’s voice lab', visible: true })
    expect(await databaseNames(page)).toContain(workspaceDbName(id))

    // Confirm with the keyboard: Shift+Tab from Cancel to the delete button, then Enter.
    await keys.press('Enter')
    await dialog.waitFor()
    await tabTo(page, 'Delete “Young people’s voice lab”', 3, 'Shift+Tab')
    await keys.press('Enter')
    await dialog.waitFor({ state: 'hidden' })
    await page.getByText('No workspaces on this device yet.').waitFor()
    expect(await databaseNames(page)).not.toContain(workspaceDbName(id))
    // The button that opened the dialog is gone: focus goes to the page heading, not nowhere.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Your workspaces')
    expect(errors).toEqual([])
  })

  it('reaches "Skip to main content" with the first Tab on a workspace page just loaded, and Enter goes to its content', async () => {
    const { page, errors } = await openFreshPage(bed, { name: 'Dev Sharma', organisation: 'Leeds City Council' })
    await createWorkspaceThroughUi(page, { name: 'Youth voice lab', leadCouncil: 'Leeds City Council' })
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Youth voice lab' }).waitFor()
    await page.locator('[data-workspace-ready]').waitFor()
    // The heading focused itself on the frame after it was drawn, before this fix.
    await afterFocusSettles(page)
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true)

    await page.keyboard.press('Tab')
    expect(await describeFocus(page)).toMatchObject({ name: 'Skip to main content', visible: true })
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('content')
    // The next Tab is in the page's content, past the header and the sidebar.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('#content') !== null)).toBe(true)

    // Going to another page still moves focus to its heading, so a screen reader announces it.
    await page.getByRole('link', { name: 'Mutual', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Your workspaces')
    expect(errors).toEqual([])
  })
})
