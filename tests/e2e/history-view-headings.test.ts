/**
 * A version of a note, viewed in its History: the panel's title is an <h2>, and the note's own
 * headings follow on from it without skipping a level. A note whose headings start at level 2
 * had them shown as <h4>s straight under the <h2> (axe heading-order).
 *
 * QA (a report with a photo): a photo was left out of a version, viewed or compared (an empty
 * box), so a photo removed since did not show as removed. It reads "Photo: " and its alt text.
 * QA (Welsh): who added or removed a change was said in English ("removed by …") in Welsh.
 * QA (Welsh): the note's text, viewed or compared, took the Welsh interface's lang, so a screen
 * reader read English text by Welsh rules; it is marked as content (lang="") as in the editor.
 * QA (Welsh): the hover text of a compared change ("tynnwyd gan …") took the text's lang="".
 * QA (a report with a table): compared, a table had no borders, and one added since drew a
 * stray bar (and an "(added by …)") in each empty cell.
 */
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations } from './support/axe'
import { ASHA, FOOD_LAB, createNoteThroughUi, noteText, openLab, toolbarButton, caretAtEndOf } from './support/editor-driver'
import { collectPageErrors } from './support/app-driver'
import { describePhoto, dropPhotoOnNote } from './support/photo-driver'
import { useTestBed } from './support/test-bed'

const bed = useTestBed()
const NOTE = 'Library visit'
const VERSION = 'Before the workshop'
const ALT = 'Two librarians at the issue desk'

const sidebarLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name, exact: true })

/** The heading levels inside a region, in reading order: [3, 4] for an <h3> then an <h4>. */
const headingLevels = (page: Page, region: string): Promise<number[]> =>
  page
    .getByRole('region', { name: region })
    .evaluate((el) => [...el.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName.slice(1))))

/** The language an element is read in: the `lang` of it or its nearest ancestor that has one. */
const langOf = (locator: Locator): Promise<string | undefined> =>
  locator.evaluate((el) => el.closest<HTMLElement>('[lang]')?.lang)

