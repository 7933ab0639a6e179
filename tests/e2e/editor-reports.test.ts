import { readFile } from 'node:fs/promises'
import JSZip from 'jszip'
import mammoth from 'mammoth'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { collectPageErrors, describeFocus } from './support/app-driver'
import { useTestBed } from './support/test-bed'
import { expectNoAxeViolations } from './support/axe'
import {
  caretAtEndOf,
  createReportThroughUi,
  openLab,
  reportText,
  selectText,
  settle,
  toolbarButton
} from './support/editor-driver'

const bed = useTestBed()

const outline = (page: Page) => page.getByRole('navigation', { name: 'Report outline' })
const comments = (page: Page) => page.getByRole('region', { name: /^Comments/ })
const thread = (page: Page, quote: string) =>
  comments(page).getByRole('article', { name: new RegExp(`commented on “${quote}”`) })

const download = async (page: Page, format: string): Promise<{ name: string; bytes: Buffer }> => {
  await page.getByRole('button', { name: 'Export' }).click()
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: format }).click()])
  const path = await file.path()
  return { name: file.suggestedFilename(), bytes: await readFile(path) }
}

describe('draft reports', () => {
  it('outline, word count, section assignment, comments and exports', async () => {
    const page = await openLab(bed.browser, bed.server.url)
    const errors = collectPageErrors(page)
    await page.getByRole('button', { name: 'New report' }).click()
    await expectNoAxeViolations(page, 'new report dialog')
    await page.getByRole('button', { name: 'Cancel' }).click()
    await createReportThroughUi(page, 'Food lab report')
    const editor = reportText(page)

    // The CCIN lab report's sections, in the outline, each a draft nobody owns yet.
    await expect
      .poll(() => outline(page).getByRole('button').filter({ hasNotText: 'Assign' }).allInnerTexts())
      .toEqual(['Summary', 'Background', 'Method', 'Findings', 'Case studies', 'Recommendations', 'Values and principles', 'Next steps'])
    expect(await outline(page).getByText('Draft', { exact: true }).count()).toBe(8)
    // The template's headings are not counted: nobody has written anything yet.
    await page.getByText('0 words').waitFor()

    // Writing changes the word count.
    await caretAtEndOf(editor, 'Summary')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.type('Residents trust the food hub on Market Street more than the council office.')
    await page.getByText('13 words').waitFor()

    // A subsection shows in the outline under its section.
    await caretAtEndOf(editor, 'Residents trust')
    await page.keyboard.press('Enter')
    await page.keyboard.type('What residents said')
    await toolbarButton(page, 'Heading 2').click()
    await expect.poll(() => outline(page).getByRole('button', { name: 'What residents said' }).count()).toBe(1)

    // Assign "Findings" to Ben at Preston, in review.
    await outline(page).getByRole('button', { name: 'Assign section “Findings”' }).click()
    const assign = page.getByRole('dialog', { name: 'Assign “Findings”' })
    await assign.getByLabel('Owner').fill('Ben Okafor')
    await assign.getByLabel('Council').fill('Preston City Council')
    await assign.getByRole('radio', { name: 'In review' }).check()
    await expectNoAxeViolations(page, 'section assignment dialog')
    await assign.getByRole('button', { name: 'Save' }).click()
    const findings = outline(page).getByRole('listitem').filter({ hasText: 'Findings' })
    await findings.getByText('In review').waitFor()
    expect(await findings.innerText()).toContain('Ben Okafor, Preston City Council')

    // The outline moves the caret to a heading.
    await outline(page).getByRole('button', { name: 'Recommendations', exact: true }).click()
    await expect
      .poll(() => page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest('h2')?.textContent ?? null))
      .toBe('Recommendations')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Report text')

    // Comment on a phrase; the highlight covers exactly it.
    await selectText(editor, 'food hub on Market Street')
    await toolbarButton(page, 'Comment').click()
    await comments(page).getByLabel('Your comment').fill('Which hub? There are two on Market Street.')
    await expectNoAxeViolations(page, 'report with a new comment form')
    await comments(page).getByRole('button', { name: 'Add comment' }).click()
    await thread(page, 'food hub on Market Street').waitFor()
    await expect.poll(() => editor.locator('.comment-anchor').allInnerTexts()).toEqual(['food hub on Market Street'])

    // Typing before it leaves the comment on the same words.
    await editor.getByText('Residents trust').click()
    await page.keyboard.press('Home')
    await page.keyboard.type('In March, ')
    await expect.poll(() => editor.locator('.comment-anchor').allInnerTexts()).toEqual(['food hub on Market Street'])

    // Reply, resolve, reopen.
    const hub = thread(page, 'food hub on Market Street')
    await hub.getByRole('button', { name: 'Reply to Asha Patel' }).click()
    await hub.getByLabel('Reply to Asha Patel').fill('The one by the bus station.')
    await hub.getByRole('button', { name: 'Reply', exact: true }).click()
    await hub.getByText('The one by the bus station.').waitFor()
    // Resolving and reopening from the keyboard: focus follows the thread to where it went
    // (QA: it dropped to the page, and the next Tab started again from the top).
    await hub.getByRole('button', { name: 'Resolve Asha Patel’s comment' }).focus()
    await page.keyboard.press('Enter')
    await comments(page).getByRole('button', { name: 'Show resolved (1)' }).waitFor()
    expect(await editor.locator('.comment-anchor').count()).toBe(0)
    await expect.poll(async () => (await describeFocus(page)).name).toBe('Show resolved (1)')
    await page.keyboard.press('Enter')
    await thread(page, 'food hub on Market Street').getByRole('button', { name: 'Reopen Asha Patel’s comment' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => editor.locator('.comment-anchor').allInnerTexts()).toEqual(['food hub on Market Street'])
    await expect.poll(async () => (await describeFocus(page)).name).toBe('Resolve Asha Patel’s comment')
    expect((await describeFocus(page)).visible).toBe(true)

    // A comment whose words are deleted is kept, marked detached.
    await selectText(editor, 'council office')
    await page.keyboard.press('Control+Alt+m')
    await comments(page).getByLabel('Your comment').fill('Name the office?')
    await comments(page).getByRole('button', { name: 'Add comment' }).click()
    const office = thread(page, 'council office')
    await office.waitFor()
    await selectText(editor, ' than the council office')
    await page.keyboard.press('Backspace')
    await office.getByText('Detached').waitFor()
    expect(await office.innerText()).toContain('Name the office?')
    expect(await office.getByRole('button', { name: /Show in text/ }).count()).toBe(0)
    expect(await editor.locator('.comment-anchor').allInnerTexts()).toEqual(['food hub on Market Street'])
    await expectNoAxeViolations(page, 'report with outline, assignments and comments')

    // Exports, read back.
    await settle(page)
    await page.getByRole('button', { name: 'Export' }).click()
    await page.getByRole('list', { name: 'Export formats' }).waitFor()
    await expectNoAxeViolations(page, 'export formats open')
    await page.keyboard.press('Escape')
    await page.getByRole('list', { name: 'Export formats' }).waitFor({ state: 'detached' })
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toMatch(/^Export/)
    const docx = await download(page, 'Word document (.docx)')
    expect(docx.name).toMatch(/^food-lab-report-\d{4}-\d{2}-\d{2}\.docx$/)
    const { value: html } = await mammoth.convertToHtml({ buffer: docx.bytes })
    expect(html).toContain('<p>Food lab report</p><p><strong>Food lab</strong></p><p>Oldham Council, Preston City Council</p>')
    expect(html).toContain('<h1>Summary</h1><p>In March, Residents trust the food hub on Market Street more.</p><h2>What residents said</h2>')
    expect(html).toContain('<h1>Next steps</h1>')
    const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string')
    expect(xml).toContain('<w:br w:type="page"/>')

    const markdown = (await download(page, 'Markdown (.md)')).bytes.toString('utf8')
    expect(markdown).toMatch(/^# Food lab report\n\n\*\*Food lab\*\* {2}\nCouncils: Oldham Council, Preston City Council {2}\n\d{1,2} \w+ \d{4}\n\n## Summary\n\nIn March, Residents trust the food hub on Market Street more\.\n\n### What residents said\n\n## Background/)

    const web = (await download(page, 'Web page (.html)')).bytes.toString('utf8')
    expect(web).toContain('<p class="lab">Food lab</p>')
    expect(web).toContain('<h2>Summary</h2>\n<p>In March, Residents trust the food hub on Market Street more.</p>\n<h3>What residents said</h3>')
    expect(web).not.toMatch(/<script/i)

    // Printing (or saving as PDF) shows the title page first and none of the app around it.
    await page.emulateMedia({ media: 'print' })
    await page.locator('.report-title-page').getByText('Food lab', { exact: true }).waitFor()
    expect(await page.getByRole('navigation', { name: 'Workspace' }).isVisible()).toBe(false)
    expect(await page.getByRole('toolbar', { name: 'Formatting' }).isVisible()).toBe(false)
    expect(await comments(page).isVisible()).toBe(false)
    const pdf = await page.pdf({ format: 'A4' })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    // The title page is a page of its own, so there are at least two.
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThanOrEqual(2)
    await page.emulateMedia({ media: 'screen' })
    expect(errors).toEqual([])
  })
})
