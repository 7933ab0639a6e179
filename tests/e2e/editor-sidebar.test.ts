import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createArtifact } from '../../src/crdt/artifacts'
import { makeWorkspaceDoc } from '../../src/crdt/workspace-doc'
import { initialiseWorkspace } from '../../src/crdt/workspace-meta'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../src/domain/ids'
import { encodeWorkspaceFile } from '../../src/storage/workspace-file'
import { collectPageErrors } from './support/app-driver'
import { openFreshPage, useTestBed } from './support/test-bed'
import { expectNoAxeViolations } from './support/axe'
import { caretAtEndOf, createNoteThroughUi, createReportThroughUi, noteText, openLab, reportText } from './support/editor-driver'

const bed = useTestBed()

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Workspace' })
const listed = (page: Page, group: string) => sidebar(page).getByRole('region', { name: group }).getByRole('link')

describe('the artifacts sidebar', () => {
  it('renames, tags, filters, moves to the bin and restores, keeping the content', async () => {
    const page = await openLab(bed.browser, bed.server.url)
    const errors = collectPageErrors(page)
    await createNoteThroughUi(page, 'Site visit', 'Visit to the food hub')
    await caretAtEndOf(noteText(page), 'Observations')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.type('Queues start at eight.')
    await createNoteThroughUi(page, 'Interview', 'Interview with a volunteer')
    await createReportThroughUi(page, 'Food lab report')

    // Each item shows who last edited it and when.
    const visit = sidebar(page).getByRole('listitem').filter({ hasText: 'Visit to the food hub' })
    expect(await visit.innerText()).toMatch(/Asha Patel · (now|\d+ seconds? ago)/)

    // Rename and tag through the item's dialog.
    await sidebar(page).getByRole('button', { name: 'Manage “Visit to the food hub”' }).click()
    const manage = page.getByRole('dialog', { name: 'Manage “Visit to the food hub”' })
    await expectNoAxeViolations(page, 'manage item dialog')
    await manage.getByLabel('Title').fill('Site visit: Failsworth food hub')
    await manage.getByLabel('Tags').fill('Food, housing')
    await manage.getByRole('button', { name: 'Save changes' }).click()
    await expect.poll(() => listed(page, 'Notes').allInnerTexts()).toContain('Site visit: Failsworth food hub')
    await sidebar(page).getByRole('button', { name: 'Manage “Food lab report”' }).click()
    await page.getByRole('dialog', { name: 'Manage “Food lab report”' }).getByLabel('Tags').fill('food')
    await page.getByRole('button', { name: 'Save changes' }).click()

    // Filter by title, by tag and by kind.
    const filters = sidebar(page).getByRole('search', { name: 'Filter items' })
    await filters.getByLabel('Filter by title or tag').fill('volunteer')
    await expect.poll(() => listed(page, 'Notes').allInnerTexts()).toEqual(['Interview with a volunteer'])
    expect(await listed(page, 'Reports').count()).toBe(0)
    expect(await sidebar(page).getByRole('region', { name: 'Reports' }).innerText()).toContain('No matches')
    await filters.getByLabel('Filter by title or tag').fill('housing') // matches a tag
    await expect.poll(() => listed(page, 'Notes').allInnerTexts()).toEqual(['Site visit: Failsworth food hub'])
    await filters.getByRole('button', { name: 'Clear filters' }).click()
    await filters.getByLabel('Tag', { exact: true }).selectOption('food')
    await expect.poll(() => listed(page, 'Notes').allInnerTexts()).toEqual(['Site visit: Failsworth food hub'])
    expect(await listed(page, 'Reports').allInnerTexts()).toEqual(['Food lab report'])
    await filters.getByLabel('Kind', { exact: true }).selectOption('report')
    await expect.poll(() => sidebar(page).getByRole('region', { name: 'Notes' }).count()).toBe(0)
    expect(await listed(page, 'Reports').allInnerTexts()).toEqual(['Food lab report'])
    await expectNoAxeViolations(page, 'filtered sidebar')
    await filters.getByRole('button', { name: 'Clear filters' }).click()

    // Move the open report to the bin: it leaves the list, the page goes to the overview.
    await sidebar(page).getByRole('button', { name: 'Manage “Food lab report”' }).click()
    await page.getByRole('button', { name: 'Move to bin' }).click()
    await page.getByRole('heading', { level: 1, name: 'Food lab' }).waitFor()
    await expect.poll(() => listed(page, 'Reports').count()).toBe(0)
    await sidebar(page).getByRole('button', { name: 'Manage “Site visit: Failsworth food hub”' }).click()
    await page.getByRole('button', { name: 'Move to bin' }).click()
    const bin = sidebar(page).getByRole('region', { name: 'Bin' })
    await bin.getByRole('heading', { name: 'Bin (2)' }).waitFor()
    await bin.getByRole('button', { name: 'Show bin' }).click()
    expect(await bin.getByRole('link').allInnerTexts()).toEqual(['Site visit: Failsworth food hub', 'Food lab report'])
    await expectNoAxeViolations(page, 'sidebar with the bin open')

    // An item in the bin can be read, and restored from there or from the bin list.
    await bin.getByRole('link', { name: 'Site visit: Failsworth food hub' }).click()
    await page.getByRole('alert').filter({ hasText: 'This is in the bin' }).waitFor()
    expect(await noteText(page).getAttribute('aria-readonly')).toBe('true')
    expect(await noteText(page).innerText()).toContain('Queues start at eight.')
    await page.getByRole('alert').getByRole('button', { name: 'Restore' }).click()
    await expect.poll(() => listed(page, 'Notes').allInnerTexts()).toContain('Site visit: Failsworth food hub')
    await noteText(page).and(page.locator(':not([aria-readonly])')).waitFor()
    expect(await noteText(page).innerText()).toContain('Queues start at eight.')
    await bin.getByRole('button', { name: 'Restore “Food lab report”' }).click()
    await expect.poll(() => listed(page, 'Reports').allInnerTexts()).toEqual(['Food lab report'])
    await bin.getByRole('heading', { name: 'Bin (0)' }).waitFor()
    await listed(page, 'Reports').first().click()
    await reportText(page).getByRole('heading', { name: 'Summary' }).waitFor()
    expect(errors).toEqual([])
  })

  it('lists the most recent 25 of a long list, shows all on request, and still finds and marks any item', async () => {
    // A lab two years in: 40 notes, written one a day, arriving as a workspace file.
    const id = makeWorkspaceId()
    const doc = makeWorkspaceDoc(id)
    const asha = { name: 'Asha Patel', organisation: 'Oldham Council' }
    initialiseWorkspace(doc, { name: 'Long running lab', description: '', leadCouncil: 'Oldham Council', partnerCouncils: [], startDate: '' }, asha, 1_000)
    for (let day = 1; day <= 40; day++) createArtifact(doc, { kind: 'note', title: `Field note ${day}` }, asha, day * 86_400_000)
    const file = join(mkdtempSync(join(tmpdir(), 'mutual-e2e-')), 'long-running-lab.mutual')
    writeFileSync(file, encodeWorkspaceFile({ format: 1, workspaceId: id, secret: makeWorkspaceSecret(), name: 'Long running lab', exportedAt: 50 * 86_400_000 }, doc))

    const { page, errors } = await openFreshPage(bed, asha)
    await page.getByLabel('Import a workspace file').setInputFiles(file)
    await page.getByRole('heading', { level: 1, name: 'Long running lab' }).waitFor()
    const notes = sidebar(page).getByRole('region', { name: /^Notes \(/ })
    await sidebar(page).getByRole('region', { name: 'Notes (40)' }).waitFor()
    expect(await notes.getByRole('link').count()).toBe(25)
    expect(await notes.getByRole('link').first().innerText()).toBe('Field note 40')
    const more = notes.getByRole('button', { name: 'Show all 40 notes' })
    expect(await more.getAttribute('aria-expanded')).toBe('false')
    await expectNoAxeViolations(page, 'sidebar with a long list')

    await more.click()
    expect(await notes.getByRole('link').count()).toBe(40)
    const fewer = notes.getByRole('button', { name: 'Show the 25 most recent notes' })
    expect(await fewer.getAttribute('aria-expanded')).toBe('true')

    // The oldest note, opened, stays listed (and marked as the page) when the list is shortened.
    await notes.getByRole('link', { name: 'Field note 1', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Field note 1' }).waitFor()
    await fewer.click()
    expect(await notes.getByRole('link').count()).toBe(26)
    expect(await notes.getByRole('link', { name: 'Field note 1', exact: true }).getAttribute('aria-current')).toBe('page')

    // Filtering searches the whole list, not only what is shown.
    await sidebar(page).getByRole('search', { name: 'Filter items' }).getByLabel('Filter by title or tag').fill('note 3')
    await sidebar(page).getByRole('region', { name: 'Notes (11)' }).waitFor()
    expect(await notes.getByRole('link').allInnerTexts()).toEqual(expect.arrayContaining(['Field note 3', 'Field note 30', 'Field note 39']))
    expect(await notes.getByRole('button', { name: /Show/ }).count()).toBe(0)
    expect(errors).toEqual([])
  })
})
