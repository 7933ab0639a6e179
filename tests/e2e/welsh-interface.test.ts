import { describe, expect, it } from 'vitest'
import { openFreshPage, useTestBed } from './support/test-bed'
import { checkWelshScreen } from './support/welsh-screen-check'

/**
 * Issue 16 (#12): Welsh councils must be able to use Mutual fully in Welsh. A person chooses
 * Cymraeg on the first screen, and the key screens (workspace list, overview, editor, history,
 * lab plan, partner map with a partner's details, a board with a note and the facilitator's
 * tools) then read in Welsh: no English catalogue string on screen, lang set on the page, axe
 * clean, and no text spilling out of its box on a phone or a desktop.
 */
const bed = useTestBed()

describe('Mutual in Welsh', () => {
  it('is chosen on the first screen, remembered, and shows the key screens in Welsh', async () => {
    const { page, errors } = await openFreshPage(bed)
    // The browser is en-US: English until someone chooses.
    await page.getByRole('heading', { level: 1, name: 'Welcome to Mutual' }).waitFor()
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en-GB')

    await page.getByRole('group', { name: 'Iaith / Language' }).getByRole('button', { name: 'Cymraeg' }).click()
    await page.getByRole('heading', { level: 1, name: 'Croeso i Mutual' }).waitFor()
    await expect(page.evaluate(() => document.getElementById('root')?.lang)).resolves.toBe('cy-GB')
    await checkWelshScreen(page, 'the first run')
    await page.getByLabel('Eich enw').fill('Rhian Evans')
    await page.getByLabel('Cyngor neu sefydliad').fill('Cyngor Caerdydd')
    await page.getByRole('button', { name: 'Cadw a pharhau' }).click()

    // Workspace list
    await page.getByRole('heading', { level: 1, name: 'Eich gweithleoedd' }).waitFor()
    await checkWelshScreen(page, 'the workspace list')

    // A new workspace and its overview
    await page.getByRole('link', { name: 'Gweithle newydd' }).click()
    await page.getByLabel('Enw’r labordy').fill('Labordy tlodi bwyd')
    await page.getByLabel('Cyngor arweiniol').fill('Cyngor Caerdydd')
    await page.getByRole('button', { name: 'Creu gweithle' }).click()
    await page.getByRole('heading', { level: 1, name: 'Labordy tlodi bwyd' }).waitFor()
    await page.getByRole('navigation', { name: 'Gweithle' }).getByRole('link', { name: 'Trosolwg' }).waitFor()
    await checkWelshScreen(page, 'the overview')

    // The editor: a note, whose text is the person's own (lang="") and not the interface's
    await page.getByRole('button', { name: 'Nodyn newydd' }).click()
    const dialog = page.getByRole('dialog', { name: 'Nodyn newydd' })
    await dialog.getByRole('radio', { name: 'Cyfweliad' }).check()
    await dialog.getByLabel('Teitl').fill('Sgwrs gyda’r banc bwyd')
    await dialog.getByRole('button', { name: 'Creu nodyn' }).click()
    const text = page.getByRole('textbox', { name: 'Testun y nodyn' })
    await text.waitFor()
    await text.click()
    await page.keyboard.type('We met the volunteers at the food bank on Tuesday.')
    await expect(text.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).resolves.toBe('')
    await page.getByRole('toolbar', { name: 'Fformatio' }).getByRole('button', { name: 'Trwm' }).waitFor()
    await checkWelshScreen(page, 'the editor')

    // History of that note
    const noteUrl = page.url()
    await page.goto(`${noteUrl}/history`)
    await page.getByRole('heading', { level: 1, name: 'Hanes “Sgwrs gyda’r banc bwyd”' }).waitFor()
    await checkWelshScreen(page, 'the history')
    await page.goto(noteUrl)
    await text.waitFor()

    // The lab plan: every part, with the CCIN values and standard deliverables it starts with
    await page.getByRole('button', { name: 'Dechrau’r cynllun labordy' }).click()
    await page.getByRole('heading', { level: 1, name: 'Cynllun labordy' }).waitFor()
    await page.getByRole('heading', { level: 2, name: 'Cyfraniadau fesul cyngor' }).waitFor()
    await page.getByRole('rowheader', { name: 'Partneriaeth gymdeithasol' }).waitFor()
    await checkWelshScreen(page, 'the lab plan')
    await page.goto(noteUrl)
    await text.waitFor()

    // The partner map
    await page.getByRole('button', { name: 'Dechrau’r map partneriaid' }).click()
    await page.getByRole('heading', { level: 1, name: 'Map partneriaid' }).waitFor()
    await checkWelshScreen(page, 'the partner map')
    // A partner's dialog, then the map's table and graph with that partner on them
    await page.getByRole('button', { name: 'Ychwanegu partner', exact: true }).click()
    const adding = page.getByRole('dialog', { name: 'Ychwanegu partner' })
    await adding.getByLabel('Enw’r sefydliad').fill('Banc Bwyd Grangetown')
    await adding.getByRole('button', { name: 'Ychwanegu partner', exact: true }).click()
    const partner = page.getByRole('dialog', { name: 'Banc Bwyd Grangetown' })
    await partner.getByRole('heading', { name: 'Cysylltiadau (0)' }).waitFor()
    await checkWelshScreen(page, 'a partner’s details')
    await partner.getByRole('button', { name: 'Cau', exact: true }).last().click()
    await partner.waitFor({ state: 'hidden' })
    await page.getByRole('table', { name: /^Partneriaid/ }).getByRole('rowheader', { name: 'Banc Bwyd Grangetown' }).waitFor()
    await checkWelshScreen(page, 'the partner map with a partner')

    // A workshop board from a template, with a note and the facilitator's tools open
    await page.getByRole('button', { name: 'Bwrdd newydd' }).click()
    const newBoard = page.getByRole('dialog', { name: 'Bwrdd gweithdy newydd' })
    await newBoard.getByLabel('Enw’r bwrdd').fill('Camau nesaf')
    await newBoard.getByRole('radio', { name: /^Nawr \/ nesaf \/ wedyn/ }).check()
    await checkWelshScreen(page, 'choosing a board')
    await newBoard.getByRole('button', { name: 'Creu bwrdd' }).click()
    await page.getByRole('heading', { level: 1, name: 'Camau nesaf' }).waitFor()
    await page.getByRole('button', { name: 'Ychwanegu nodyn at Nawr', exact: true }).click()
    const boardNote = page.getByLabel('Nodyn newydd yn Nawr', { exact: true })
    await boardNote.fill('Siarad â’r gwirfoddolwyr')
    await boardNote.press('Enter')
    await page.getByRole('region', { name: 'Nawr', exact: true }).getByText('Siarad â’r gwirfoddolwyr').waitFor()
    await boardNote.press('Escape')
    await page.getByRole('button', { name: 'Offer hwylusydd', exact: true }).click()
    await page.getByRole('region', { name: 'Offer hwylusydd' }).waitFor()
    await checkWelshScreen(page, 'the board')

    // Remembered on this device: a reload stays in Welsh
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Camau nesaf' }).waitFor()
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('cy-GB')

    // The header's switch goes back to English at once, the open note's writing area too
    await page.goto(noteUrl)
    await text.waitFor()
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('textbox', { name: 'Note text' }).waitFor()
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Overview' }).waitFor()
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en-GB')
    expect(errors).toEqual([])
  })
})
