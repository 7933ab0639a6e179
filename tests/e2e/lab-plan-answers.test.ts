/**
 * The EOI's six answers are shown without their editors until a person starts on one
 * (src/editor/deferred-editor.ts), so the plan opens quickly. What a person meets must not
 * change when the editor is built: the same element, role and name, focus kept, the first
 * keystroke kept, and a press puts the caret where it was pressed. An answer whose editor was
 * never built still follows the document: another tab's typing shows in it.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { collectPageErrors, createWorkspaceThroughUi, setUpProfile, type PersonDetails } from './support/app-driver'
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

  it('keep what is typed at once while the editor’s code is still loading, and write it when it arrives', async () => {
    // No service worker, so every fetch of the editor's code passes the route below and can be held.
    const page = await (await bed.browser.newContext({ serviceWorkers: 'block' })).newPage()
    const errors = collectPageErrors(page)
    let release: () => void = () => undefined
    const released = new Promise<void>((resolve) => (release = resolve))
    let held = 0
    await page.route(/\/assets\/document-editor-[^/]*\.js$/, async (route) => {
      held += 1
      await released
      await route.continue()
    })
    await page.goto(bed.server.url)
    await setUpProfile(page, asha)
    await createWorkspaceThroughUi(page, { name: 'Warm homes lab', leadCouncil: 'Oldham Council', partnerCouncils: [] })
    await page.getByRole('button', { name: 'Start the lab plan' }).click()
    await answer(page, 1).focus()
    await page.keyboard.type('Kept, ')
    await page.keyboard.press('Backspace')
    await page.keyboard.type(' while loading.')
    // The code is still held back: nothing was built, and the textbox says it is busy.
    await expect.poll(() => held).toBeGreaterThan(0)
    expect(await answer(page, 1).getAttribute('aria-busy')).toBe('true')
    expect(await editorsBuilt(page)).toBe(0)

    release()
    await expect.poll(() => answer(page, 1).innerText()).toBe('Kept, while loading.')
    expect(await answer(page, 1).evaluate((el) => el === document.activeElement && el.classList.contains('ProseMirror'))).toBe(true)
    expect(await answer(page, 1).getAttribute('aria-busy')).toBeNull()
    await page.keyboard.type(' Then more.')
    await expect.poll(() => answer(page, 1).innerText()).toBe('Kept, while loading. Then more.')
    expect(errors).toEqual([])
    await page.context().close()
  })
})
