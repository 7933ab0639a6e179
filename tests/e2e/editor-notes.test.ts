import { describe, expect, it } from 'vitest'
import { useTestBed } from './support/test-bed'
import { expectNoAxeViolations } from './support/axe'
import { collectPageErrors } from './support/app-driver'
import {
  blockOutline,
  caretAtEndOf,
  createNoteThroughUi,
  noteText,
  openLab,
  selectText,
  settle,
  toolbar,
  toolbarButton
} from './support/editor-driver'

const bed = useTestBed()

describe('action-research notes', () => {
  it('creates an interview note from its template, formats text and keeps its details', async () => {
    const page = await openLab(bed.browser, bed.server.url)
    const errors = collectPageErrors(page)
    await expectNoAxeViolations(page, 'workspace overview with the notes sidebar')

    await page.getByRole('button', { name: 'New note' }).click()
    const dialog = page.getByRole('dialog', { name: 'New note' })
    await dialog.getByRole('radio', { name: 'Interview', exact: true }).check()
    // Each type offers its own template beside the blank note.
    await expect.poll(() => dialog.getByRole('radio', { name: /^Interview Context, key findings/ }).isChecked()).toBe(true)
    await expect.poll(() => dialog.getByRole('radio', { name: /^Blank note/ }).count()).toBe(1)
    await expectNoAxeViolations(page, 'new note dialog')
    await dialog.getByLabel('Title').fill('Interview at the food hub')
    await dialog.getByRole('button', { name: 'Create note' }).click()

    const editor = noteText(page)
    await editor.waitFor()
    await page.getByRole('heading', { level: 1, name: 'Interview at the food hub' }).waitFor()
    expect((await blockOutline(editor)).filter((line) => line.startsWith('h'))).toEqual([
      'h2: Context',
      'h2: Key findings',
      'h2: Quotes',
      'h2: Follow-ups'
    ])
    expect(await editor.locator('table th').allInnerTexts()).toEqual(['Quote', 'Who (role, not name)', 'Theme'])

    // Type under "Context", then format parts of it from the toolbar and the keyboard.
    await caretAtEndOf(editor, 'Context')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.type('We met the coordinator of the food hub on Market Street.')
    await selectText(editor, 'food hub')
    await toolbarButton(page, 'Bold').click()
    await expect.poll(() => editor.locator('strong').allInnerTexts()).toEqual(['food hub'])
    expect(await toolbarButton(page, 'Bold').getAttribute('aria-pressed')).toBe('true')
    await selectText(editor, 'coordinator')
    await page.keyboard.press('Control+i')
    await expect.poll(() => editor.locator('em').allInnerTexts()).toEqual(['coordinator'])
    await selectText(editor, 'Market Street')
    await toolbarButton(page, 'Underline').click()
    await expect.poll(() => editor.locator('u').allInnerTexts()).toEqual(['Market Street'])

    // Links: a script address is refused with a reason; a web address is accepted.
    await selectText(editor, 'food hub')
    await page.keyboard.press('Control+k')
    const linkDialog = page.getByRole('dialog', { name: 'Link' })
    await linkDialog.getByLabel('Link address').fill('javascript:alert(document.cookie)')
    await linkDialog.getByRole('button', { name: 'Save link' }).click()
    await linkDialog.getByText('Enter a web address').waitFor()
    await expectNoAxeViolations(page, 'link dialog with an error')
    await linkDialog.getByLabel('Link address').fill('www.oldham.gov.uk/food')
    await linkDialog.getByRole('button', { name: 'Save link' }).click()
    await linkDialog.waitFor({ state: 'hidden' })
    await settle(page)
    await expect.poll(() => editor.locator('a').getAttribute('href')).toBe('https://www.oldham.gov.uk/food')
    expect(await editor.locator('a').innerText()).toBe('food hub')

    // A heading, a list, a numbered list, a quote, a rule and a table from the toolbar.
    await caretAtEndOf(editor, 'We met the coordinator')
    await page.keyboard.press('Enter')
    await page.keyboard.type('What we saw')
    await toolbarButton(page, 'Heading 2').click()
    await expect.poll(() => editor.locator('h3').allInnerTexts()).toEqual(['What we saw'])
    expect(await toolbarButton(page, 'Heading 2').getAttribute('aria-pressed')).toBe('true')
    await page.keyboard.press('Enter')
    await toolbarButton(page, 'Numbered list').click()
    await page.keyboard.type('Queue at opening')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Volunteers greet everyone')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter') // leaves the list
    await toolbarButton(page, 'Quote').click()
    await page.keyboard.type('Nobody judges you here.')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await toolbarButton(page, 'Horizontal line').click()
    await toolbarButton(page, 'Insert table').click()
    await page.keyboard.type('Council')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Hubs')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Since')
    await expect.poll(() => toolbar(page).getByRole('button', { name: 'Add row' }).count()).toBe(1)
    // In a table Tab moves between cells, so Alt+F10 takes the keyboard to the table tools,
    // for the row the caret is in (QA: only the first row's could be reached, from its first cell).
    await page.keyboard.press('Tab')
    await page.keyboard.type('Oldham')
    await toolbar(page).getByText('Alt+F10 comes to these tools').waitFor()
    await page.keyboard.press('Alt+F10')
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role="toolbar"]') !== null)).toBe(true)
    for (let i = 0; i < 30 && (await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) !== 'Delete row'; i++) {
      await page.keyboard.press('ArrowRight')
    }
    await page.keyboard.press('Enter')
    const councils = editor.locator('table', { hasText: 'Hubs' })
    await expect.poll(() => councils.locator('tr').count()).toBe(2)
    expect(await councils.innerText()).not.toContain('Oldham')
    expect(await councils.locator('tr').first().innerText()).toContain('Council')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Note text')
    expect(await editor.locator('ol > li').allInnerTexts()).toEqual(['Queue at opening', 'Volunteers greet everyone'])
    expect(await editor.locator('blockquote').innerText()).toBe('Nobody judges you here.')
    expect(await editor.locator('hr').count()).toBe(1)
    expect(await editor.locator('table').count()).toBe(2)
    // Bullets under "Key findings" from the template, with Markdown-like typing too.
    await caretAtEndOf(editor, 'Key findings')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.type('Trust is high')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Opening hours matter')
    await expect.poll(() => editor.locator('ul > li').allInnerTexts()).toContain('Opening hours matter')

    // Undo takes back the last typing, redo brings it again.
    await page.keyboard.press('Control+z')
    await expect.poll(() => editor.innerText()).not.toContain('Opening hours matter')
    await toolbarButton(page, 'Redo').click()
    await expect.poll(() => editor.innerText()).toContain('Opening hours matter')

    // The toolbar is one tab stop; arrow keys move along it.
    await toolbarButton(page, 'Bold').focus()
    await page.keyboard.press('ArrowRight')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Italic')
    expect(await toolbar(page).locator('button[tabindex="0"]').count()).toBe(1)
    await page.keyboard.press('End')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Comment')
    await page.keyboard.press('Escape')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Note text')

    // Details, saved field by field.
    const details = page.getByRole('region', { name: 'Note details' })
    await details.getByLabel('Date').fill('2026-03-14')
    await details.getByLabel('Council').fill('Oldham Council')
    await details.getByLabel('Place').fill('Failsworth community centre')
    await details.getByLabel('Participants').fill('Dee Shah\nChris Lowe')
    await details.getByLabel('Tags').fill('Food, trust')
    await details.getByLabel('Tags').press('Enter')
    await details.getByRole('status').filter({ hasText: 'Tags saved' }).waitFor()
    await expectNoAxeViolations(page, 'note page with formatted text and details')

    // Everything is still there after a reload: saved on this device.
    await page.reload()
    await noteText(page).waitFor()
    const reloaded = page.getByRole('region', { name: 'Note details' })
    await expect.poll(() => reloaded.getByLabel('Type').inputValue()).toBe('interview')
    expect(await reloaded.getByLabel('Date').inputValue()).toBe('2026-03-14')
    expect(await reloaded.getByLabel('Council').inputValue()).toBe('Oldham Council')
    expect(await reloaded.getByLabel('Place').inputValue()).toBe('Failsworth community centre')
    expect(await reloaded.getByLabel('Participants').inputValue()).toBe('Chris Lowe\nDee Shah')
    expect(await reloaded.getByLabel('Tags').inputValue()).toBe('food, trust')
    const text = noteText(page)
    expect(await text.locator('strong a, a strong').innerText()).toBe('food hub')
    expect(await text.locator('h3').allInnerTexts()).toEqual(['What we saw'])
    expect(await text.innerText()).toContain('Opening hours matter')
    // The sidebar lists the note with its tags.
    const sidebar = page.getByRole('navigation', { name: 'Workspace' })
    expect(await sidebar.getByRole('list', { name: 'Tags' }).innerText()).toContain('food')
    expect(errors).toEqual([])
  })

  it('offers a template for every type of note', async () => {
    const page = await openLab(bed.browser, bed.server.url)
    for (const [type, heading] of [
      ['Site visit', 'Observations'],
      ['Survey', 'Headline results'],
      ['Workshop', 'What came up'],
      ['Desk research', 'Sources'],
      ['Meeting', 'Agenda']
    ] as const) {
      await createNoteThroughUi(page, type)
      await noteText(page).getByRole('heading', { name: heading, exact: true }).waitFor()
      expect(await page.getByRole('region', { name: 'Note details' }).getByLabel('Type').inputValue()).toBe(
        type.toLowerCase().replace(' ', '-')
      )
    }
    await expect.poll(() => page.getByRole('region', { name: 'Notes' }).getByRole('link').count()).toBe(5)
  })
})
