import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { launchPersistentBrowser } from './support/chromium'
import { startAppServer, type AppServer } from './support/app-server'
import {
  collectPageErrors,
  createWorkspaceThroughUi,
  goToWorkspaceList,
  readOverviewDetails,
  setUpProfile
} from './support/app-driver'
import { workspaceIdOf } from './support/indexeddb-probes'

let server: AppServer
let profileDir: string

beforeAll(async () => {
  server = await startAppServer()
  profileDir = mkdtempSync(join(tmpdir(), 'mutual-restart-'))
})

afterAll(async () => {
  await server?.close()
  if (profileDir) rmSync(profileDir, { recursive: true, force: true })
})

/** The list as names with their exact "last edited" times (the words change as time passes). */
const listedWorkspaces = (page: Page) =>
  page
    .getByRole('list', { name: 'Workspaces on this device' })
    .getByRole('listitem')
    .evaluateAll((items) =>
      items.map((li) => [li.querySelector('h2')?.textContent, li.querySelector('time')?.getAttribute('datetime')])
    )

const firstPage = async (context: BrowserContext): Promise<Page> => context.pages()[0] ?? (await context.newPage())

/** Everything a person can see of a workspace's overview. */
const overviewOf = async (page: Page, id: string) => {
  await page.goto(`${server.url}#/w/${id}`)
  await page.locator('[data-workspace-ready="true"]').waitFor()
  return {
    heading: await page.getByRole('heading', { level: 1 }).innerText(),
    description: await page.locator('.overview-description, .overview .muted').first().innerText(),
    details: await readOverviewDetails(page),
    people: await page.getByRole('region', { name: 'People in this workspace' }).innerText()
  }
}

describe('closing the browser and opening it again', () => {
  it('finds the profile, every workspace and every detail exactly as they were', async () => {
    let context = await launchPersistentBrowser(profileDir)
    let page = await firstPage(context)
    let errors = collectPageErrors(page)
    await page.goto(server.url)
    await setUpProfile(page, { name: 'Asha Patel', organisation: 'Oldham Council', colour: 'Amber' })
    await createWorkspaceThroughUi(page, {
      name: 'Community wealth lab',
      leadCouncil: 'Oldham Council',
      partnerCouncils: ['Preston City Council', 'Wirral Council'],
      description: 'Keeping public spending local.',
      startDate: '2026-04-01'
    })
    const wealth = workspaceIdOf(page)
    // One more edit just before closing: the last change must survive too.
    await page.getByRole('button', { name: 'Edit details' }).click()
    await page.getByLabel('Short description').fill('Keeping public spending in the local economy.')
    await page.getByRole('button', { name: 'Save details' }).click()
    await page.getByRole('status').filter({ hasText: 'Details saved' }).waitFor()
    await goToWorkspaceList(page)
    await createWorkspaceThroughUi(page, { name: 'Energy lab', leadCouncil: 'Kirklees Council' })
    const energy = workspaceIdOf(page)

    const before = { wealth: await overviewOf(page, wealth), energy: await overviewOf(page, energy) }
    await goToWorkspaceList(page)
    const listBefore = await listedWorkspaces(page)
    expect(listBefore.map(([name]) => name)).toEqual(['Energy lab', 'Community wealth lab'])
    expect(errors).toEqual([])
    await context.close()

    context = await launchPersistentBrowser(profileDir)
    page = await firstPage(context)
    errors = collectPageErrors(page)
    await page.goto(server.url)
    await page.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor()
    await page.getByRole('link', { name: 'Your profile: Asha Patel' }).waitFor()
    expect(await page.locator('.profile-chip .avatar').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(180, 83, 9)'
    )
    await page.getByRole('link', { name: 'Energy lab' }).waitFor()
    expect(await listedWorkspaces(page)).toEqual(listBefore)

    const after = { wealth: await overviewOf(page, wealth), energy: await overviewOf(page, energy) }
    expect(after).toEqual(before)
    expect(after.wealth.description).toBe('Keeping public spending in the local economy.')
    expect(after.wealth.details).toMatchObject({
      'Lead council': 'Oldham Council',
      'Partner councils': 'Preston City Council Wirral Council',
      'Start date': '1 April 2026'
    })
    await page.getByRole('link', { name: 'Your profile: Asha Patel' }).click()
    expect(await page.getByLabel('Council or organisation').inputValue()).toBe('Oldham Council')
    expect(await page.getByRole('radio', { name: 'Amber' }).isChecked()).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })
})
