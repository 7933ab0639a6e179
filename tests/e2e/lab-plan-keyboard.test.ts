/**
 * Issue 14 by keyboard alone: every part of the lab plan (proposal header and six questions,
 * outcomes and measures, budget lines, milestones on the timeline, values, working group) is
 * filled in with Tab, Enter, typing and arrows, never a click, and every stop shows its focus
 * (tabTo checks that at each press). axe is clean on the plan at 1280 and at 390 px, where the
 * timeline fits the screen. Then a report cites an outcome by keyboard and stays linked to it
 * (in Welsh too, redrawn the moment the interface switches, as a photo's frame beside it is),
 * and the plan's History shows a version and compares it.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi, describeFocus, setUpProfile, tabTo, type PersonDetails } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { budgetRows, budgetTotal, fillPlanForm, planForm } from './support/lab-plan-driver'
import { useTestBed } from './support/test-bed'
import { collectPageErrors } from './support/app-driver'
import { createReportThroughUi } from './support/editor-driver'
import { drawnJpegBytes } from './support/photo-driver'

const bed = useTestBed()
const asha: PersonDetails = { name: 'Asha Patel', organisation: 'Oldham Council' }
let page: Page
let errors: string[]

const keys = () => page.keyboard
const planHeading = () => page.getByRole('heading', { level: 1, name: 'Lab plan' })

/** Types into the field reached by Tab (its accessible name starts with `label`). */
const typeInto = async (label: string, text: string): Promise<void> => {
  await tabTo(page, new RegExp(`^${label.replace(/[()£]/g, '\\$&')}`), 80)
  await keys().press('Control+A')
  await keys().type(text)
}

const chosen = (): Promise<string | undefined> =>
  page.evaluate(() => (document.activeElement as HTMLSelectElement).selectedOptions[0]?.textContent?.trim())

/** Chooses a select's option with Home and the down arrow, as a keyboard user does. */
const chooseIn = async (label: string, option: string): Promise<void> => {
  await tabTo(page, new RegExp(`^${label}`), 80)
  await keys().press('Home')
  for (let i = 0; i < 20 && (await chosen()) !== option; i++) await keys().press('ArrowDown')
  expect(await chosen()).toBe(option)
}

const press = async (name: string): Promise<void> => {
  await tabTo(page, name, 120)
  await keys().press('Enter')
}

/** From the plan's heading to one of its parts through the "Parts of the plan" links. */
const goToPart = async (part: string): Promise<void> => {
  await planHeading().focus()
  await tabTo(page, part, 40)
  await keys().press('Enter')
  await expect.poll(async () => (await describeFocus(page)).name).toBe(part)
}