describe('a version of a note, viewed in History', () => {
  it('shows the note’s headings one level below the panel’s title, and passes axe', async () => {
    const page = await openLab(bed.browser, bed.server.url, ASHA, FOOD_LAB)
    const errors = collectPageErrors(page)
    await createNoteThroughUi(page, 'Desk research', NOTE)
    // The note's own words in place of the template's: headings of level 2 and 3 only.
    const editor = noteText(page)
    await editor.click()
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.press('Delete')
    await page.keyboard.type('## Opening hours')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Open late on Thursdays.')
    await page.keyboard.press('Enter')
    await page.keyboard.type('### Staff')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Two librarians know the warm spaces scheme.')
    await editor.locator('[data-level="3"]', { hasText: 'Staff' }).waitFor()
    // A table: its header row filled in, its two rows below left empty.
    await toolbarButton(page, 'Insert table').click()
    for (const [i, header] of ['Day', 'Hours', 'Staff on'].entries()) {
      if (i > 0) await page.keyboard.press('Tab')
      await page.keyboard.type(header)
    }
    await editor.locator('table th', { hasText: 'Staff on' }).waitFor()
    expect(await editor.locator('[data-level="2"]', { hasText: 'Opening hours' }).count()).toBe(1)
    expect(await dropPhotoOnNote(page, { name: 'desk.jpg', type: 'image/jpeg', width: 640, height: 480 })).toBe(true)
    await describePhoto(page, ALT)
    await editor.getByRole('img', { name: ALT }).waitFor()

    await sidebarLink(page, 'Overview').click()
    await page.getByLabel('Name this version').fill(VERSION)
    await page.getByRole('button', { name: 'Save version' }).click()
    await page.getByRole('status').filter({ hasText: `Saved version “${VERSION}”.` }).waitFor()

    await sidebarLink(page, NOTE).click()
    await noteText(page).waitFor()
    await page.getByRole('link', { name: 'History', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: `History of “${NOTE}”` }).waitFor()
    await page.getByRole('button', { name: `View ${VERSION}`, exact: true }).click()
    const asItWas = page.getByRole('region', { name: `As it was in “${VERSION}”` })
    await asItWas.getByText('Two librarians know').waitFor()

    await expectNoAxeViolations(page, 'a version of a note viewed in History')
    expect(await headingLevels(page, `As it was in “${VERSION}”`)).toEqual([2, 3, 4])
    await asItWas.getByText(`Photo: ${ALT}`, { exact: true }).waitFor()

    // The photo taken out of the note: compared with now, it shows as removed, by whom.
    await sidebarLink(page, NOTE).click()
    await editor.getByRole('img', { name: ALT }).click()
    await page.keyboard.press('Backspace')
    await expect.poll(() => editor.getByRole('img', { name: ALT }).count()).toBe(0)
    await page.keyboard.type('Closed on Sundays.')
    await editor.getByText('Closed on Sundays.').waitFor()
    // A second table, added since the version, again with only its header row filled in.
    await caretAtEndOf(editor, 'Open late on Thursdays.')
    await page.keyboard.press('Enter')
    await toolbarButton(page, 'Insert table').click()
    for (const [i, header] of ['Room', 'Seats', 'Booked by'].entries()) {
      if (i > 0) await page.keyboard.press('Tab')
      await page.keyboard.type(header)
    }
    await editor.locator('table th', { hasText: 'Booked by' }).waitFor()
    await page.getByRole('link', { name: 'History', exact: true }).click()
    await page.getByRole('button', { name: `Compare with now: ${VERSION}`, exact: true }).click()
    const changes = page.getByRole('region', { name: `Changes since “${VERSION}”` })
    await expect.poll(() => changes.locator('del').allTextContents()).toEqual([`Photo: ${ALT} (removed by ${ASHA.name})`])
    // Both tables read as tables, bordered as in the editor, their empty cells empty. The one
    // added since is marked once (its edge, and its caption for screen readers), not with a
    // stray bar and "(added by …)" in every empty cell.
    const kept = changes.locator('table', { hasText: 'Staff on' })
    const addedTable = changes.locator('table', { hasText: 'Booked by' })
    for (const table of [kept, addedTable]) {
      expect(await table.locator('th').allTextContents()).toHaveLength(3)
      const cells = table.locator('td')
      expect(await cells.allTextContents()).toEqual(['', '', '', '', '', ''])
      const drawn = await cells.first().evaluate((td) => {
        const style = getComputedStyle(td)
        return { border: `${style.borderTopWidth} ${style.borderTopStyle}`, height: td.getBoundingClientRect().height }
      })
      expect(drawn.border).toBe('1px solid')
      expect(drawn.height).toBeGreaterThan(20)
    }
    expect(await kept.evaluate((table) => table.querySelectorAll('.block-added, .block-removed, caption').length)).toBe(0)
    expect(await addedTable.evaluate((table) => table.querySelectorAll('.block-added, .block-removed').length)).toBe(0)
    expect(await addedTable.getAttribute('class')).toBe('block-added')
    expect(await addedTable.locator('caption').textContent()).toBe(`(added by ${ASHA.name})`)
    await expectNoAxeViolations(page, 'a version of a note with a photo compared with now')
    // In Welsh, who made each change is said in Welsh too, to screen readers and on hover.
    await page.getByRole('button', { name: 'Cymraeg' }).click()
    const removed = page.locator('del.change')
    await expect.poll(() => removed.allTextContents()).toEqual([`Llun: ${ALT} (tynnwyd gan ${ASHA.name})`])
    expect(await removed.getAttribute('title')).toBe(`tynnwyd gan ${ASHA.name}`)
    // The person's words take no language (content-lang.ts); Mutual's words the interface's.
    const newidiadau = page.getByRole('region', { name: `Newidiadau ers “${VERSION}”` })
    expect(await langOf(newidiadau.getByText('Two librarians know'))).toBe('')
    expect(await langOf(newidiadau.getByText(ALT, { exact: true }))).toBe('')
    expect(await langOf(newidiadau.locator('.compare-attachment'))).toBe('cy-GB')
    expect(await langOf(newidiadau.getByText(`(tynnwyd gan ${ASHA.name})`))).toBe('cy-GB')
    // Text added since: its hover text is Mutual's words, marked with their language like the
    // words screen readers hear, while the added text itself keeps the person's (none given).
    const added = newidiadau.locator('ins.change', { hasText: 'Closed on Sundays.' })
    expect(await added.getAttribute('title')).toBe(`ychwanegwyd gan ${ASHA.name}`)
    expect(await langOf(added)).toBe('cy-GB')
    expect(await langOf(newidiadau.getByText('Closed on Sundays.', { exact: true }))).toBe('')
    await page.getByRole('button', { name: 'English' }).click()
    expect(errors).toEqual([])
  })
})
