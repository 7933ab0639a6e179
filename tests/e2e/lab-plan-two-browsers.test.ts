/**
 * Issue 14, two browsers build one lab plan together: separate Chromium processes joined
 * through the invitation link (loopback signalling, no ICE servers). Each sees the other's
 * outcomes, budget lines (over the award, with its warning), milestones, values and working
 * group; edits to different fields of one budget line made at once both survive; the budget
 * CSV read back holds the same numbers; axe is clean on the plan; one person works by keyboard.
 */
import mammoth from 'mammoth'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi, setUpProfile, tabTo } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { budgetRows, budgetTotal, fillPlanForm, planForm } from './support/lab-plan-driver'
import { downloadFrom } from './support/partner-map-driver'
import { joinByLink, readInviteLink, waitForSyncLabel } from './support/signalling-peers'
import { useSyncedPeers } from './support/synced-peers'
import { parsePence } from '../../src/domain/money'
import { EOI_QUESTIONS } from '../../src/domain/lab-plan/proposal'

const LAB = 'Oldham and Kirklees warm homes lab'
const { peers: [a, b] } = useSyncedPeers(['A', 'B'])

const pence = (text: string): number => {
  const result = parsePence(text)
  if (!result.ok) throw new Error(`${text} is not an amount`)
  return result.pence
}

