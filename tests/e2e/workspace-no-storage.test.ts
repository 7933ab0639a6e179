import { describe, expect, it } from 'vitest'
import { useTestBed } from './support/test-bed'
import { expectNoAxeViolations } from './support/axe'
import { createWorkspaceThroughUi, goToWorkspaceList, readOverviewDetails, setUpProfile } from './support/app-driver'

const bed = useTestBed()

describe('a browser that offers no IndexedDB (some private modes)', () => {
  it('says nothing will be kept, and still works for as long as the tab is open', async () => {
    const context = await bed.browser.newContext()
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true })
    })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(bed.server.url)

    const warning = page.getByRole('alert').filter({ hasText: 'Nothing will be saved on this device' })
    await warning.waitFor()
    expect(await warning.innerText()).toContain('nothing you make will be kept after you close this tab')
    await expectNoAxeViolations(page, 'first run with no storage')

    await setUpProfile(page, { name: 'Asha Patel', organisation: 'Oldham Council' })
    await createWorkspaceThroughUi(page, {
      name: 'Private lab',
      leadCouncil: 'Oldham Council',
      description: 'Only in this tab.'
    })
    await page.getByRole('alert').filter({ hasText: 'Not saving on this device' }).waitFor()
    expect(await readOverviewDetails(page)).toMatchObject({ 'Lead council': 'Oldham Council' })
    await page.getByText('Only in this tab.').waitFor()
    await expectNoAxeViolations(page, 'workspace with no storage')

    await goToWorkspaceList(page)
    await page.getByRole('button', { name: 'Rename Private lab' }).click()
    await page.getByRole('dialog').getByLabel('New name').fill('Private lab, renamed')
    await page.getByRole('dialog').getByRole('button', { name: 'Save name' }).click()
    await page.getByRole('link', { name: 'Private lab, renamed' }).click()
    await page.getByRole('heading', { level: 1, name: 'Private lab, renamed' }).waitFor()
    await page.getByText('Only in this tab.').waitFor()

    // As the warning said: closing (here, reloading) the tab loses it.
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Welcome to Mutual' }).waitFor()
    expect(errors).toEqual([])
  })
})
