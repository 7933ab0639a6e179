import { describe, expect, it } from 'vitest'
import { openFreshPage, useTestBed } from './support/test-bed'
import { checkWelshScreen } from './support/welsh-screen-check'

/**
 * Issue 16 (#12), completeness: the workspace's tools read in Welsh too, not only its main
 * screens. With Cymraeg chosen, the Sync menu and its connection settings, inviting people, following an invitation,
 * search with results and its filters, the Export menu and "Keeping this work safe" with this
 * device's checkpoints show no English catalogue string, are axe clean, and no text spills out
 * of its box on a phone (390 px) or a desktop (1280 px).
 */
const bed = useTestBed()

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
    await newNote.getByRole('radio', { name: 'Ymweliad safle', exact: true }).check()
    await newNote.getByLabel('Teitl').fill('Ymweliad â’r banc bwyd')
    await newNote.getByRole('button', { name: 'Creu nodyn' }).click()
    const text = page.getByRole('textbox', { name: 'Testun y nodyn' })
    await text.waitFor()
    await text.click()
    await page.keyboard.type('Volunteers at the food bank in Grangetown.')

    // The Export menu and its formats
    await page.getByRole('button', { name: 'Allforio', exact: true }).click()
    await page.getByRole('list', { name: 'Fformatau allforio' }).getByRole('button', { name: /Dogfen Word/ }).waitFor()
    await checkWelshScreen(page, 'the Export menu')
    await page.keyboard.press('Escape')

    // Search with results, and its filters
    const search = page.getByRole('combobox', { name: 'Chwilio’r gweithle hwn' })
    await search.fill('grangetown')
    const results = page.getByRole('listbox', { name: 'Canlyniadau chwilio' })
    await results.getByRole('option', { name: /Ymweliad â’r banc bwyd/ }).waitFor()
    await page.getByRole('status').filter({ hasText: '1 canlyniad.' }).waitFor()
    await checkWelshScreen(page, 'search results')
    await page.getByRole('button', { name: 'Hidlwyr', exact: true }).click()
    await page.getByRole('group', { name: 'Mathau (dim wedi’u dewis: y cyfan)' }).waitFor()
    await checkWelshScreen(page, 'the search filters')
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
    await checkWelshScreen(page, 'the Sync menu and connection settings')
    // A refusal of the settings is in Welsh too
    await sync.getByLabel('Cyfeiriadau').fill('https://example.invalid')
    await sync.getByRole('button', { name: 'Cadw’r gosodiadau cysylltu' }).click()
    await sync.getByText(/Gweinydd STUN neu TURN 1: Rhowch gyfeiriad STUN neu TURN/).first().waitFor()
    await checkWelshScreen(page, 'a refused connection setting')
    await sync.getByRole('button', { name: 'Cau', exact: true }).click()

    // Inviting people
    await page.getByRole('button', { name: 'Gwahodd pobl' }).click()
    const invite = page.getByRole('dialog', { name: 'Gwahodd pobl' })
    await invite.getByLabel('Dolen wahodd', { exact: true }).waitFor()
    await invite.getByRole('img', { name: 'Cod QR y ddolen wahodd' }).waitFor()
    await checkWelshScreen(page, 'inviting people')
    const link = await invite.getByLabel('Dolen wahodd', { exact: true }).inputValue()
    await invite.getByRole('button', { name: 'Cau', exact: true }).click()

    // Following the invitation on a device that already has the workspace
    const workspaceUrl = page.url()
    await page.goto(link)
    await page.getByRole('heading', { level: 1, name: 'Mae’r gweithle hwn gennych yn barod' }).waitFor()
    await checkWelshScreen(page, 'joining from an invitation')
    await page.goto(workspaceUrl)
    await page.getByRole('textbox', { name: 'Testun y nodyn' }).waitFor()

    // Keeping this work safe, backups and this device's checkpoints, on the overview
    await page.getByRole('navigation', { name: 'Gweithle' }).getByRole('link', { name: 'Trosolwg' }).click()
    await page.getByRole('region', { name: 'Cadw’r gwaith hwn yn ddiogel' }).getByRole('button', { name: 'Lawrlwytho copi wrth gefn' }).waitFor()
    await page.getByRole('region', { name: 'Adfer y gweithle fel yr oedd' }).waitFor()
    // The workspace's automatic version of the day is named in Welsh when shown, though stored in
    // English ("Start of …"). The day itself is Intl's: this Chromium's ICU may lack Welsh dates.
    await page.locator('.version-name').filter({ hasText: /^Dechrau \S/ }).first().waitFor()
    await checkWelshScreen(page, 'keeping this work safe and versions')
    expect(errors).toEqual([])
  })
})
