/**
 * Issue 5, the partner map on one device, through the UI: start the map, add partners with
 * contacts, offers and needs, relate them, sort and filter the table, open partners from the
 * graph (mouse and keyboard), match offers with needs, import a CSV with a bad row (reported,
 * then only the valid rows imported on confirmation), export CSV, SVG and PNG and read them
 * back, and move a partner to the bin and back. axe-core checks every screen and dialog on the way.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { readPartnerCsvFile } from '../../src/ui/features/partner-map/partner-csv-file'
import { createWorkspaceThroughUi } from './support/app-driver'
import { createNoteThroughUi } from './support/editor-driver'
import { expectNoAxeViolations } from './support/axe'
import {
  addContactThroughUi,
  addPartnerThroughUi,
  addRelationshipThroughUi,
  addResourceThroughUi,
  closeDialog,
  downloadFrom,
  fillPartnerDetails,
  graphNode,
  graphNodes,
  partnerDialog,
  tableNames
} from './support/partner-map-driver'
import { openFreshPage, useTestBed } from './support/test-bed'

const bed = useTestBed()
const dir = mkdtempSync(join(tmpdir(), 'mutual-partners-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let page: Page
let errors: string[]

const SHOTS = process.env.MUTUAL_SHOTS
/** With MUTUAL_SHOTS=<dir>, keeps screenshots to look at (of the page, or of one part). */
const shot = async (name: string, selector?: string): Promise<void> => {
  if (!SHOTS) return
  if (selector) await page.locator(selector).screenshot({ path: join(SHOTS, `${name}.png`) })
  else await page.screenshot({ path: join(SHOTS, `${name}.png`) })
}

const table = () => page.getByRole('table', { name: /^Partners/ })
const tab = (name: string) => page.getByRole('tab', { name })

