/**
 * Issue 16, search: one field in the workspace's toolbar finds text as it is typed, grouped by
 * kind with the matching words marked; the keyboard moves through the results and opening one
 * marks the match in the editor, with the caret before it (typing replaces none of it). A note written in a second Chromium process (joined by
 * invitation, synced peer to peer) becomes searchable without reloading. axe-clean at 1280 and
 * 390 px, where the search stays in reach above the folded navigation.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { createNoteThroughUi, noteText } from './support/editor-driver'
import { joinByLink, readInviteLink, waitForSyncLabel } from './support/signalling-peers'
import { useSyncedPeers } from './support/synced-peers'

const { peers: [asha, ben] } = useSyncedPeers(['Asha', 'Ben'])

/** Waits for a condition as long as a busy machine needs; never a measure of speed. */
const until = { timeout: 60_000 }

const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search this workspace' })
const results = (page: Page) => page.getByRole('listbox', { name: 'Search results' })

/** The words marked in the text as the match a search result led to, or null. */
const foundMatch = (page: Page): Promise<string | null> =>
  page.evaluate(() => {
    const marked = [...document.querySelectorAll('.ProseMirror .found-match')]
    return marked.length > 0 ? marked.map((el) => el.textContent).join('') : null
  })

/** A new note with one line of text typed into it. */
const writeNote = async (page: Page, title: string, text: string): Promise<void> => {
  await createNoteThroughUi(page, 'Meeting', title)
  await noteText(page).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(text)
}

