import { describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi } from './support/app-driver'
import { createBoardThroughUi } from './support/board-driver'
import { openFreshPage, useTestBed } from './support/test-bed'
import { formatDateIn } from '../../src/domain/i18n/format-date'

/**
 * QA in Welsh: words Mutual wrote itself while the interface was English stayed English after
 * switching to Cymraeg: the lab plan's title ("Lab plan") in its heading, the sidebar and its
 * history, a Blank board's "Ideas" column (not even marked as a person's words), and the
 * automatic version names ("Start of 7 December 2026") where History shows the version it opened.
 * Untouched, they are Mutual's words and read in the reader's language; what a person typed
 * stays as typed.
 */
const bed = useTestBed()

describe('words Mutual wrote, read in Welsh', () => {
  it('shows the lab plan’s title, a template’s column and automatic version names in Welsh', async () => {
    const { page, errors } = await openFreshPage(bed, { name: 'Rhian Evans', organisation: 'Cardiff Council' })
    await createWorkspaceThroughUi(page, { name: 'Food poverty lab', leadCouncil: 'Cardiff Council' })

    // Made in English: the lab plan, and a Blank board with a note (an edit: today's automatic version)
    await page.getByRole('button', { name: 'Start the lab plan' }).click()
    await page.getByRole('heading', { level: 1, name: 'Lab plan' }).waitFor()
    const planUrl = page.url()
    await createBoardThroughUi(page, 'Next steps', { template: /^Blank board/ })
    await page.getByRole('region', { name: 'Ideas', exact: true }).waitFor()
    await page.getByRole('button', { name: 'Add note to Ideas', exact: true }).click()
    const boardNote = page.getByLabel('New note in Ideas', { exact: true })
    await boardNote.fill('Talk to the volunteers')
    await boardNote.press('Enter')
    await page.getByRole('region', { name: 'Ideas', exact: true }).getByText('Talk to the volunteers').waitFor()
    await boardNote.press('Escape')
    // A column a person named is theirs: kept as typed, in any language, and marked as content
    await page.getByRole('button', { name: 'Add column' }).click()
    await page.getByLabel('New column name').fill('Ideas wall')
    await page.getByRole('button', { name: 'Add column' }).click()
    await page.getByRole('region', { name: 'Ideas wall', exact: true }).waitFor()

    await page.getByRole('button', { name: 'Cymraeg' }).click()
    await page.getByRole('navigation', { name: 'Gweithle' }).getByRole('link', { name: 'Trosolwg' }).waitFor()

    // The board: the template's column in Welsh, in the interface's language (not lang="")
    const ideas = page.getByRole('region', { name: 'Syniadau', exact: true })
    await ideas.waitFor()
    await expect(ideas.getByRole('heading', { level: 2 }).evaluate((h) => h.closest('[lang]')?.getAttribute('lang'))).resolves.toBe('cy-GB')
    await page.getByRole('button', { name: 'Ychwanegu nodyn at Syniadau', exact: true }).waitFor()
    const own = page.getByRole('region', { name: 'Ideas wall', exact: true })
    await expect(own.getByRole('heading', { level: 2 }).getAttribute('lang')).resolves.toBe('')

    // The lab plan: heading and sidebar entry in Welsh; its history names it in Welsh too
    await page.goto(planUrl)
    await page.getByRole('heading', { level: 1, name: 'Cynllun labordy', exact: true }).waitFor()
    await page.getByRole('navigation', { name: 'Gweithle' }).getByRole('link', { name: 'Cynllun labordy', exact: true }).waitFor()
    await page.goto(`${planUrl}/history`)
    await page.getByRole('heading', { level: 1, name: 'Hanes “Cynllun labordy”' }).waitFor()

    // Its history: today's automatic version, listed and opened, named in Welsh
    const today = `Dechrau ${formatDateIn(Date.now(), 'long', 'cy')}`
    await page.getByRole('button', { name: `Gweld ${today}`, exact: true }).click()
    await page.getByRole('heading', { level: 2, name: `Fel yr oedd yn “${today}”`, exact: true }).waitFor()

    // The overview's Versions list
    await page.getByRole('navigation', { name: 'Gweithle' }).getByRole('link', { name: 'Trosolwg' }).click()
    const versions = page.getByRole('list', { name: 'Fersiynau o’r gweithle hwn' })
    await versions.getByText(today, { exact: true }).waitFor()
    await expect(versions.innerText()).resolves.not.toContain('Start of')
    expect(errors).toEqual([])
  })
})