describe('partner map (one device)', () => {
  it('starts the workspace’s partner map from the sidebar', async () => {
    ;({ page, errors } = await openFreshPage(bed, { name: 'Asha Patel', organisation: 'Oldham Council' }))
    await page.setViewportSize({ width: 1280, height: 900 })
    await createWorkspaceThroughUi(page, { name: 'Warm homes lab', leadCouncil: 'Oldham Council' })
    await page.getByRole('button', { name: 'Start the partner map' }).click()
    await page.getByRole('heading', { level: 1, name: 'Partner map' }).waitFor()
    await page.getByRole('heading', { name: 'No partners yet' }).waitFor()
    // One map per lab: once it exists the sidebar links to it instead of offering another.
    await expect(page.getByRole('button', { name: 'Start the partner map' }).count()).resolves.toBe(0)
    await expect(page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Partner map' }).count()).resolves.toBe(1)
    await expectNoAxeViolations(page, 'an empty partner map')
    await shot('01-empty')
  })

  it('checks the partner form and adds partners with contacts, offers, needs and relationships', async () => {
    await page.getByRole('button', { name: 'Add partner', exact: true }).click()
    const adding = partnerDialog(page, 'Add a partner')
    await adding.waitFor()
    await expectNoAxeViolations(page, 'the add partner dialog')
    await fillPartnerDetails(adding, { name: '', website: 'not a website' })
    await adding.getByRole('button', { name: 'Add partner', exact: true }).click()
    await adding.getByRole('alert').getByText('Enter the organisation’s name').waitFor()
    await adding.getByRole('alert').getByText('Enter a web address like www.example.org').waitFor()
    await expectNoAxeViolations(page, 'the add partner dialog with errors')
    await shot('02-add-errors')
    await adding.getByRole('button', { name: 'Cancel' }).click()
    await adding.waitFor({ state: 'hidden' })

    const oldham = await addPartnerThroughUi(page, {
      name: 'Oldham Council',
      type: 'Council',
      region: 'North of England',
      role: 'Lead',
      status: 'Committed',
      website: 'www.oldham.gov.uk'
    })
    await addContactThroughUi(oldham, { name: 'Imran Khan', jobTitle: 'Policy officer', email: 'imran.khan@oldham.gov.uk', phone: '0161 770 3000' })
    await addResourceThroughUi(oldham, 'offers', 'Venues', 'Civic centre meeting rooms')
    await expect(oldham.getByRole('link', { name: 'imran.khan@oldham.gov.uk' }).getAttribute('href')).resolves.toBe('mailto:imran.khan@oldham.gov.uk')
    await expectNoAxeViolations(page, 'a partner dialog with a contact')
    await shot('03-partner-dialog')
    await closeDialog(oldham)

    const age = await addPartnerThroughUi(page, { name: 'Age UK Oldham', type: 'VCSE organisation', region: 'north of england', role: 'Supporter', status: 'Interested' })
    await addResourceThroughUi(age, 'needs', 'Venues', 'A room for the lunch club')
    // Added the wrong way round, then turned round in its edit form.
    await addRelationshipThroughUi(age, { phrase: 'funds', other: 'Oldham Council', strength: 'Strong', note: 'Lunch club grant' })
    await age.getByText('Age UK Oldham funds').waitFor()
    const edit = age.getByRole('button', { name: 'Edit relationship with Oldham Council' })
    await edit.click()
    const editing = age.getByRole('form', { name: 'Edit relationship with Oldham Council' })
    await editing.getByLabel('How Age UK Oldham relates to Oldham Council').selectOption({ label: 'is funded by' })
    await expectNoAxeViolations(page, 'a relationship being edited')
    await shot('03b-relationship-edit')
    await editing.getByRole('button', { name: 'Save relationship' }).click()
    await age.getByText('Age UK Oldham is funded by').waitFor()
    await expect.poll(() => edit.evaluate((el) => el === document.activeElement)).toBe(true)
    await closeDialog(age)

    const cardiff = await addPartnerThroughUi(page, { name: 'Cardiff University', type: 'University', region: 'Wales & Midlands', role: 'Partner', status: 'Contacted' })
    await addRelationshipThroughUi(cardiff, { phrase: 'informs', other: 'Oldham Council' })
    await closeDialog(cardiff)

    await expect(tableNames(page)).resolves.toEqual(['Age UK Oldham', 'Cardiff University', 'Oldham Council'])
    // The relationship reads the right way round from the other side too.
    await page.getByRole('table', { name: /^Relationships/ }).getByRole('row').filter({ hasText: 'Lunch club grant' }).waitFor()
    const row = await page.getByRole('table', { name: /^Relationships/ }).getByRole('row').filter({ hasText: 'Lunch club grant' }).innerText()
    expect(row.replace(/\s+/g, ' ').trim()).toBe('Oldham Council funds Age UK Oldham Strong Lunch club grant')
  })

  it('sorts and filters the table from the keyboard and says what it shows', async () => {
    await table().getByRole('button', { name: 'Status' }).focus()
    await page.keyboard.press('Enter')
    await expect(table().getByRole('columnheader', { name: 'Status' }).getAttribute('aria-sort')).resolves.toBe('ascending')
    await expect(tableNames(page)).resolves.toEqual(['Cardiff University', 'Age UK Oldham', 'Oldham Council'])
    await page.keyboard.press('Enter')
    await expect(table().getByRole('columnheader', { name: 'Status' }).getAttribute('aria-sort')).resolves.toBe('descending')
    await expect(tableNames(page)).resolves.toEqual(['Oldham Council', 'Age UK Oldham', 'Cardiff University'])
    await table().getByRole('button', { name: 'Relationships' }).click()
    await expect(tableNames(page)).resolves.toEqual(['Age UK Oldham', 'Cardiff University', 'Oldham Council'])

    // Two spellings of one region are one choice.
    const filters = page.getByRole('group', { name: 'Filter partners' })
    await filters.getByLabel('Region').selectOption({ label: 'North of England (2)' })
    await expect.poll(() => tableNames(page)).toEqual(['Age UK Oldham', 'Oldham Council'])
    await page.getByRole('status').filter({ hasText: 'Showing 2 of 3 partners.' }).waitFor({ state: 'attached' })
    await filters.getByLabel('Type').selectOption({ label: 'Council' })
    await expect.poll(() => tableNames(page)).toEqual(['Oldham Council'])
    await expect(table().locator('caption').innerText()).resolves.toContain('showing 1 of 3')
    await expectNoAxeViolations(page, 'the filtered table')
    await shot('04-table-filtered')
    await filters.getByRole('button', { name: 'Clear filters' }).click()
    await expect.poll(() => tableNames(page)).toHaveLength(3)
    await filters.getByLabel('Search').fill('imran')
    await expect.poll(() => tableNames(page)).toEqual(['Oldham Council'])
    await filters.getByRole('button', { name: 'Clear filters' }).click()
  })

  it('draws the graph, opens a partner by click or keyboard, filters and colours it', async () => {
    await tab('Graph').click()
    await page.locator('[data-graph-settled]').waitFor()
    await expect(graphNodes(page).count()).resolves.toBe(3)
    await page.getByText('The graph shows 3 partners and 2 relationships. Most connected: Oldham Council (2)').waitFor()
    await expectNoAxeViolations(page, 'the graph view')
    await shot('05-graph', '.partner-graph')
    // Names are readable at the default zoom: at least 12 px on screen, whatever the graph's width.
    const labelPixels = () =>
      page.locator('.graph-label').evaluateAll((labels) =>
        labels.map((label) => {
          const scale = (label as SVGTextElement).getScreenCTM()?.a ?? 0
          return Number.parseFloat(getComputedStyle(label).fontSize) * scale
        })
      )
    await expect.poll(async () => (await labelPixels()).length).toBe(3)
    for (const size of await labelPixels()) expect(size).toBeGreaterThanOrEqual(12)

    await graphNode(page, 'Cardiff University').click()
    const cardiff = partnerDialog(page, 'Cardiff University')
    await cardiff.waitFor()
    await fillPartnerDetails(cardiff, { region: 'Wales' })
    await cardiff.getByRole('button', { name: 'Save details' }).click()
    await cardiff.getByText('Saved', { exact: true }).waitFor()
    await closeDialog(cardiff)
    await graphNode(page, 'Cardiff University').and(page.locator('[aria-label*="Wales,"]')).waitFor()

    // One tab stop: Tab reaches the partner last used, arrows move (by name, wrapping), Enter
    // opens, Tab leaves.
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))
    await page.getByRole('button', { name: 'Download PNG' }).focus()
    await page.keyboard.press('Tab')
    await expect(focused()).resolves.toMatch(/^Cardiff University:/)
    await page.keyboard.press('ArrowRight')
    await expect(focused()).resolves.toMatch(/^Oldham Council:/)
    await page.keyboard.press('ArrowRight')
    await expect(focused()).resolves.toMatch(/^Age UK Oldham:/)
    await page.keyboard.press('ArrowLeft')
    await expect(focused()).resolves.toMatch(/^Oldham Council:/)
    await page.keyboard.press('Enter')
    const oldham = partnerDialog(page, 'Oldham Council')
    await oldham.waitFor()
    await page.keyboard.press('Escape')
    await oldham.waitFor({ state: 'hidden' })
    await expect(focused()).resolves.toMatch(/^Oldham Council:/)
    await page.keyboard.press('Tab')
    await expect(page.evaluate(() => document.activeElement?.closest('svg') === null)).resolves.toBe(true)

    await page.getByRole('group', { name: 'Filter partners' }).getByLabel('Type').selectOption({ label: 'Council' })
    await expect.poll(() => graphNodes(page).count()).toBe(1)
    await page.getByText('The graph shows 1 partner and 0 relationships.').waitFor()
    await expect(page.locator('.graph-edge').evaluateAll((paths) => paths.map((p) => p.getAttribute('d')).join(''))).resolves.toBe('')
    await page.getByRole('group', { name: 'Filter partners' }).getByRole('button', { name: 'Clear filters' }).click()
    await expect.poll(() => graphNodes(page).count()).toBe(3)
    await page.getByLabel('Colour by').selectOption({ label: 'Region' })
    await page.getByRole('heading', { name: 'Colours show the region' }).waitFor()
    await expect(page.locator('.graph-legend li').allInnerTexts()).resolves.toEqual(['North of England (2)', 'Wales (1)'])
    await expectNoAxeViolations(page, 'the graph coloured by region')
    await shot('06-graph-region', '.partner-graph')
  })

  it('exports the graph as self-contained SVG and as PNG', async () => {
    const svg = await downloadFrom(page, () => page.getByRole('button', { name: 'Download SVG' }).click())
    expect(svg.name).toMatch(/^partner-map-\d{4}-\d{2}-\d{2}\.svg$/)
    const text = svg.bytes.toString('utf8')
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    for (const name of ['Oldham Council', 'Age UK Oldham', 'Cardiff University']) expect(text).toContain(`>${name}</text>`)
    // Self-contained: nothing fetched (no links, fonts, images or stylesheets).
    expect(text.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:|@font-face|@import|<image|href=/)
    // Two relationships: two line segments, both directed (funds, informs), so two arrowheads.
    const lines = [...text.matchAll(/<path d="([^"]*)" fill="none"/g)].map((m) => m[1]).join('')
    expect(lines.match(/M/g)?.length).toBe(2)
    expect(/<path d="([^"]*)" fill="#4b5563"/.exec(text)?.[1]?.match(/Z/g)?.length).toBe(2)
    const png = await downloadFrom(page, () => page.getByRole('button', { name: 'Download PNG' }).click())
    expect(png.name).toMatch(/\.png$/)
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(400)
    expect(png.bytes.readUInt32BE(20)).toBeGreaterThan(200)
  })

  it('pairs offers with needs', async () => {
    await tab('Offers and needs').click()
    const match = page.locator('.match').filter({ hasText: 'A room for the lunch club' })
    await match.waitFor()
    expect((await match.innerText()).replace(/\s+/g, ' ')).toContain('Oldham Council offers Civic centre meeting rooms (in common: room)')
    await expectNoAxeViolations(page, 'the offers and needs view')
    await shot('07-matches')
  })

  it('imports a CSV: reports the bad row by line, imports nothing until confirmed, then the valid rows', async () => {
    await tab('Table').click()
    await table().getByRole('button', { name: 'Organisation' }).click()
    const file = join(dir, 'partners.csv')
    writeFileSync(
      file,
      [
        'Organisation,Type,Region,Role,Status,Contact name,Contact email',
        'Leeds Community Foundation,VCSE organisation,North of England,Supporter,Contacted,Priya Shah,priya@leedscf.org.uk',
        'Moon Base,spaceship,,,,,',
        'Kirklees Council,Council,North of England,Partner,Interested,Tom Hughes,tom.hughes@kirklees.gov.uk',
        'Kirklees Council,,,,,Maya Iqbal,maya.iqbal@kirklees.gov.uk'
      ].join('\r\n')
    )
    await page.getByRole('button', { name: 'Import CSV' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import partners from a CSV file' })
    await dialog.waitFor()
    await expectNoAxeViolations(page, 'the CSV import dialog')
    await dialog.getByLabel('CSV file').setInputFiles(file)
    await dialog.getByRole('heading', { name: 'partners.csv: 3 rows can be imported, 1 row cannot' }).waitFor()
    await dialog.getByText('Line 3:').waitFor()
    expect(await dialog.locator('.csv-problems li').innerText()).toContain('Line 3: Type “spaceship” is not one of')
    await dialog.getByText('2 new partners').waitFor()
    await dialog.getByText('3 contacts to add').waitFor()
    await expectNoAxeViolations(page, 'the CSV import review')
    await shot('08-import-review')
    // Nothing has been imported yet.
    await expect(tableNames(page)).resolves.toHaveLength(3)
    await dialog.getByRole('button', { name: 'Import 3 valid rows' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => tableNames(page)).toEqual(['Age UK Oldham', 'Cardiff University', 'Kirklees Council', 'Leeds Community Foundation', 'Oldham Council'])
    await expect(table().getByRole('row', { name: /Kirklees Council/ }).getByRole('cell').nth(4).innerText()).resolves.toBe('2')
  })

  it('imports relationships from a CSV file between partners on the map, reporting the bad row', async () => {
    const file = join(dir, 'relationships.csv')
    writeFileSync(
      file,
      [
        'From,Relationship,To,Strength,Note',
        'Kirklees Council,Funds,Leeds Community Foundation,Strong,Match funding',
        'Age UK Oldham,is informed by,Kirklees Council,,',
        'Moon Base,Funds,Oldham Council,,'
      ].join('\r\n')
    )
    const relationships = page.getByRole('table', { name: /^Relationships/ })
    const before = await relationships.locator('tbody tr').count()
    await page.getByRole('button', { name: 'Import CSV' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import partners from a CSV file' })
    await dialog.getByLabel('CSV file').setInputFiles(file)
    await dialog.getByRole('heading', { name: 'relationships.csv: 2 relationships can be imported, 1 row cannot' }).waitFor()
    expect(await dialog.locator('.csv-problems li').innerText()).toContain('Line 4: No partner called “Moon Base” is on the map')
    await expectNoAxeViolations(page, 'the review of a relationships CSV')
    // Nothing has been imported yet.
    expect(await relationships.locator('tbody tr').count()).toBe(before)
    await dialog.getByRole('button', { name: 'Import 2 relationships' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => relationships.locator('tbody tr').count()).toBe(before + 2)
    const rows = await relationships.locator('tbody tr').allInnerTexts()
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual(
      expect.arrayContaining(['Kirklees Council funds Leeds Community Foundation Strong Match funding', 'Kirklees Council informs Age UK Oldham Medium'])
    )
  })

  it('exports partners as CSV that reads back to the same partners and contacts', async () => {
    const csv = await downloadFrom(page, () => page.getByRole('button', { name: 'Export partners CSV' }).click())
    expect(csv.name).toMatch(/^partner-map-partners-\d{4}-\d{2}-\d{2}\.csv$/)
    const read = readPartnerCsvFile(new Uint8Array(csv.bytes), { partners: [], relationships: [] })
    if (!read.ok || read.kind !== 'partners') throw new Error(read.ok ? 'read as relationships' : read.message)
    expect(read.plan.problems).toEqual([])
    expect(read.plan.partners.map((p) => [p.fields.name, p.fields.type, p.contacts.map((c) => c.name)])).toEqual([
      ['Age UK Oldham', 'vcse', []],
      ['Cardiff University', 'university', []],
      ['Kirklees Council', 'council', ['Tom Hughes', 'Maya Iqbal']],
      ['Leeds Community Foundation', 'vcse', ['Priya Shah']],
      ['Oldham Council', 'council', ['Imran Khan']]
    ])
    expect(read.plan.partners[4]?.offers).toEqual([{ category: 'venues', detail: 'Civic centre meeting rooms' }])
    expect(read.plan.partners[4]?.fields.website).toBe('https://www.oldham.gov.uk/')
  })

  it('moves a partner to the bin with its relationships, and restores it from the notice in one step', async () => {
    const relationshipRowCount = () => page.getByRole('table', { name: /^Relationships/ }).getByRole('row').count()
    const before = await relationshipRowCount()
    await table().getByRole('button', { name: 'Cardiff University' }).click()
    const cardiff = partnerDialog(page, 'Cardiff University')
    await cardiff.getByRole('button', { name: 'Move Cardiff University to the bin' }).click()
    await cardiff.waitFor({ state: 'hidden' })
    await expect.poll(() => tableNames(page)).not.toContain('Cardiff University')
    await expect(relationshipRowCount()).resolves.toBe(before - 1)
    const notice = page.getByRole('status').filter({ hasText: 'Partner moved to the bin' })
    await expectNoAxeViolations(page, 'the partner moved to the bin notice')
    await notice.getByRole('button', { name: 'Restore Cardiff University' }).click()
    await expect.poll(() => tableNames(page)).toContain('Cardiff University')
    await expect.poll(relationshipRowCount).toBe(before)
    await expect(notice.count()).resolves.toBe(0)

    // Binned again and left there: the header row, Oldham Council's other relationship and the
    // two imported from CSV stay.
    await table().getByRole('button', { name: 'Cardiff University' }).click()
    await cardiff.getByRole('button', { name: 'Move Cardiff University to the bin' }).click()
    await cardiff.waitFor({ state: 'hidden' })
    await expect.poll(relationshipRowCount).toBe(4)
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('heading', { name: 'Bin (1)' }).waitFor()
  })

  it('links a note to partners: the note names them, the partner lists the note', async () => {
    await createNoteThroughUi(page, 'Site visit', 'Visit to the civic centre')
    const picker = page.getByRole('group', { name: 'Partners mentioned' })
    await picker.getByLabel('Partner', { exact: true }).selectOption({ label: 'Oldham Council' })
    await picker.getByRole('button', { name: 'Add partner' }).click()
    await picker.getByRole('link', { name: 'Oldham Council' }).waitFor()
    await picker.getByLabel('Partner', { exact: true }).selectOption({ label: 'Kirklees Council' })
    await picker.getByRole('button', { name: 'Add partner' }).click()
    await picker.getByRole('button', { name: 'Remove Kirklees Council from the partners mentioned' }).click()
    await expect.poll(() => picker.getByRole('link').allInnerTexts()).toEqual(['Oldham Council'])
    await expectNoAxeViolations(page, 'a note naming a partner')
    await shot('09-note-partners')

    await picker.getByRole('link', { name: 'Oldham Council' }).click()
    await page.getByRole('heading', { level: 1, name: 'Partner map' }).waitFor()
    await table().getByRole('button', { name: 'Oldham Council' }).click()
    const oldham = partnerDialog(page, 'Oldham Council')
    await oldham.getByRole('heading', { name: 'Notes that mention Oldham Council (1)' }).waitFor()
    await oldham.getByRole('link', { name: 'Visit to the civic centre' }).click()
    await page.getByRole('heading', { level: 1, name: 'Visit to the civic centre' }).waitFor()
    expect(errors).toEqual([])
  })

  it('lists the first 100 partners of a big map, and all of them on request', async () => {
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Partner map' }).click()
    await page.getByRole('heading', { level: 1, name: 'Partner map' }).waitFor()
    const before = (await tableNames(page)).length
    const file = join(dir, 'many-partners.csv')
    const many = Array.from({ length: 110 }, (_, i) => `Tenants Association ${String(i + 1).padStart(3, '0')},VCSE organisation,North of England,Interested,Not contacted`)
    // And a spreadsheet's worth of rows that cannot be imported: their list scrolls in its box.
    const bad = Array.from({ length: 30 }, (_, i) => `Unknown body ${i + 1},spaceship,,,`)
    writeFileSync(file, ['Organisation,Type,Region,Role,Status', ...many, ...bad].join('\r\n'))
    await page.getByRole('button', { name: 'Import CSV' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import partners from a CSV file' })
    await dialog.getByLabel('CSV file').setInputFiles(file)
    const problems = dialog.getByRole('region', { name: 'Rows that will not be imported' })
    await expect.poll(() => problems.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true)
    await expectNoAxeViolations(page, 'a CSV import review with a long list of rows it cannot import')
    await dialog.getByRole('button', { name: 'Import 110 valid rows' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const total = before + 110

    await expect.poll(() => tableNames(page).then((names) => names.length)).toBe(100)
    expect(await table().locator('caption').innerText()).toContain(`Partners (${total}), first 100 listed`)
    const showAll = page.getByRole('button', { name: `Show all ${total} partners` })
    expect(await showAll.getAttribute('aria-expanded')).toBe('false')
    await expectNoAxeViolations(page, 'a partner table listing its first 100 rows')
    await showAll.click()
    await expect.poll(() => tableNames(page).then((names) => names.length)).toBe(total)
    const showFirst = page.getByRole('button', { name: 'Show the first 100 partners' })
    expect(await showFirst.getAttribute('aria-expanded')).toBe('true')
    // Sorting works on every partner, listed or not: the last by name comes first.
    const organisation = table().getByRole('columnheader', { name: /^Organisation/ })
    for (let i = 0; i < 2 && (await organisation.getAttribute('aria-sort')) !== 'descending'; i++) {
      await table().getByRole('button', { name: 'Organisation' }).click()
    }
    await expect.poll(() => tableNames(page).then((names) => names[0])).toBe('Tenants Association 110')
    await showFirst.click()
    await expect.poll(() => tableNames(page).then((names) => names.length)).toBe(100)
    // A filter that leaves fewer than 100 lists them all, with nothing to show more.
    await page.getByRole('group', { name: 'Filter partners' }).getByLabel('Type').selectOption({ label: 'Council' })
    await expect.poll(() => tableNames(page).then((names) => names.length)).toBeLessThan(100)
    expect(await page.getByRole('button', { name: /^Show all \d+ partners$/ }).count()).toBe(0)
    expect(errors).toEqual([])
  })
})