describe('two browsers, one lab plan', () => {
  it('A starts the lab plan; B joins and opens it from the sidebar', async () => {
    await setUpProfile(a.page, { name: 'Asha Patel', organisation: 'Oldham Council' })
    await createWorkspaceThroughUi(a.page, { name: LAB, leadCouncil: 'Oldham Council' })
    const link = await readInviteLink(a.page)
    await a.page.getByRole('button', { name: 'Start the lab plan' }).click()
    await a.page.getByRole('heading', { level: 1, name: 'Lab plan' }).waitFor()

    await joinByLink(b, link, { name: 'Tom Hughes', organisation: 'Kirklees Council' })
    await b.page.getByRole('heading', { level: 1, name: LAB }).waitFor()
    await Promise.all([a, b].map((p) => waitForSyncLabel(p.page, 'Connected to 1 peer')))
    await b.page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Lab plan' }).click()
    await b.page.getByRole('heading', { level: 1, name: 'Lab plan' }).waitFor()
    await expect(b.page.getByRole('button', { name: 'Start the lab plan' }).count()).resolves.toBe(0)
  })

  it('A sets the award by keyboard only, and B sees it', async () => {
    const keys = a.page.keyboard
    await a.page.getByRole('heading', { level: 1, name: 'Lab plan' }).focus()
    await tabTo(a.page, 'Proposal')
    await keys.press('Enter')
    await tabTo(a.page, /^Member authority/)
    await keys.type('Oldham Council')
    await tabTo(a.page, /^Funding asked for/)
    await keys.press('Control+A')
    await keys.type('£10,000')
    await tabTo(a.page, 'Save proposal')
    await keys.press('Enter')
    await expect.poll(() => b.page.getByLabel(/^Funding asked for/).inputValue(), { timeout: 60_000 }).toBe('10000.00')
    await expect.poll(() => b.page.getByLabel(/^Member authority/).inputValue()).toBe('Oldham Council')
  })

  it('both add budget lines at once; each sees all of them, over the award, with its warning', async () => {
    await Promise.all([
      (async () => {
        await fillPlanForm(planForm(a.page, 'Add a budget line'), { Item: '4 x action research reviews', Category: 'Research', 'Planned (£)': '5,000' }, 'Add budget line')
        await fillPlanForm(planForm(a.page, 'Add a budget line'), { Item: 'Info-video', Category: 'Report and video production', 'Planned (£)': '4000' }, 'Add budget line')
      })(),
      (async () => {
        await fillPlanForm(planForm(b.page, 'Add a budget line'), { Item: 'Report production', Category: 'Report and video production', 'Planned (£)': '500' }, 'Add budget line')
        await fillPlanForm(
          planForm(b.page, 'Add a budget line'),
          { Item: 'Resources & Expenses', Category: 'Resources and expenses', 'Council spending it': 'Kirklees Council', 'Planned (£)': '750.50', 'Spent (£)': '120.25' },
          'Add budget line'
        )
      })()
    ])
    for (const p of [a, b]) {
      await expect.poll(() => budgetRows(p.page).then((rows) => rows.map((r) => r[0]).sort()), { timeout: 60_000 }).toEqual(
        ['4 x action research reviews', 'Info-video', 'Report production', 'Resources & Expenses'].sort()
      )
      await expect.poll(() => budgetTotal(p.page, 'planned')).toBe('£10,250.50')
      await p.page.getByRole('alert').filter({ hasText: 'The budget is over the award' }).waitFor()
      await p.page.getByText('£250.50 too much').waitFor()
    }
    await expectNoAxeViolations(a.page, 'the lab plan with a budget on A')
  })

  it('edits to different fields of one budget line made at the same time both survive', async () => {
    await a.page.getByRole('button', { name: 'Change Info-video' }).click()
    await b.page.getByRole('button', { name: 'Change Info-video' }).click()
    const onA = planForm(a.page, 'Change “Info-video”')
    const onB = planForm(b.page, 'Change “Info-video”')
    await onA.getByLabel('Spent (£)').fill('1,200')
    await onB.getByLabel('Council spending it').fill('Oldham Council')
    await Promise.all([onA.getByRole('button', { name: 'Save budget line' }).click(), onB.getByRole('button', { name: 'Save budget line' }).click()])
    for (const p of [a, b]) {
      await expect
        .poll(() => budgetRows(p.page).then((rows) => rows.find((r) => r[0] === 'Info-video')), { timeout: 60_000 })
        .toEqual(['Info-video', 'Report and video production', 'Oldham Council', '£4,000.00', '£0.00', '£1,200.00'])
    }
  })

  it('the budget CSV, read back, holds the same numbers as the table', async () => {
    const { name, bytes } = await downloadFrom(b.page, () => b.page.getByRole('button', { name: 'Export budget as CSV' }).click())
    expect(name).toMatch(/\.csv$/)
    const rows = Papa.parse<string[]>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
    expect(rows[0]).toEqual(['Item', 'Category', 'Council', 'Planned (£)', 'Committed (£)', 'Spent (£)'])
    const table = await budgetRows(b.page)
    const lines = rows.slice(1, -2)
    expect(lines.map((r) => [r[0], r[3], r[5]].map((cell, i) => (i === 0 ? cell : pence(cell ?? ''))))).toEqual(
      table.map((r) => [r[0], pence(r[3] ?? ''), pence(r[5] ?? '')])
    )
    expect(rows.at(-2)).toEqual(['Total', '', '', '10250.50', '0.00', '1320.25'])
    expect(rows.at(-1)?.slice(0, 4)).toEqual(['Award', '', '', '10000.00'])
  })

  it('B answers an EOI question; A exports the EOI, which holds the six questions, the answer and the figures', async () => {
    const answer = b.page.getByRole('textbox', { name: 'Answer to question 1' })
    await answer.click()
    await b.page.keyboard.type('Warm homes support designed with residents.')
    await a.page.getByRole('textbox', { name: 'Answer to question 1' }).getByText('Warm homes support designed with residents.').waitFor({ timeout: 60_000 })
    const { name, bytes } = await downloadFrom(a.page, () => a.page.getByRole('button', { name: 'Export as EOI' }).click())
    expect(name).toMatch(/expression-of-interest.*\.docx$/)
    const { value: text } = await mammoth.extractRawText({ buffer: bytes })
    EOI_QUESTIONS.forEach((q, i) => expect(text).toContain(`${i + 1}. ${q.text}`))
    expect(text).toContain('Warm homes support designed with residents.')
    expect(text).toMatch(/Member authority\s+Oldham Council/)
    expect(text).toMatch(/Funding asked for\s+£10,000.00/)
    expect(text).toMatch(/Total\s+£10,250.50/)
  })

  it('outcomes, measures, milestones, values and the working group reach the other device', async () => {
    await fillPlanForm(planForm(b.page, 'Add an outcome'), { Outcome: 'Residents shape warm homes support', Status: 'At risk' }, 'Add outcome')
    await a.page.getByRole('heading', { level: 3, name: 'Residents shape warm homes support' }).waitFor({ timeout: 60_000 })
    await fillPlanForm(
      planForm(a.page, 'Add a measure'),
      { 'What is measured': 'Interview feedback from residents', Baseline: '0', Target: '30 interviews', 'Latest value': '12 interviews', 'Date of the latest value': '2027-01-10' },
      'Add measure'
    )
    await b.page.getByRole('table', { name: 'Measures of Residents shape warm homes support' }).getByText('30 interviews').waitFor({ timeout: 60_000 })

    await fillPlanForm(planForm(a.page, 'Add a milestone'), { 'Milestone or deliverable': 'Interim findings', Date: '2027-03-01', 'Owning council': 'Kirklees Council' }, 'Add milestone')
    await b.page.getByRole('table', { name: /^Milestones and deliverables/ }).getByRole('rowheader', { name: 'Interim findings' }).waitFor({ timeout: 60_000 })

    await b.page.getByRole('button', { name: 'Change Co-production', exact: true }).click()
    await fillPlanForm(planForm(b.page, 'Change “Co-production”'), { 'How the lab applies it': 'Residents sit on the working group' }, 'Save value')
    await a.page.getByRole('table', { name: /^Values and principles/ }).getByText('Residents sit on the working group').waitFor({ timeout: 60_000 })

    await fillPlanForm(planForm(a.page, 'Add to the working group'), { 'Council or organisation': 'Oldham Council', 'CCIN membership': 'Lead council', Person: 'Asha Patel' }, 'Add to the group')
    await fillPlanForm(planForm(a.page, 'Add to the working group'), { 'Council or organisation': 'Kirklees Council', 'CCIN membership': 'CCIN council member' }, 'Add to the group')
    await b.page.getByRole('alert').filter({ hasText: 'This group has 1: add 2 more.' }).waitFor({ timeout: 60_000 })

    const summary = b.page.getByRole('region', { name: 'Summary' })
    await summary.getByText('Residents shape warm homes support').waitFor()
    await summary.getByText('Interim findings, 1 March 2027').waitFor()
    // The plan's tables write dates as the rest of the app does, not as they are stored.
    await b.page.getByRole('table', { name: /^Milestones and deliverables/ }).getByRole('row', { name: /Interim findings/ }).getByText('1 March 2027').waitFor()
    await b.page.getByText('(10 January 2027)').waitFor()
    await expectNoAxeViolations(a.page, 'the whole lab plan on A')
    await expectNoAxeViolations(b.page, 'the whole lab plan on B')
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])
  })
})
