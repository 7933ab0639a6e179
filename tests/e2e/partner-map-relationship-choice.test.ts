/**
 * Choosing the other partner of a relationship, from a QA pass through the built app:
 * - "Add relationship" pressed with no other partner chosen did nothing at all. It now answers
 *   like every other form: a "There is a problem" summary that takes focus and links to the
 *   field (in English and in Welsh).
 * - The "Other partner" list showed "Newham Food Bank" three times. Names that repeat now say
 *   what tells them apart (type, then region, then contact); unique names stay as they are.
 *   A note's list of partners it mentions showed them alike too, and now says the same.
 */
import { describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi } from './support/app-driver'
import { createNoteThroughUi } from './support/editor-driver'
import { expectNoAxeViolations } from './support/axe'
import { addPartnerThroughUi, closeDialog, expectProblemSummary, otherPartnerChoices, partnerDialog } from './support/partner-map-driver'
import { openFreshPage, useTestBed } from './support/test-bed'

const bed = useTestBed()

describe('choosing the other partner of a relationship', () => {
  it('tells same-named partners apart and answers a missing choice with an error summary, in English and Welsh', async () => {
    const { page, errors } = await openFreshPage(bed, { name: 'Asha Patel', organisation: 'Newham Council' })
    await page.setViewportSize({ width: 1280, height: 900 })
    await createWorkspaceThroughUi(page, { name: 'Food security lab', leadCouncil: 'Newham Council' })
    await page.getByRole('button', { name: 'Start the partner map' }).click()
    await page.getByRole('heading', { level: 1, name: 'Partner map' }).waitFor()

    await closeDialog(await addPartnerThroughUi(page, { name: 'Newham Council', type: 'Council', region: 'London' }))
    await closeDialog(await addPartnerThroughUi(page, { name: 'Newham Food Bank', type: 'VCSE organisation', region: 'Stratford' }))
    await closeDialog(await addPartnerThroughUi(page, { name: 'Newham Food Bank', type: 'VCSE organisation', region: 'East Ham' }))
    await closeDialog(await addPartnerThroughUi(page, { name: 'Newham Food Bank', type: 'Supplier', region: 'Stratford' }))
    const age = await addPartnerThroughUi(page, { name: 'Age UK Newham', type: 'VCSE organisation', region: 'London' })

    // Only the repeated name carries details, and as few as tell the three apart.
    await expect(otherPartnerChoices(age).then((labels) => [...labels].sort())).resolves.toEqual([
      'Newham Council',
      'Newham Food Bank (Supplier, Stratford)',
      'Newham Food Bank (VCSE organisation, East Ham)',
      'Newham Food Bank (VCSE organisation, Stratford)'
    ])

    // Nothing chosen: the summary takes focus and its link leads to the field.
    const form = age.getByRole('form', { name: 'Add a relationship' })
    await form.getByRole('button', { name: 'Add relationship' }).click()
    await expectProblemSummary(form, { title: 'There is a problem', message: 'Choose the other partner', field: 'Other partner' })
    await expectNoAxeViolations(page, 'a relationship with no other partner chosen')

    // Chosen now: added, and the problem goes.
    await form.getByLabel('Other partner', { exact: true }).selectOption({ label: 'Newham Food Bank (VCSE organisation, East Ham)' })
    await form.getByRole('button', { name: 'Add relationship' }).click()
    await age.getByRole('heading', { name: 'Relationships (1)' }).waitFor()
    await form.getByRole('alert').waitFor({ state: 'detached' })
    await closeDialog(age)

    // A note's picker of the partners it mentions tells them apart the same way.
    await createNoteThroughUi(page, 'Site visit', 'Food bank visit')
    const picker = page.getByRole('group', { name: 'Partners mentioned' })
    const partner = picker.getByLabel('Partner', { exact: true })
    await expect
      .poll(() => partner.locator('option').allInnerTexts().then((labels) => labels.slice(1).map((label) => label.trim()).sort()))
      .toEqual([
        'Age UK Newham',
        'Newham Council',
        'Newham Food Bank (Supplier, Stratford)',
        'Newham Food Bank (VCSE organisation, East Ham)',
        'Newham Food Bank (VCSE organisation, Stratford)'
      ])
    await partner.selectOption({ label: 'Newham Food Bank (VCSE organisation, East Ham)' })
    await picker.getByRole('button', { name: 'Add partner' }).click()
    await picker.getByRole('link', { name: 'Newham Food Bank (VCSE organisation, East Ham)' }).waitFor()
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Partner map' }).click()
    await page.getByRole('heading', { level: 1, name: 'Partner map' }).waitFor()

    // The same in Welsh.
    await page.getByRole('banner').getByRole('button', { name: 'Cymraeg', exact: true }).click()
    await page.getByRole('table', { name: /^Partneriaid/ }).getByRole('button', { name: 'Newham Council', exact: true }).click()
    const council = partnerDialog(page, 'Newham Council')
    const choices = await otherPartnerChoices(council, 'Ychwanegu perthynas', 'Y partner arall')
    const foodBanks = choices.filter((label) => label.startsWith('Newham Food Bank'))
    expect(foodBanks).toHaveLength(3)
    expect(new Set(foodBanks).size).toBe(3)
    expect(foodBanks).toContain('Newham Food Bank (Cyflenwr, Stratford)')
    expect(choices).toContain('Age UK Newham')
    const ffurflen = council.getByRole('form', { name: 'Ychwanegu perthynas' })
    await ffurflen.getByRole('button', { name: 'Ychwanegu’r berthynas' }).click()
    await expectProblemSummary(ffurflen, { title: 'Mae problem', message: 'Dewiswch y partner arall', field: 'Y partner arall' })
    await expectNoAxeViolations(page, 'a relationship with no other partner chosen, in Welsh')

    expect(errors).toEqual([])
  })
})
