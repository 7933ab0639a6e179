import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations } from './support/axe'
import { englishStringsShown, overflowingText } from './support/language-checks'
import { openFreshPage, useTestBed } from './support/test-bed'

/**
 * Issue 16 (#12), completeness: the workspace's tools read in Welsh too, not only its main
 * screens. With Cymraeg chosen, the Sync menu and its connection settings, inviting people,
 * search with results and its filters, the Export menu and "Keeping this work safe" with this
 * device's checkpoints show no English catalogue string, are axe clean, and no text spills out
 * of its box on a phone (390 px) or a desktop (1280 px).
 */
const bed = useTestBed()

const WIDTHS = [390, 1280] as const

const checkScreen = async (page: Page, screen: string): Promise<void> => {
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('cy-GB')
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 })
    await expect.poll(() => englishStringsShown(page), { message: `English shown on ${screen} at ${width} px` }).toEqual([])
    await expect(overflowingText(page), `text overflowing on ${screen} at ${width} px`).resolves.toEqual([])
    await expectNoAxeViolations(page, `${screen} in Welsh at ${width} px`)
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

describe('Mutual’s tools in Welsh', () => {
  it('shows sync, connection settings, invitations, search, export and keeping work safe in Welsh', async () => {
    const { page, errors } = await openFreshPage(bed)
    await page.getByRole('group', { name: 'Iaith / Language' }).getByRole('button', { name: 'Cymraeg' }).click()
    await page.getByLabel('Eich enw').fill('Rhian Evans')
    await page.getByLabel('Cyngor neu sefydliad').fill('Cyngor Caerdydd')
    await page.getByRole('button', { name: 'Cadw a pharhau' }).click()
    await page.getByRole('link', { name: 'Gweithle newydd' }).click()
    await page.getByLabel('Enw’r labordy').fill('Labordy tlodi bwyd')
    await page.getByLabel('Cyngor arweiniol').fill('Cyngor Caerdydd')
    await page.getByRole('button', { name: 'Creu gweithle' }).click()
    await page.getByRole('heading', { level: 1, name: 'Labordy tlodi bwyd' }).waitFor()

    // A note to find and to export; its words are the person's own
    await page.getByRole('button', { name: 'Nodyn newydd' }).click()
    const newNote = page.getByRole('dialog', { name: 'Nodyn newydd' })
    await newNote.getByRole('radio', { name: 'Ymweliad safle' }).check()
    await newNote.getByLabel('Teitl').fill('Ymweliad â’r banc bwyd')
    await newNote.getByRole('button', { name: 'Creu nodyn' }).click()
    const text = page.getByRole('textbox', { name: 'Testun y nodyn' })
    await text.waitFor()
    await text.click()
    await page.keyboard.type('Volunteers at the food bank in Grangetown.')

    // The Export menu and its formats
    await page.getByRole('button', { name: 'Allforio', exact: true }).click()
    await page.getByRole('list', { name: 'Fformatau allforio' }).getByRole('button', { name: /Dogfen Word/ }).waitFor()
    await checkScreen(page, 'the Export menu')
    await page.keyboard.press('Escape')

    // Search with results, and its filters
    const search = page.getByRole('combobox', { name: 'Chwilio’r gweithle hwn' })
    await search.fill('grangetown')
    const results = page.getByRole('listbox', { name: 'Canlyniadau chwilio' })
    await results.getByRole('option', { name: /Ymweliad â’r banc bwyd/ }).waitFor()
    await page.getByRole('status').filter({ hasText: '1 canlyniad.' }).waitFor()
    await checkScreen(page, 'search results')
    await page.getByRole('button', { name: 'Hidlwyr', exact: true }).click()
    await page.getByRole('group', { name: 'Mathau (dim wedi’u dewis: y cyfan)' }).waitFor()
    await checkScreen(page, 'the search filters')
    await page.getByRole('button', { name: 'Hidlwyr', exact: true }).click()
    await search.focus()
    await search.press('Escape')
    await results.waitFor({ state: 'hidden' })

    // The Sync menu and its connection settings
    await page.getByRole('button', { name: /^Cysoni/ }).click()
    const sync = page.getByRole('dialog', { name: 'Cysoni' })
    await sync.getByRole('heading', { name: 'Cysylltiad' }).waitFor()
    await sync.getByText('Gosodiadau cysylltu', { exact: true }).click()
    await sync.getByRole('button', { name: 'Cadw’r gosodiadau cysylltu' }).waitFor()
    await sync.getByRole('button', { name: 'Ychwanegu gweinydd STUN neu TURN' }).click()
    await sync.getByRole('group', { name: 'Gweinydd STUN neu TURN 1' }).waitFor()
    await checkScreen(page, 'the Sync menu and connection settings')
    // A refusal of the settings is in Welsh too
    await sync.getByLabel('Cyfeiriadau').fill('https://example.invalid')
    await sync.getByRole('button', { name: 'Cadw’r gosodiadau cysylltu' }).click()
    await sync.getByText(/Gweinydd STUN neu TURN 1: Rhowch gyfeiriad STUN neu TURN/).first().waitFor()
    await checkScreen(page, 'a refused connection setting')
    await sync.getByRole('button', { name: 'Cau', exact: true }).click()

    // Inviting people
    await page.getByRole('button', { name: 'Gwahodd pobl' }).click()
    const invite = page.getByRole('dialog', { name: 'Gwahodd pobl' })
    await invite.getByLabel('Dolen wahodd', { exact: true }).waitFor()
    await invite.getByRole('img', { name: 'Cod QR y ddolen wahodd' }).waitFor()
    await checkScreen(page, 'inviting people')
    await invite.getByRole('button', { name: 'Cau', exact: true }).click()

    // Keeping this work safe, backups and this device's checkpoints, on the overview
    await page.getByRole('navigation', { name: 'Gweithle' }).getByRole('link', { name: 'Trosolwg' }).click()
    await page.getByRole('region', { name: 'Cadw’r gwaith hwn yn ddiogel' }).getByRole('button', { name: 'Lawrlwytho copi wrth gefn' }).waitFor()
    await page.getByRole('region', { name: 'Adfer y gweithle fel yr oedd' }).waitFor()
    await checkScreen(page, 'keeping this work safe')
    expect(errors).toEqual([])
  })
})
