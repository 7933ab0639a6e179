import { describe, expect, it } from 'vitest'
import { openFreshPage, useTestBed } from './support/test-bed'
import { expectNoAxeViolations } from './support/axe'
import { goToWorkspaceList, readOverviewDetails, setUpProfile } from './support/app-driver'
import { databaseNames, workspaceDbName, workspaceIdOf } from './support/indexeddb-probes'

const bed = useTestBed()

const asha = { name: 'Asha Patel', organisation: 'Oldham Council', colour: 'Blue' }

describe('creating and opening a workspace', () => {
  it('creates a lab with every detail, lists it with its last edit, and shows it all on the overview', async () => {
    const { page, errors } = await openFreshPage(bed, asha)
    await page.getByText('No workspaces on this device yet.').waitFor()
    // Storage health: how much is used of what the browser allows, and whether it may be cleared.
    const storage = page.getByRole('region', { name: 'Storage on this device' })
    await storage.getByText(/^Mutual is using [\d.]+ (bytes|KB|MB|GB) of the [\d.]+ (KB|MB|GB|TB) this browser allows\.$/).waitFor()
    expect(await storage.innerText()).toMatch(/Storage is persistent|Storage is not persistent|does not say whether/)
    await expectNoAxeViolations(page, 'workspace list, empty')

    await page.getByRole('link', { name: 'New workspace' }).click()
    await page.getByRole('heading', { level: 1, name: 'New policy lab workspace' }).waitFor()
    await expectNoAxeViolations(page, 'new workspace form')

    // Nothing filled in: the problems are listed, announced and marked on each field.
    await page.getByRole('button', { name: 'Create workspace' }).click()
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' })
    await summary.waitFor()
    expect(await summary.innerText()).toContain('Give the lab a name')
    expect(await summary.innerText()).toContain('Name the lead council')
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await page.getByLabel('Lab name').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByLabel('Lead council').getAttribute('aria-invalid')).toBe('true')
    await expectNoAxeViolations(page, 'new workspace form with errors')

    // The lead council field suggests known CCIN members.
    const listId = await page.getByLabel('Lead council').getAttribute('list')
    expect(await page.locator(`datalist#${listId} option[value="Oldham Council"]`).count()).toBe(1)

    await page.getByLabel('Lab name').fill('Community wealth lab')
    await page.getByLabel('Lead council').fill('Oldham Council')
    await page.getByLabel('Partner councils').fill('Preston City Council\nWirral Council, Kirklees Council\n\nwirral council')
    await page.getByLabel('Short description').fill('How councils keep public spending in the local economy.')
    await page.getByLabel('Start date').fill('2026-04-01')
    await page.getByRole('button', { name: 'Create workspace' }).click()

    await page.getByRole('heading', { level: 1, name: 'Community wealth lab' }).waitFor()
    const id = workspaceIdOf(page)
    expect(await databaseNames(page)).toContain(workspaceDbName(id))
    expect(await page.title()).toBe('Community wealth lab — Mutual')
    await page.getByText('How councils keep public spending in the local economy.').waitFor()
    const details = await readOverviewDetails(page)
    expect(details).toMatchObject({
      'Lead council': 'Oldham Council',
      'Start date': '1 April 2026'
    })
    expect(details.Created).toMatch(/by Asha Patel \(Oldham Council\)$/)
    const partners = await page.locator('dl.overview-details ul li').allInnerTexts()
    expect(partners).toEqual(['Preston City Council', 'Wirral Council', 'Kirklees Council'])
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Overview' }).waitFor()
    await page.getByRole('region', { name: 'People in this workspace' }).getByText('Asha Patel').waitFor()
    await expectNoAxeViolations(page, 'workspace overview')

    await goToWorkspaceList(page)
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Community wealth lab' }) })
    await card.waitFor()
    const edited = card.locator('time')
    expect(await card.innerText()).toMatch(/Last edited (now|\d+ seconds? ago)/)
    const stamp = Date.parse((await edited.getAttribute('datetime')) ?? '')
    expect(Math.abs(Date.now() - stamp)).toBeLessThan(5 * 60_000)
    await expectNoAxeViolations(page, 'workspace list with items')

    await card.getByRole('link', { name: 'Community wealth lab' }).click()
    await page.getByRole('heading', { level: 1, name: 'Community wealth lab' }).waitFor()
    expect(workspaceIdOf(page)).toBe(id)
    expect(errors).toEqual([])
  })

  it('edits the details from the overview, and the edit is kept', async () => {
    const { page, errors } = await openFreshPage(bed, asha)
    await page.getByRole('link', { name: 'New workspace' }).click()
    await page.getByLabel('Lab name').fill('Food justice lab')
    await page.getByLabel('Lead council').fill('Preston City Council')
    await page.getByRole('button', { name: 'Create workspace' }).click()
    await page.getByRole('heading', { level: 1, name: 'Food justice lab' }).waitFor()
    await page.getByText('No description yet.').waitFor()
    expect(await readOverviewDetails(page)).toMatchObject({ 'Partner councils': 'None listed', 'Start date': 'Not set' })

    await page.getByRole('button', { name: 'Edit details' }).click()
    await page.getByRole('heading', { level: 2, name: 'Edit details' }).waitFor()
    expect(await page.getByLabel('Lab name').inputValue()).toBe('Food justice lab')
    expect(await page.getByLabel('Lead council').inputValue()).toBe('Preston City Council')
    await expectNoAxeViolations(page, 'edit details form')

    await page.getByLabel('Lab name').fill('')
    await page.getByRole('button', { name: 'Save details' }).click()
    await page.getByRole('alert').filter({ hasText: 'Give the lab a name' }).waitFor()
    await expectNoAxeViolations(page, 'edit details form with errors')

    await page.getByLabel('Lab name').fill('Food justice and growing lab')
    await page.getByLabel('Partner councils').fill('Sheffield City Council, Leeds City Council')
    await page.getByLabel('Short description').fill('Community growing on council land.')
    await page.getByLabel('Start date').fill('2026-09-15')
    await page.getByRole('button', { name: 'Save details' }).click()
    await page.getByRole('status').filter({ hasText: 'Details saved' }).waitFor()
    await page.getByRole('heading', { level: 1, name: 'Food justice and growing lab' }).waitFor()
    // Keyboard users are put back on the button they started from.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Edit details')

    const expected = {
      'Lead council': 'Preston City Council',
      'Partner councils': 'Sheffield City Council Leeds City Council',
      'Start date': '15 September 2026'
    }
    expect(await readOverviewDetails(page)).toMatchObject(expected)
    expect(await page.title()).toBe('Food justice and growing lab — Mutual')

    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Food justice and growing lab' }).waitFor()
    await page.getByText('Community growing on council land.').waitFor()
    expect(await readOverviewDetails(page)).toMatchObject(expected)
    await goToWorkspaceList(page)
    await page.getByRole('link', { name: 'Food justice and growing lab' }).waitFor()
    expect(errors).toEqual([])
  })

  it('says so when the browser declines to keep Mutual’s data', async () => {
    const context = await bed.browser.newContext()
    // A browser that says no, as Chromium does for a site a person has not bookmarked or installed.
    await context.addInitScript(() => {
      Object.defineProperty(navigator.storage, 'persist', { value: async () => false })
      Object.defineProperty(navigator.storage, 'persisted', { value: async () => false })
    })
    const page = await context.newPage()
    await page.goto(bed.server.url)
    await setUpProfile(page, asha)
    const panel = page.getByRole('region', { name: 'Storage on this device' })
    await panel.getByRole('button', { name: 'Ask the browser to keep Mutual’s data' }).click()
    await panel.getByRole('status').filter({ hasText: 'The browser did not agree this time.' }).waitFor()
    await expectNoAxeViolations(page, 'the storage panel after the browser declined')
    await context.close()
  })

  it('explains addresses that lead nowhere', async () => {
    const { page, errors } = await openFreshPage(bed, asha)
    await page.goto(`${bed.server.url}#/nowhere`)
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor()
    await expectNoAxeViolations(page, 'page not found')
    await page.getByRole('link', { name: 'Go to your workspaces' }).click()
    await page.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor()

    for (const id of ['0123456789abcdef0123456789abcdef', 'not-a-workspace-id']) {
      await page.goto(`${bed.server.url}#/w/${id}`)
      await page.getByRole('heading', { level: 1, name: 'Workspace not found' }).waitFor()
    }
    await expectNoAxeViolations(page, 'workspace not found')
    // Looking for a workspace never creates one.
    expect((await databaseNames(page)).filter((n) => n.startsWith('mutual-workspace-'))).toEqual([])
    expect(errors).toEqual([])
  })
})
