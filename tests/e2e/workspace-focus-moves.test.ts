/**
 * Where focus goes, and whether a person can see it, in a large lab on a desktop screen
 * (1280×900): a page opened from far down the sidebar, the skip link past the sidebar, "Show
 * all" on a long list, and actions that take away the button pressed (Move to bin, Restore,
 * Clear filters). Each must leave focus on something on the screen, never on the page itself.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { describeFocus, tabTo } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { notesWorkspaceFile } from './support/notes-workspace-file'
import { openFreshPage, useTestBed } from './support/test-bed'

const bed = useTestBed()
const LAB = 'Coastal towns lab'
const NOTES = Array.from({ length: 200 }, (_, i) => ({ title: `Harbour note ${i + 1}`, text: `Visit ${i + 1} to the harbour.` }))

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Workspace' })
const notes = (page: Page) => sidebar(page).getByRole('region', { name: /^Notes \(/ })

/** A fresh device with the 200-note lab imported, on its overview. */
const openLargeLab = async (): Promise<{ page: Page; errors: string[] }> => {
  const opened = await openFreshPage(bed, { name: 'Hannah Clarke', organisation: 'Plymouth City Council' })
  await opened.page.setViewportSize({ width: 1280, height: 900 })
  const { file } = notesWorkspaceFile(LAB, NOTES)
  await opened.page.getByLabel('Import a workspace file').setInputFiles({ name: 'coastal.mutual', mimeType: 'application/octet-stream', buffer: file })
  await opened.page.getByRole('heading', { level: 1, name: LAB }).waitFor()
  await sidebar(opened.page).getByRole('region', { name: 'Notes (200)' }).waitFor()
  return opened
}

/** Whether the focused element is wholly on the screen. */
const focusOnScreen = (page: Page): Promise<boolean> =>
  page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return false
    const box = el.getBoundingClientRect()
    return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0
  })

const focusedTitle = (page: Page): Promise<string | null | undefined> => page.evaluate(() => document.activeElement?.textContent?.trim())

describe('focus in a large lab on a desktop screen', () => {
  it('shows all notes from the first one added, opens a note at its top, and skips past the sidebar', async () => {
    const { page, errors } = await openLargeLab()
    const titles = NOTES.map((n) => n.title)

    // "Show all 200 notes" by keyboard: focus goes on to the first note added, in view, not
    // stays on a button now 200 items further down.
    await sidebar(page).getByRole('link', { name: 'Overview' }).focus()
    await tabTo(page, 'Show all 200 notes', 120)
    await page.keyboard.press('Enter')
    await expect.poll(() => notes(page).getByRole('link').count()).toBe(200)
    const added = await notes(page).getByRole('link').nth(25).innerText()
    expect(titles).toContain(added)
    await expect.poll(() => focusedTitle(page)).toBe(added)
    expect(await describeFocus(page)).toMatchObject({ tag: 'a', visible: true })
    expect(await focusOnScreen(page)).toBe(true)

    // Further down the sidebar, a note opened by keyboard opens at its top, heading focused.
    await tabTo(page, /^Harbour note/, 60)
    for (let i = 0; i < 30; i++) await page.keyboard.press('Tab')
    const chosen = await focusedTitle(page)
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: chosen ?? '' }).waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
    await expect.poll(() => focusOnScreen(page)).toBe(true)

    // The same with a pointer, from the overview scrolled far down.
    await sidebar(page).getByRole('link', { name: 'Overview' }).click()
    await page.getByRole('heading', { level: 1, name: LAB }).waitFor()
    const far = notes(page).getByRole('link', { name: titles[150], exact: true })
    await far.scrollIntoViewIfNeeded()
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000)
    await far.click()
    await page.getByRole('heading', { level: 1, name: titles[150] }).waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
    await expect.poll(() => focusOnScreen(page)).toBe(true)

    // "Skip to main content" lands past the sidebar's 200 links: the next Tab is in the page.
    await page.getByRole('link', { name: 'Mutual', exact: true }).focus()
    await tabTo(page, 'Skip to main content', 3, 'Shift+Tab')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    const next = await page.evaluate(() => {
      const el = document.activeElement
      return { inNav: el?.closest('nav') !== null, inMain: el?.closest('main') !== null }
    })
    expect(next).toEqual({ inNav: false, inMain: true })
    expect((await describeFocus(page)).visible).toBe(true)
    await expectNoAxeViolations(page, 'a note of a large lab, all notes listed')
    expect(errors).toEqual([])
  })

  it('keeps focus in the list after Move to bin, in the bin after Restore, and on the filters after Clear filters', async () => {
    const { page, errors } = await openLargeLab()
    const listed = notes(page).getByRole('link')
    const [gone, after, alsoGone] = await Promise.all([listed.nth(12).innerText(), listed.nth(13).innerText(), listed.nth(20).innerText()])

    // Move to bin from the overview: focus goes to the note that took its place, on screen.
    for (const title of [gone, alsoGone]) {
      await sidebar(page).getByRole('button', { name: `Manage “${title}”` }).click()
      await page.getByRole('button', { name: 'Move to bin' }).click()
      await page.getByRole('dialog').waitFor({ state: 'hidden' })
    }
    await expect.poll(() => notes(page).getByRole('link', { name: gone, exact: true }).count()).toBe(0)
    await sidebar(page).getByRole('button', { name: `Manage “${gone === after ? alsoGone : after}”` }).waitFor()
    await page.getByRole('status').filter({ hasText: alsoGone }).waitFor({ state: 'attached' })
    // The second bin move: its neighbour in the list has focus.
    const neighbour = await page.evaluate(() => document.activeElement?.tagName)
    expect(neighbour).toBe('A')
    expect(await focusOnScreen(page)).toBe(true)
    expect(await page.evaluate(() => document.activeElement?.closest('nav') !== null)).toBe(true)

    // Restore from the bin: focus stays in the bin, on the next item's Restore, then on the bin.
    const bin = sidebar(page).getByRole('region', { name: 'Bin' })
    await bin.getByRole('button', { name: 'Show bin' }).click()
    await bin.getByRole('button', { name: /^Restore/ }).first().click()
    await expect.poll(() => bin.getByRole('button', { name: /^Restore/ }).count()).toBe(1)
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')).toMatch(/^Restore/)
    await bin.getByRole('button', { name: /^Restore/ }).click()
    await bin.getByRole('heading', { name: 'Bin (0)' }).waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY')
    expect(await focusOnScreen(page)).toBe(true)

    // Clear filters, by keyboard: the button goes disabled; focus goes to the first filter.
    await page.getByRole('combobox', { name: 'Search this workspace' }).fill('harbour')
    await page.getByRole('button', { name: 'Filters', exact: true }).click()
    await page.getByRole('checkbox', { name: 'Reports' }).check()
    await page.getByRole('checkbox', { name: 'Reports' }).focus()
    await tabTo(page, 'Clear filters', 20)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT')
    expect(await describeFocus(page)).toMatchObject({ name: 'Notes', visible: true })
    expect(await page.getByRole('checkbox', { name: 'Reports' }).isChecked()).toBe(false)
    expect(errors).toEqual([])
  })
})
