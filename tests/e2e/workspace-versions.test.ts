import { describe, expect, it } from 'vitest'
import { openFreshPage, useTestBed } from './support/test-bed'
import { expectNoAxeViolations } from './support/axe'
import { createWorkspaceThroughUi, readOverviewDetails } from './support/app-driver'

const bed = useTestBed()

const asha = { name: 'Asha Patel', organisation: 'Oldham Council', colour: 'Blue' }
const LATEST_LISTED = 10

describe('versions of a workspace on its overview', () => {
  it('lists the latest versions, shows all on request, and restores the lab’s details after asking', async () => {
    const { page, errors } = await openFreshPage(bed, asha)
    await createWorkspaceThroughUi(page, { name: 'Food justice lab', leadCouncil: 'Preston City Council', partnerCouncils: [] })
    const versions = page.getByRole('region', { name: 'Versions' })
    const nameField = versions.getByLabel('Name this version')

    const saveVersion = async (name: string): Promise<void> => {
      await nameField.fill(name)
      await versions.getByRole('button', { name: 'Save version' }).click()
      await versions.getByRole('status').filter({ hasText: `Saved version “${name}”.` }).waitFor()
    }
    await saveVersion('Before the rename')

    await page.getByRole('button', { name: 'Edit details' }).click()
    await page.getByLabel('Lab name').fill('Food justice and growing lab')
    await page.getByRole('button', { name: 'Save details' }).click()
    await page.getByRole('heading', { level: 1, name: 'Food justice and growing lab' }).waitFor()
    for (let i = 1; i <= LATEST_LISTED; i++) await saveVersion(`Review ${i}`)

    // The newest are listed first; the oldest waits behind "Show all".
    const list = versions.getByRole('list', { name: 'Versions of this workspace' })
    expect(await list.getByRole('listitem').count()).toBe(LATEST_LISTED)
    expect(await list.getByText('Before the rename', { exact: true }).count()).toBe(0)
    // Eleven named here, plus the one the app keeps of each day's first edit.
    const showAll = versions.getByRole('button', { name: /^Show all \d+ versions$/ })
    const total = Number(/\d+/.exec((await showAll.textContent()) ?? '')?.[0])
    expect(total).toBeGreaterThanOrEqual(LATEST_LISTED + 1)
    expect(await showAll.getAttribute('aria-expanded')).toBe('false')
    await showAll.click()
    await list.getByText('Before the rename', { exact: true }).waitFor()
    expect(await list.getByRole('listitem').count()).toBe(total)
    const showLatest = versions.getByRole('button', { name: `Show the ${LATEST_LISTED} most recent versions` })
    expect(await showLatest.getAttribute('aria-expanded')).toBe('true')
    await expectNoAxeViolations(page, 'overview with every version listed')

    // Restoring asks first, and Cancel (focused first) changes nothing.
    const restore = list.getByRole('button', { name: 'Restore details from Before the rename' })
    await restore.click()
    const dialog = page.getByRole('dialog', { name: 'Restore the lab’s details to “Before the rename”?' })
    await dialog.waitFor()
    await dialog.getByText('This puts the lab’s details back as they were in “Before the rename”').waitFor()
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Cancel')
    await expectNoAxeViolations(page, 'restore details confirmation')
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('heading', { level: 1, name: 'Food justice and growing lab' }).waitFor()

    await restore.click()
    await dialog.getByRole('button', { name: 'Restore this version' }).click()
    const done = versions.getByRole('status').filter({ hasText: 'Restored the lab’s details from “Before the rename”.' })
    await done.waitFor()
    await page.getByRole('heading', { level: 1, name: 'Food justice lab' }).waitFor()
    expect(await readOverviewDetails(page)).toMatchObject({ 'Lead council': 'Preston City Council' })
    // Focus goes to the message, and what was there before is kept as a version to undo with.
    await expect.poll(() => done.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await versions.getByRole('list', { name: 'Versions of this workspace' }).getByRole('listitem').count()).toBe(total + 1)

    // It lasts: the restored details are what the device has stored.
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Food justice lab' }).waitFor()
    expect(errors).toEqual([])
  })
})
