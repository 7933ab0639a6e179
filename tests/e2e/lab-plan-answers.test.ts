/**
 * The EOI's six answers are shown without their editors until a person starts on one
 * (src/editor/deferred-editor.ts), so the plan opens quickly. What a person meets must not
 * change when the editor is built: the same element, role and name, focus kept, the first
 * keystroke kept, and a press puts the caret where it was pressed. An answer whose editor was
 * never built still follows the document: another tab's typing shows in it.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi, type PersonDetails } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { openFreshPage, useTestBed } from './support/test-bed'

const bed = useTestBed()
const asha: PersonDetails = { name: 'Asha Patel', organisation: 'Oldham Council' }

const answer = (page: Page, n: number) => page.getByRole('textbox', { name: `Answer to question ${n}` })
const editorsBuilt = (page: Page): Promise<number> => page.locator('.eoi-answer .ProseMirror').count()

describe('the EOI answers before and after their editors are built', () => {
  it('keep focus, keystrokes and the pressed caret, and follow another tab while not built', async () => {
    const { page, errors } = await openFreshPage(bed, asha)
    await createWorkspaceThroughUi(page, { name: 'Warm homes lab', leadCouncil: 'Oldham Council', partnerCouncils: [] })
    await page.getByRole('button', { name: 'Start the lab plan' }).click()
    await answer(page, 6).waitFor()
    expect(await editorsBuilt(page)).toBe(0)
    await expectNoAxeViolations(page, 'lab plan, answers not yet edited')

    // Focus, then typing at once: the focused element becomes the editor and keeps focus.
    const first = await answer(page, 1).elementHandle()
    await answer(page, 1).focus()
    await page.keyboard.type('Hello world.')
    await expect.poll(() => answer(page, 1).innerText()).toBe('Hello world.')
    expect(await first?.evaluate((el) => el.isConnected && el === document.activeElement && el.classList.contains('ProseMirror'))).toBe(true)
    expect(await editorsBuilt(page)).toBe(1)

    // A second tab of the same workspace: its answer 1 is drawn, not built, and follows the first tab.
    const other = await page.context().newPage()
    await other.goto(page.url())
    await answer(other, 1).waitFor()
    await expect.poll(() => answer(other, 1).innerText()).toBe('Hello world.')
    await page.keyboard.type(' Again.')
    await expect.poll(() => answer(other, 1).innerText()).toBe('Hello world. Again.')
    expect(await editorsBuilt(other)).toBe(0)

    // A press past the end of the line puts the caret there, not at the start of the answer.
    const line = answer(other, 1).locator('p').first()
    const box = await line.boundingBox()
    if (!box) throw new Error('The answer’s first line is not on screen')
    await line.click({ position: { x: box.width - 4, y: box.height / 2 } })
    await other.keyboard.type(' More.')
    await expect.poll(() => answer(page, 1).innerText()).toBe('Hello world. Again. More.')
    expect(await editorsBuilt(other)).toBe(1)
    await expectNoAxeViolations(other, 'lab plan, one answer being edited')
    expect(errors).toEqual([])
  })
})
