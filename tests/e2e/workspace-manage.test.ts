import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openFreshPage, useTestBed } from './support/test-bed'
import { expectNoAxeViolations } from './support/axe'
import { createWorkspaceThroughUi, goToWorkspaceList } from './support/app-driver'
import { databaseNames, workspaceDbName, workspaceIdOf } from './support/indexeddb-probes'

const bed = useTestBed()

/** A person with two labs on this device; resolves with the labs' ids. */
const withTwoLabs = async (): Promise<{ page: Page; errors: string[]; ids: Record<string, string> }> => {
  const { page, errors } = await openFreshPage(bed, { name: 'Asha Patel', organisation: 'Oldham Council' })
  const ids: Record<string, string> = {}
  for (const name of ['Housing lab', 'Energy lab']) {
    await createWorkspaceThroughUi(page, { name, leadCouncil: 'Oldham Council', description: `About the ${name}` })
    ids[name] = workspaceIdOf(page)
    await goToWorkspaceList(page)
  }
  return { page, errors, ids }
}

const listedNames = (page: Page): Promise<string[]> =>
  page.getByRole('list', { name: 'Workspaces on this device' }).getByRole('heading').allInnerTexts()

describe('managing workspaces from the list', () => {
  it('renames a workspace in a dialog; the new name is in the list and inside the workspace', async () => {
    const { page, errors, ids } = await withTwoLabs()
    await page.getByRole('button', { name: 'Rename Housing lab' }).click()
    const dialog = page.getByRole('dialog', { name: 'Rename “Housing lab”' })
    await dialog.waitFor()
    const field = dialog.getByLabel('New name')
    expect(await field.inputValue()).toBe('Housing lab')
    await expectNoAxeViolations(page, 'rename dialog')

    await field.fill('  ')
    await dialog.getByRole('button', { name: 'Save name' }).click()
    await dialog.getByText('Give the lab a name').waitFor()
    expect(await field.getAttribute('aria-invalid')).toBe('true')
    await expectNoAxeViolations(page, 'rename dialog with error')
    // Cancelled and opened again, it starts afresh: no error from last time beside a good name.
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('button', { name: 'Rename Housing lab' }).click()
    await dialog.waitFor()
    expect(await field.inputValue()).toBe('Housing lab')
    expect(await field.getAttribute('aria-invalid')).not.toBe('true')
    expect(await dialog.getByText('Give the lab a name').count()).toBe(0)

    await field.fill('Warm homes lab')
    await dialog.getByRole('button', { name: 'Save name' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('status').filter({ hasText: 'Renamed to “Warm homes lab”' }).waitFor()
    expect((await listedNames(page)).sort()).toEqual(['Energy lab', 'Warm homes lab'])

    await page.getByRole('link', { name: 'Warm homes lab' }).click()
    await page.getByRole('heading', { level: 1, name: 'Warm homes lab' }).waitFor()
    expect(workspaceIdOf(page)).toBe(ids['Housing lab'])
    await page.getByText('About the Housing lab').waitFor()

    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Warm homes lab' }).waitFor()
    await goToWorkspaceList(page)

    // Cancelling changes nothing.
    await page.getByRole('button', { name: 'Rename Energy lab' }).click()
    await page.getByRole('dialog', { name: 'Rename “Energy lab”' }).getByLabel('New name').fill('Not this')
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('dialog').waitFor({ state: 'hidden' })
    expect((await listedNames(page)).sort()).toEqual(['Energy lab', 'Warm homes lab'])
    expect(errors).toEqual([])
  })

  it('deletes only after a confirmation that names the workspace, and removes its database', async () => {
    const { page, errors, ids } = await withTwoLabs()
    const housingDb = workspaceDbName(ids['Housing lab'] ?? '')
    const energyDb = workspaceDbName(ids['Energy lab'] ?? '')
    expect(await databaseNames(page)).toEqual(expect.arrayContaining([housingDb, energyDb]))

    // Cancel leaves everything as it was.
    await page.getByRole('button', { name: 'Delete Housing lab' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete “Housing lab” from this device?' })
    await dialog.waitFor()
    expect(await dialog.innerText()).toContain('removes the workspace and everything in it from this browser')
    await expectNoAxeViolations(page, 'delete dialog')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect((await listedNames(page)).sort()).toEqual(['Energy lab', 'Housing lab'])
    expect(await databaseNames(page)).toContain(housingDb)

    await page.getByRole('button', { name: 'Delete Housing lab' }).click()
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Delete “Housing lab”' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('status').filter({ hasText: 'Deleted “Housing lab” from this device' }).waitFor()
    expect(await listedNames(page)).toEqual(['Energy lab'])
    const after = await databaseNames(page)
    expect(after).not.toContain(housingDb)
    expect(after).toContain(energyDb)

    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor()
    await page.getByRole('link', { name: 'Energy lab' }).waitFor()
    expect(await listedNames(page)).toEqual(['Energy lab'])
    expect(await databaseNames(page)).not.toContain(housingDb)
    await page.goto(`${bed.server.url}#/w/${ids['Housing lab']}`)
    await page.getByRole('heading', { level: 1, name: 'Workspace not found' }).waitFor()
    // Visiting the old address did not bring an empty database back.
    expect(await databaseNames(page)).not.toContain(housingDb)
    expect(errors).toEqual([])
  })
})