describe('searching a workspace', () => {
  it('finds words as they are typed, accents and case aside, grouped by kind with the matches marked', async () => {
    const page = asha.page
    await setUpProfile(page, { name: 'Asha Patel', organisation: 'Oldham Council' })
    await createWorkspaceThroughUi(page, { name: 'Energy lab', leadCouncil: 'Oldham Council' })
    await writeNote(page, 'Site visit', 'We met the community energy group on Ynys Môn about solar panels on the school roof.')
    await writeNote(page, 'Interview with the energy officer', 'Grid connections take two years.')

    await searchBox(page).fill('ynys mon')
    await expect.poll(() => results(page).getByRole('option').count(), until).toBe(1)
    const notes = results(page).getByRole('group', { name: 'Notes' })
    await expect.poll(() => notes.getByRole('option').first().locator('mark').allInnerTexts(), until).toEqual(['Ynys', 'Môn'])
    await page.getByRole('status').filter({ hasText: '1 result.' }).waitFor()
    expect(await searchBox(page).getAttribute('aria-expanded')).toBe('true')

    // Prefix and fuzzy: "energ" finds both notes, "enrgy panls" the one about panels.
    await searchBox(page).fill('energ')
    await expect.poll(() => notes.getByRole('option').count(), until).toBe(2)
    await searchBox(page).fill('enrgy panls')
    await expect.poll(() => notes.getByRole('option').allInnerTexts(), until).toEqual([expect.stringContaining('Site visit')])
    await expectNoAxeViolations(page, 'search results at 1280 px')
  })

  it('is driven by the keyboard: / focuses it, arrows move through results, Enter opens one with the match marked', async () => {
    const page = asha.page
    await page.getByRole('link', { name: 'Interview with the energy officer' }).click()
    await noteText(page).click()
    // "/" while writing is a slash in the text, not a shortcut: leave the text first.
    await page.getByRole('heading', { level: 1 }).first().click()
    await page.keyboard.press('/')
    await expect.poll(() => searchBox(page).evaluate((el) => el === document.activeElement), until).toBe(true)
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    expect(await searchBox(page).inputValue()).toBe('')
    await page.keyboard.type('solar')
    await expect.poll(() => results(page).getByRole('option').count(), until).toBe(1)
    await page.keyboard.press('ArrowDown')
    const active = await searchBox(page).getAttribute('aria-activedescendant')
    expect(active).toBeTruthy()
    expect(await page.locator(`[id="${active}"]`).getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Site visit' }).waitFor()
    // The match is marked, with the caret before it: nothing is selected for the next key to replace.
    await expect.poll(() => foundMatch(page), until).toBe('solar')
    expect(await page.evaluate(() => document.getSelection()?.isCollapsed)).toBe(true)
    expect(await noteText(page).evaluate((el) => el.contains(document.activeElement))).toBe(true)
    // "/" again, as the search field invites, is a slash in the text: the words found stay.
    const before = await noteText(page).innerText()
    await page.keyboard.press('/')
    await expect.poll(() => noteText(page).innerText(), until).toBe(before.replace('solar', '/solar'))
    expect(await foundMatch(page)).toBe(null)
    await page.keyboard.press('Control+z')
    await expect.poll(() => noteText(page).innerText(), until).toBe(before)

    // Ctrl+K reaches the search from anywhere but the text (where it adds a link, as in word
    // processors); Escape closes the list, keeping the words.
    await page.getByRole('heading', { level: 1, name: 'Site visit' }).click()
    await page.keyboard.press('Control+k')
    await expect.poll(() => searchBox(page).evaluate((el) => el === document.activeElement), until).toBe(true)
    await expect.poll(() => searchBox(page).getAttribute('aria-expanded'), until).toBe('true')
    await page.keyboard.press('Escape')
    expect(await searchBox(page).getAttribute('aria-expanded')).toBe('false')
    expect(await searchBox(page).inputValue()).toBe('solar')
  })

  it('filters by kind and author', async () => {
    const page = asha.page
    await searchBox(page).fill('energy')
    await page.getByRole('button', { name: 'Filters', exact: true }).click()
    await page.getByRole('checkbox', { name: 'Board notes' }).check()
    await page.getByRole('status').filter({ hasText: 'No results with these filters.' }).waitFor()
    await page.getByRole('checkbox', { name: 'Notes', exact: true }).check()
    await page.getByLabel('Author').selectOption('Asha Patel')
    await searchBox(page).focus()
    await expect.poll(() => results(page).getByRole('option').count(), until).toBe(2)
    await expectNoAxeViolations(page, 'search filters')
    // Dates the wrong way round are said to be, on the fields, rather than left to an empty list.
    await page.getByLabel('From', { exact: true }).fill('2030-12-31')
    await page.getByLabel('To', { exact: true }).fill('2020-01-01')
    const backwards = page.getByRole('alert').filter({ hasText: 'The “To” date is before the “From” date' })
    await backwards.waitFor()
    expect(await page.getByLabel('To', { exact: true }).getAttribute('aria-invalid')).toBe('true')
    await expectNoAxeViolations(page, 'search dates the wrong way round')
    await page.getByLabel('From', { exact: true }).fill('2019-01-01')
    await backwards.waitFor({ state: 'detached' })
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await page.getByRole('button', { name: 'Filters (on)' }).waitFor({ state: 'detached' })
    await page.getByRole('button', { name: 'Filters', exact: true }).click()
  })

  it('finds a note written in another browser once it arrives', async () => {
    const link = await readInviteLink(asha.page)
    await joinByLink(ben, link, { name: 'Ben Okafor', organisation: 'Preston City Council' })
    await Promise.all([waitForSyncLabel(asha.page, 'Connected to 1 peer'), waitForSyncLabel(ben.page, 'Connected to 1 peer')])
    await searchBox(asha.page).fill('allotments')
    await asha.page.getByRole('status').filter({ hasText: 'No results.' }).waitFor()
    await writeNote(ben.page, 'Food growing', 'Waiting lists for allotments in Preston are four years long.')
    // The open search asks again as the change arrives: no typing needed.
    await expect
      .poll(() => results(asha.page).getByRole('group', { name: 'Notes' }).getByRole('option').allInnerTexts(), until)
      .toEqual([expect.stringContaining('Food growing')])
    await results(asha.page).getByRole('option').first().click()
    await asha.page.getByRole('heading', { level: 1, name: 'Food growing' }).waitFor()
    await expect.poll(() => foundMatch(asha.page), until).toBe('allotments')
  })

  it('stays in reach on a phone-sized screen, above the folded navigation', async () => {
    const page = asha.page
    await page.setViewportSize({ width: 390, height: 844 })
    await page.getByRole('button', { name: 'Menu' }).waitFor()
    await searchBox(page).fill('ynys')
    await expect.poll(() => results(page).getByRole('option').count(), until).toBe(1)
    const box = await results(page).getByRole('option').first().boundingBox()
    expect(box && box.x >= 0 && box.x + box.width <= 390 && box.height >= 24).toBe(true)
    await expectNoAxeViolations(page, 'search results at 390 px')

    // A list longer than its panel scrolls as the combobox's own list, which the arrow keys move
    // through: axe-clean without a tab stop of its own.
    await page.setViewportSize({ width: 390, height: 300 })
    await searchBox(page).fill('energ')
    await expect.poll(() => results(page).getByRole('option').count(), until).toBe(2)
    expect(await results(page).evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true)
    await expectNoAxeViolations(page, 'search results longer than their panel')
  })
})
