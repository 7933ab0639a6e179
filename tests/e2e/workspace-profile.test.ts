import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openFreshPage, useTestBed } from './support/test-bed'
import { expectNoAxeViolations } from './support/axe'
import { createWorkspaceThroughUi, goToWorkspaceList, setUpProfile } from './support/app-driver'
import { addRow, readRows } from './support/indexeddb-probes'

const bed = useTestBed()

/** The colour an element is painted with, as the browser reports it. */
const backgroundOf = (page: Page, selector: string): Promise<string> =>
  page.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor)

describe('profile', () => {
  it('is set up on first run with name, organisation (with suggestions) and colour; mistakes are shown and announced', async () => {
    const { page, errors } = await openFreshPage(bed)
    await page.getByRole('heading', { level: 1, name: 'Welcome to Mutual' }).waitFor()
    expect(await page.title()).toBe('Welcome to Mutual — Mutual')
    await expectNoAxeViolations(page, 'first-run profile')

    // Suggestions come from the known CCIN members, offered through the field's datalist.
    const organisation = page.getByLabel('Council or organisation')
    const listId = await organisation.getAttribute('list')
    expect(listId).toBeTruthy()
    const suggestions = await page.locator(`datalist#${listId} option`).evaluateAll((options) =>
      options.map((o) => (o as HTMLOptionElement).value)
    )
    expect(suggestions).toContain('Oldham Council')
    expect(suggestions.length).toBeGreaterThan(20)

    // Nothing filled in: the summary says what is wrong, takes focus and is an alert.
    await page.getByRole('button', { name: 'Save and continue' }).click()
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' })
    await summary.waitFor()
    expect(await summary.innerText()).toContain('Enter your name')
    expect(await summary.innerText()).toContain('Enter your council or organisation')
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true)
    const name = page.getByLabel('Your name')
    expect(await name.getAttribute('aria-invalid')).toBe('true')
    const describedBy = (await name.getAttribute('aria-describedby')) ?? ''
    const description = await page.locator(describedBy.split(' ').map((id) => `#${id}`).join(', ')).allInnerTexts()
    expect(description.join(' ')).toContain('Enter your name')
    await expectNoAxeViolations(page, 'first-run profile with errors')
    // Each problem in the summary leads to its field, from the keyboard too.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Enter your name')
    await page.keyboard.press('Enter')
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true)
    await summary.getByRole('link', { name: 'Enter your council or organisation' }).click()
    await expect.poll(() => organisation.evaluate((el) => el === document.activeElement)).toBe(true)

    await name.fill('Asha Patel')
    await organisation.fill('Oldham Council')
    await page.getByRole('radio', { name: 'Green' }).check()
    await page.getByRole('button', { name: 'Save and continue' }).click()
    await page.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor()

    const chip = page.getByRole('link', { name: 'Your profile: Asha Patel' })
    await chip.waitFor()
    expect(await backgroundOf(page, '.profile-chip .avatar')).toBe('rgb(4, 120, 87)')
    await expectNoAxeViolations(page, 'workspace list, empty')
    expect(errors).toEqual([])
  })

  it('is edited later from the header chip, with the same checks, and the change is kept', async () => {
    const { page, errors } = await openFreshPage(bed)
    await setUpProfile(page, { name: 'Ben Okafor', organisation: 'Preston City Council', colour: 'Teal' })

    await page.getByRole('link', { name: 'Your profile: Ben Okafor' }).click()
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor()
    expect(await page.getByLabel('Your name').inputValue()).toBe('Ben Okafor')
    expect(await page.getByLabel('Council or organisation').inputValue()).toBe('Preston City Council')
    expect(await page.getByRole('radio', { name: 'Teal' }).isChecked()).toBe(true)
    await expectNoAxeViolations(page, 'profile page')

    await page.getByLabel('Your name').fill('   ')
    await page.getByRole('button', { name: 'Save profile' }).click()
    await page.getByRole('alert').filter({ hasText: 'Enter your name' }).waitFor()
    await expectNoAxeViolations(page, 'profile page with errors')

    await page.getByLabel('Your name').fill('Ben O. Okafor')
    await page.getByLabel('Council or organisation').fill('Salford City Council')
    await page.getByRole('radio', { name: 'Purple' }).check()
    // Saved from the keyboard: focus stays on the button while it saves and after.
    await page.getByRole('button', { name: 'Save profile' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('status').filter({ hasText: 'Profile saved' }).waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Save profile')
    await page.getByRole('link', { name: 'Your profile: Ben O. Okafor' }).waitFor()
    expect(await backgroundOf(page, '.profile-chip .avatar')).toBe('rgb(126, 34, 206)')

    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor()
    await page.getByRole('link', { name: 'Your profile: Ben O. Okafor' }).waitFor()
    expect(await page.getByLabel('Your name').inputValue()).toBe('Ben O. Okafor')
    expect(await page.getByLabel('Council or organisation').inputValue()).toBe('Salford City Council')
    expect(await page.getByRole('radio', { name: 'Purple' }).isChecked()).toBe(true)
    expect(errors).toEqual([])
  })

  it('explains an invalid stored profile, pre-fills what was valid and leaves workspaces untouched', async () => {
    const { page, errors } = await openFreshPage(bed)
    await setUpProfile(page, { name: 'Carys Evans', organisation: 'Cardiff Council', colour: 'Red' })
    await createWorkspaceThroughUi(page, { name: 'Cardiff housing lab', leadCouncil: 'Cardiff Council' })
    const [stored] = (await readRows(page, 'mutual-registry', 'settings')) as { id: string }[]
    expect(stored?.id).toMatch(/^[0-9a-f]{32}$/)

    // As if written by a faulty build: the name is empty and the colour is not one we offer.
    await addRow(page, 'mutual-registry', 'settings', {
      value: { id: stored?.id, name: '', organisation: 'Cardiff Council', colour: 'hotpink' }
    }, 'profile')
    await page.reload()

    await page.getByRole('heading', { level: 1, name: 'Check your profile' }).waitFor()
    const alert = page.getByRole('alert').filter({ hasText: 'Your saved profile could not be read' })
    await alert.waitFor()
    expect(await alert.innerText()).toContain('Could not read your name and your colour.')
    expect(await alert.innerText()).toContain('Your workspaces on this device are not affected.')
    expect(await page.getByLabel('Your name').inputValue()).toBe('')
    expect(await page.getByLabel('Council or organisation').inputValue()).toBe('Cardiff Council')
    await expectNoAxeViolations(page, 'invalid stored profile')

    await page.getByLabel('Your name').fill('Carys Evans')
    await page.getByRole('radio', { name: 'Red' }).check()
    await page.getByRole('button', { name: 'Save and continue' }).click()
    // Back where they were (the workspace), with everything in it as it was.
    await page.getByRole('heading', { level: 1, name: 'Cardiff housing lab' }).waitFor()
    expect(await page.locator('dl.overview-details').innerText()).toContain('Cardiff Council')
    await goToWorkspaceList(page)
    await page.getByRole('link', { name: 'Cardiff housing lab' }).waitFor()
    // The person keeps their member id, so they stay one member in every workspace.
    const [repaired] = (await readRows(page, 'mutual-registry', 'settings')) as { id: string; name: string }[]
    expect(repaired).toMatchObject({ id: stored?.id, name: 'Carys Evans', colour: '#b91c1c' })
    expect(errors).toEqual([])
  })
})