describe('the lab plan by keyboard alone', () => {
  it('fills in every part of the plan with Tab, Enter, typing and arrows', async () => {
    const context = await bed.browser.newContext({ viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
    errors = collectPageErrors(page)
    // Playwright takes file choosers over from the first listener on: a key press could reach the
    // page before that, and a chooser it missed stays open unseen. So it listens from the start.
    page.on('filechooser', () => {})
    await page.goto(bed.server.url)
    await setUpProfile(page, asha)
    await createWorkspaceThroughUi(page, { name: 'Warm homes lab', leadCouncil: 'Oldham Council', partnerCouncils: [] })

    // The sidebar's button, reached directly: the workspace's own keyboard test covers getting there.
    await page.getByRole('button', { name: 'Start the lab plan' }).focus()
    await keys().press('Enter')
    await planHeading().waitFor()

    // Proposal: the EOI's header, then its six questions.
    await goToPart('Proposal')
    await typeInto('Member authority', 'Oldham Council')
    await typeInto('Lead member', 'Cllr Jean Stretton')
    await typeInto('Name', 'Asha Patel')
    await typeInto('Job title', 'Policy officer')
    await chooseIn('Kind of project', 'Policy lab')
    await tabTo(page, /^Start date/, 10)
    await keys().type('02012027')
    await typeInto('Funding asked for', '10000')
    await press('Save proposal')
    await expect.poll(() => page.getByLabel(/^Funding asked for/).inputValue()).toBe('10000.00')
    await expect.poll(() => page.getByLabel(/^Start date/).inputValue()).toBe('2027-02-01')
    for (let n = 1; n <= 6; n++) {
      await tabTo(page, `Answer to question ${n}`, 20)
      await keys().type(`Answer ${n} typed by keyboard.`)
    }
    await expect(page.getByRole('textbox', { name: 'Answer to question 6' }).innerText()).resolves.toContain('Answer 6 typed by keyboard.')

    // Outcomes and a measure.
    await goToPart('Outcomes and measures')
    await typeInto('Outcome', 'Residents shape warm homes support')
    await chooseIn('Status', 'At risk')
    await typeInto('Description', 'Support is designed with the people who use it.')
    await press('Add outcome')
    await page.getByRole('heading', { level: 3, name: 'Residents shape warm homes support' }).waitFor()
    await goToPart('Outcomes and measures')
    await typeInto('What is measured', 'Interview feedback from residents')
    await typeInto('Target', '30 interviews')
    await typeInto('Latest value', '12 interviews')
    await tabTo(page, /^Date of the latest value/, 10)
    await keys().type('01102027')
    await press('Add measure')
    await page.getByRole('table', { name: 'Measures of Residents shape warm homes support' }).getByText('30 interviews').waitFor()

    // Budget lines, then one cell changed until the totals show it.
    for (const [item, category, planned] of [
      ['4 x action research reviews', 'Research', '5,000'],
      ['Info-video', 'Report and video production', '4,000']
    ] as const) {
      await goToPart('Budget')
      await typeInto('Item', item)
      await chooseIn('Category', category)
      await typeInto('Planned', planned)
      await press('Add budget line')
      await expect.poll(() => budgetRows(page).then((rows) => rows.map((r) => r[0]))).toContain(item)
    }
    await expect.poll(() => budgetTotal(page, 'planned')).toBe('£9,000.00')
    await goToPart('Budget')
    await press('Change Info-video')
    await planForm(page, 'Change “Info-video”').waitFor()
    // A fraction of a penny is rounded to the penny, and the field says so: tied to it, and said politely.
    await typeInto('Spent', '1,250.495')
    const spent = planForm(page, 'Change “Info-video”').getByLabel('Spent (£)', { exact: true })
    await expect
      .poll(() => spent.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent?.trim())))
      .toContain('Rounded to £1,250.50')
    await expect(page.getByText('Rounded to £1,250.50').getAttribute('aria-live')).resolves.toBe('polite')
    await press('Save budget line')
    await expect.poll(() => budgetTotal(page, 'spent')).toBe('£1,250.50')

    // Milestones, which the timeline then places across the lab's two years.
    for (const [title, date] of [
      ['Interim findings', '03012027'],
      ['Final report', '12152028']
    ] as const) {
      await goToPart('Milestones and deliverables')
      await typeInto('Milestone or deliverable', title)
      await tabTo(page, /^Date/, 10)
      await keys().type(date)
      await typeInto('Owning council', 'Oldham Council')
      await press('Add milestone')
      await page.getByRole('table', { name: /^Milestones and deliverables/ }).getByRole('rowheader', { name: title }).waitFor()
    }
    const timeline = page.getByRole('figure', { name: /^Timeline/ })
    await timeline.getByText('1 February 2027 to 1 February 2029: 24 months').waitFor()
    await expect(timeline.getByRole('listitem').allInnerTexts()).resolves.toEqual([
      expect.stringContaining('1 March 2027 Interim findings'),
      expect.stringContaining('15 December 2028 Final report')
    ])

    // Values: say how the lab applies one.
    await goToPart('Values and principles')
    await press('Change Co-production')
    await typeInto('How the lab applies it', 'Residents sit on the working group')
    await press('Save value')
    await page.getByRole('table', { name: /^Values and principles/ }).getByText('Residents sit on the working group').waitFor()

    // Working group: the lead and three other CCIN members, until the check is satisfied.
    for (const [council, membership] of [
      ['Oldham Council', 'Lead council'],
      ['Kirklees Council', 'CCIN council member'],
      ['Preston City Council', 'CCIN council member'],
      ['Co-operative College', 'CCIN associate member']
    ] as const) {
      await goToPart('Working group')
      await typeInto('Council or organisation', council)
      await chooseIn('CCIN membership', membership)
      await press('Add to the group')
      await page.getByRole('cell', { name: council }).or(page.getByRole('rowheader', { name: council })).first().waitFor()
    }
    await expect.poll(() => page.getByRole('region', { name: 'Summary' }).innerText()).toContain('3 other CCIN members')
    await expectNoAxeViolations(page, 'the whole lab plan at 1280 px')
  })

  it('at 390 px the plan, with its timeline, fits the screen and axe is clean', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await planHeading().waitFor()
    // Anything wider than the screen, named, so a failure says what to fix.
    const tooWide = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((el) => el.getBoundingClientRect().right > 391 && !el.closest('.table-scroll, .compare-view'))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`)
    )
    expect(tooWide).toEqual([])
    await expectNoAxeViolations(page, 'the whole lab plan at 390 px')
    const timeline = page.getByRole('figure', { name: /^Timeline/ })
    await timeline.scrollIntoViewIfNeeded()
    const box = await timeline.boundingBox()
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true)
    // The ticks a narrow screen shows do not overlap.
    const ticks = await timeline.locator('.plan-timeline-ticks li').evaluateAll((items) =>
      items.filter((li) => getComputedStyle(li).display !== 'none').map((li) => li.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right }))
    )
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.left).toBeGreaterThan(ticks[i - 1]!.right)
  })

  it('a report cites an outcome by keyboard, and the citation follows the plan until the outcome is removed', async () => {
    await page.setViewportSize({ width: 1280, height: 900 })
    const versions = async (name: string) => {
      await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Overview' }).click()
      const panel = page.getByRole('region', { name: 'Versions' })
      await panel.getByLabel('Name this version').fill(name)
      await panel.getByRole('button', { name: 'Save version' }).click()
      await panel.getByRole('status').filter({ hasText: `Saved version “${name}”.` }).waitFor()
    }
    await versions('Plan drafted')

    await createReportThroughUi(page, 'Final report')
    const report = page.getByRole('textbox', { name: 'Report text' })
    await page.getByRole('heading', { level: 1, name: 'Final report' }).focus()
    await tabTo(page, 'Report text', 60)
    await keys().press('Control+End')
    await keys().type('We set out to: ')
    // To the toolbar (one Tab stop, before the text), then along it with the arrow keys.
    await keys().press('Shift+Tab')
    for (let i = 0; i < 30 && (await describeFocus(page)).name !== 'Cite outcome from the lab plan'; i++) await keys().press('ArrowRight')
    expect((await describeFocus(page)).name).toBe('Cite outcome from the lab plan')
    await keys().press('Enter')
    const cite = page.getByRole('dialog', { name: 'Cite a lab plan outcome' })
    await cite.waitFor()
    await expectNoAxeViolations(page, 'the cite an outcome dialog')
    await chooseIn('Measure', 'Interview feedback from residents')
    await press('Insert citation')
    const citation = report.locator('.plan-citation')
    const citedInEnglish =
      'Lab plan outcome: Residents shape warm homes support (At risk). Measured by Interview feedback from residents, target 30 interviews, latest 12 interviews on 10 January 2027'
    await expect
      .poll(() => citation.innerText())
      .toBe(citedInEnglish)
    await expectNoAxeViolations(page, 'a report citing an outcome')

    // A photo beside it, left undescribed for now: its frame says so in the interface's words.
    const photo = await drawnJpegBytes(page, 640, 480)
    await page.getByRole('button', { name: 'Add photo' }).focus()
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), keys().press('Enter')])
    await chooser.setFiles({ name: 'entrance.jpg', mimeType: 'image/jpeg', buffer: photo })
    const describePhoto = page.getByRole('dialog', { name: 'Describe this photo' })
    await describePhoto.getByRole('button', { name: 'Later' }).focus()
    await keys().press('Enter')
    await describePhoto.waitFor({ state: 'hidden' })
    await report.getByRole('button', { name: 'Add alt text' }).waitFor()

    // Switched to Welsh with the report open: the citation and the photo's frame are drawn again
    // at once in Welsh (Mutual's words; what the plan says stays as typed), and back in English.
    const shown = page.locator('.plan-citation')
    await page.getByRole('button', { name: 'Cymraeg', exact: true }).focus()
    await keys().press('Enter')
    await expect
      .poll(() => shown.innerText())
      .toBe('Canlyniad y cynllun labordy: Residents shape warm homes support (Mewn perygl). Mesurir drwy Interview feedback from residents, targed 30 interviews, y diweddaraf 12 interviews ar 10 Ionawr 2027')
    // Mutual's words inside the person's text (lang=""), so they say which language they are in.
    await expect(shown.getAttribute('lang')).resolves.toBe('cy-GB')
    await page.getByRole('img', { name: 'Llun: testun amgen ar goll' }).waitFor()
    await page.getByRole('button', { name: 'Ychwanegu testun amgen' }).waitFor()
    await expect(page.locator('figure.attachment').getAttribute('lang')).resolves.toBe('cy-GB')
    // So is the editor's hint on a new empty line.
    const welshText = page.getByRole('textbox', { name: 'Testun yr adroddiad' })
    await welshText.focus()
    await keys().press('Control+End')
    await keys().press('Enter')
    await expect.poll(() => welshText.locator('p.is-empty').getAttribute('data-placeholder')).toBe('Ysgrifennwch yma…')
    await keys().press('Backspace')
    await expectNoAxeViolations(page, 'a report citing an outcome, in Welsh')
    await page.getByRole('button', { name: 'English', exact: true }).focus()
    await keys().press('Enter')
    await expect.poll(() => shown.innerText()).toBe(citedInEnglish)
    await expect(shown.getAttribute('lang')).resolves.toBe('en-GB')
    await report.getByRole('button', { name: 'Add alt text' }).waitFor()

    // The plan changes; the report says what the plan says now.
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Lab plan' }).click()
    await page.getByRole('button', { name: 'Change Residents shape warm homes support' }).click()
    await fillPlanForm(planForm(page, 'Change “Residents shape warm homes support”'), { Outcome: 'Residents lead warm homes support', Status: 'On track' }, 'Save outcome')
    await page.getByRole('button', { name: 'Change 4 x action research reviews' }).click()
    await fillPlanForm(planForm(page, 'Change “4 x action research reviews”'), { 'Planned (£)': '4,500' }, 'Save budget line')
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Final report' }).click()
    await expect.poll(() => report.locator('.plan-citation').innerText()).toMatch(/^Lab plan outcome: Residents lead warm homes support \(On track\)\./)

    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Lab plan' }).click()
    await page.getByRole('button', { name: 'Remove Residents lead warm homes support' }).click()
    await page.getByRole('heading', { level: 3, name: 'Residents lead warm homes support' }).waitFor({ state: 'detached' })
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Final report' }).click()
    await expect.poll(() => report.locator('.plan-citation').innerText()).toBe('Lab plan outcome: this outcome has been removed from the lab plan')

    // Contributions by council go into the report as its appendix.
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Lab plan' }).click()
    await page.getByRole('button', { name: 'List contributions' }).click()
    const contributions = page.getByRole('region', { name: 'Contributions by council' })
    // As a person would, brought on screen: off screen, a section under content-visibility is not
    // laid out, so its headings have no box to be visible in.
    await contributions.scrollIntoViewIfNeeded()
    await contributions.getByRole('heading', { level: 3, name: 'Oldham Council' }).waitFor()
    await expectNoAxeViolations(page, 'the lab plan with contributions listed')
    await contributions.getByRole('button', { name: 'Add to the report as an appendix' }).click()
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Final report' }).click()
    await report.getByRole('heading', { level: 2, name: 'Appendix: contributions by council' }).waitFor()
    await expect(report.getByRole('listitem').filter({ hasText: /^Asha Patel:/ }).innerText()).resolves.toContain('Report: Final report')
  })

  it('the plan’s History shows a version and compares it with now, by keyboard', async () => {
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Lab plan' }).click()
    await planHeading().waitFor()
    await page.getByRole('link', { name: 'History', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'History of “Lab plan”' }).focus()
    await press('View Plan drafted')
    const asItWas = page.getByRole('region', { name: 'The lab plan as it was' })
    await asItWas.getByRole('region', { name: 'Outcomes' }).getByText('Residents shape warm homes support').waitFor()
    await expectNoAxeViolations(page, 'a version of the lab plan')

    await page.getByRole('heading', { level: 1, name: 'History of “Lab plan”' }).focus()
    await press('Compare with now: Plan drafted')
    const changes = page.getByRole('region', { name: 'Changes to the lab plan' })
    const outcomes = changes.getByRole('region', { name: 'Outcomes' })
    await expect.poll(() => outcomes.innerText()).toMatch(/Residents shape warm homes support\s*removed/)
    await expect
      .poll(() => changes.getByRole('region', { name: 'Budget lines' }).innerText())
      .toMatch(/4 x action research reviews\s*changed\s*Planned: £5,000.00 to £4,500.00/)
    await expectNoAxeViolations(page, 'the lab plan compared with now')
    await page.setViewportSize({ width: 390, height: 844 })
    await expectNoAxeViolations(page, 'the lab plan compared with now at 390 px')
    expect(errors).toEqual([])
  })
})
