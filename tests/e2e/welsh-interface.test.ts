import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations } from './support/axe'
import { englishStringsShown, overflowingText } from './support/language-checks'
import { openFreshPage, useTestBed } from './support/test-bed'

/**
 * Issue 16 (#12): Welsh councils must be able to use Mutual fully in Welsh. A person chooses
 * Cymraeg on the first screen, and the key screens (workspace list, overview, editor, partner
 * map, board, history) then read in Welsh: no English catalogue string on screen, lang set on
 * the page, axe clean, and no text spilling out of its box on a phone or a desktop.
 */
const bed = useTestBed()

const WIDTHS = [390, 1280] as const

/** The checks every screen gets, at both widths. */
const checkScreen = async (page: Page, screen: string): Promise<void> => {
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('cy-GB')
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 })
    // On a phone the workspace's navigation folds behind "Dewislen": its content is the screen.
    await expect.poll(() => englishStringsShown(page), { message: `English shown on ${screen} at ${width} px` }).toEqual([])
    await expect(overflowingText(page), `text overflowing on ${screen} at ${width} px`).resolves.toEqual([])
    await expectNoAxeViolations(page, `${screen} in Welsh at ${width} px`)
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

describe('Mutual in Welsh', () => {
  it('is chosen on the first screen, remembered, and shows the key screens in Welsh', async () => {
    const { page, errors } = await openFreshPage(bed)
    // The browser is en-US: English until someone chooses.
    await page.getByRole('heading', { level: 1, name: 'Welcome to Mutual' }).waitFor()
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en-GB')

    await page.getByRole('group', { name: 'Iaith / Language' }).getByRole('button', { name: 'Cymraeg' }).click()
    await page.getByRole('heading', { level: 1, name: 'Croeso i Mutual' }).waitFor()
    await expect(page.evaluate(() => document.getElementById('root')?.lang)).resolves.toBe('cy-GB')
    await checkScreen(page, 'the first run')
    await page.getByLabel('Eich enw').fill('Rhian Evans')
    await page.getByLabel('Cyngor neu sefydliad').fill('Cyngor Caerdydd')
    await page.getByRole('button', { name: 'Cadw a pharhau' }).click()

    // Workspace list
    await page.getByRole('heading', { level: 1, name: 'Eich gweithleoedd' }).waitFor()
    await checkScreen(page, 'the workspace list')

    // A new workspace and its overview
    await page.getByRole('link', { name: 'Gweithle newydd' }).click()
    await page.getByLabel('Enw’r labordy').fill('Labordy tlodi bwyd')
    await page.getByLabel('Cyngor arweiniol').fill('Cyngor Caerdydd')
    await page.getByRole('button', { name: 'Creu gweithle' }).click()
    await page.getByRole('heading', { level: 1, name: 'Labordy tlodi bwyd' }).waitFor()
    await page.getByRole('navigation', { name: 'Gweithle' }).getByRole('link', { name: 'Trosolwg' }).waitFor()
    await checkScreen(page, 'the overview')

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
    await checkScreen(page, 'the editor')

    // History of that note
    const noteUrl = page.url()
    await page.goto(`${noteUrl}/history`)
    await page.getByRole('heading', { level: 1, name: 'Hanes “Sgwrs gyda’r banc bwyd”' }).waitFor()
    await checkScreen(page, 'the history')
    await page.goto(noteUrl)
    await text.waitFor()

    // The partner map
    await page.getByRole('button', { name: 'Dechrau’r map partneriaid' }).click()
    await page.getByRole('heading', { level: 1, name: 'Map partneriaid' }).waitFor()
    await checkScreen(page, 'the partner map')

    // Remembered on this device: a reload stays in Welsh
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Map partneriaid' }).waitFor()
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('cy-GB')

    // The header's switch goes back to English at once
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Overview' }).waitFor()
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en-GB')
    expect(errors).toEqual([])
  })
})
