import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { collectPageErrors, createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import {
  addNotes,
  afterFocusSettles,
  chooseFromNoteMenu,
  column,
  createBoardThroughUi,
  note,
  noteActions,
  openFacilitatorTools,
  savedUpdateCount,
  timerSeconds,
  waitForAnnouncement,
  mouseDragNote,
  touchDragNote
} from './support/board-driver'
import { openFreshPage, useTestBed } from './support/test-bed'

const SHOTS = process.env.MUTUAL_SHOTS
/** With MUTUAL_SHOTS=<dir>, keeps screenshots to look at (of the page, or of one part). */
const shot = async (page: Page, name: string, selector?: string): Promise<void> => {
  if (!SHOTS) return
  if (selector) await page.locator(selector).screenshot({ path: join(SHOTS, `${name}.png`) })
  else await page.screenshot({ path: join(SHOTS, `${name}.png`) })
}

/**
 * A workshop board in one browser: everything a facilitator does on their own device. The
 * multi-device flows (participants, shared reveal, shared timer) are in board-multi.test.ts.
 */
describe('workshop board (one device)', () => {
  const bed = useTestBed()
  const fay = { name: 'Fay Okafor', organisation: 'Oldham Council' }

  /** A fresh device with Fay's profile and a new workspace; its uncaught errors are collected. */
  const openWorkspace = async (): Promise<{ page: Page; errors: string[] }> => {
    const opened = await openFreshPage(bed, fay)
    await createWorkspaceThroughUi(opened.page, { name: 'Warm spaces lab', leadCouncil: 'Oldham Council' })
    return opened
  }

  it('creates a board from a template, then adds, edits, moves, groups, deletes and restores notes', async () => {
    const { page, errors } = await openWorkspace()
    await page.getByRole('button', { name: 'New board' }).click()
    await page.getByRole('dialog', { name: 'New workshop board' }).waitFor()
    await expectNoAxeViolations(page, 'the new board dialog')
    await page.getByRole('button', { name: 'Cancel' }).click()

    await createBoardThroughUi(page, 'Transport review', { template: /Now \/ next \/ later/ })
    for (const title of ['Now', 'Next', 'Later'])
      await expect(page.getByRole('heading', { level: 2, name: title, exact: true }).isVisible()).resolves.toBe(true)
    await expect(page.getByRole('link', { name: 'Transport review' }).count()).resolves.toBe(1)
    await expectNoAxeViolations(page, 'an empty board')

    // Keyboard only: open the add form, type, Enter after each note, Escape to finish.
    await addNotes(page, 'Now', ['Bus pass for carers', 'Late buses on Sundays', 'Cycle racks at libraries'])
    await expect(note(column(page, 'Now'), 'Late buses on Sundays').count()).resolves.toBe(1)

    // Edit through the note's menu.
    await chooseFromNoteMenu(page, 'Cycle racks at libraries', 'Edit note')
    const editor = page.getByLabel('Edit note', { exact: true })
    await editor.fill('Cycle racks at every library')
    await editor.press('Enter')
    await noteActions(page, 'Cycle racks at every library').waitFor()
    await expect(page.getByText('Cycle racks at libraries').count()).resolves.toBe(0)

    // Shift + Right arrow moves the focused note to the next column, and focus follows it.
    await afterFocusSettles(page)
    await noteActions(page, 'Late buses on Sundays').focus()
    await page.keyboard.press('Shift+ArrowRight')
    await note(column(page, 'Next'), 'Late buses on Sundays').waitFor()
    await waitForAnnouncement(page, 'Moved “Late buses on Sundays” to Next.')
    await expect
      .poll(() => noteActions(page, 'Late buses on Sundays').evaluate((el) => el === document.activeElement))
      .toBe(true)
    await page.keyboard.press('Shift+ArrowRight')
    await note(column(page, 'Later'), 'Late buses on Sundays').waitFor()
    // As a person would: the next key goes once focus has followed the note.
    await expect
      .poll(() => noteActions(page, 'Late buses on Sundays').evaluate((el) => el === document.activeElement))
      .toBe(true)
    await page.keyboard.press('Shift+ArrowLeft')
    await note(column(page, 'Next'), 'Late buses on Sundays').waitFor()
    // Focus follows a moved note only if the person has not moved on. Here they press on
    // another note before the next frame (as on a busy device), and focus stays there.
    await page.evaluate(() => {
      document
        .querySelector('[aria-label="Actions for note “Late buses on Sundays”"]')
        ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', shiftKey: true, bubbles: true }))
      const other = document.querySelector<HTMLElement>('[aria-label="Actions for note “Bus pass for carers”"]')
      other?.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'mouse', bubbles: true }))
      other?.focus()
    })
    await note(column(page, 'Later'), 'Late buses on Sundays').waitFor()
    await afterFocusSettles(page)
    await expect(noteActions(page, 'Bus pass for carers').evaluate((el) => el === document.activeElement)).resolves.toBe(true)

    // "Move to …" in the menu.
    await chooseFromNoteMenu(page, 'Bus pass for carers', 'Move to Later')
    await note(column(page, 'Later'), 'Bus pass for carers').waitFor()
    await noteActions(page, 'Bus pass for carers').focus()
    await page.keyboard.press('Enter')
    await page.getByRole('menu').waitFor()
    await expectNoAxeViolations(page, 'a board with a note menu open')
    await page.keyboard.press('Escape')
    await expect
      .poll(() => noteActions(page, 'Bus pass for carers').evaluate((el) => el === document.activeElement))
      .toBe(true)

    // Drag with the mouse from Now to Later.
    await mouseDragNote(page, 'Cycle racks at every library', column(page, 'Later'))
    await note(column(page, 'Later'), 'Cycle racks at every library').waitFor()
    await expect(note(column(page, 'Now'), 'Cycle racks at every library').count()).resolves.toBe(0)

    // Group: a new labelled group in Later, then a note joins it from its menu.
    await page.getByRole('button', { name: 'New group in Later' }).click()
    await page.getByLabel('Group name').fill('Getting around')
    await page.getByRole('button', { name: 'Create group' }).click()
    const group = page.getByRole('region', { name: 'Getting around' })
    await group.waitFor()
    await chooseFromNoteMenu(page, 'Bus pass for carers', 'Add to group Getting around')
    await note(group, 'Bus pass for carers').waitFor()
    // A group made from a note, named straight away.
    await chooseFromNoteMenu(page, 'Late buses on Sundays', 'New group with this note')
    const naming = page.getByLabel('Group name')
    await naming.fill('Evenings and weekends')
    await naming.press('Enter')
    await note(page.getByRole('region', { name: 'Evenings and weekends' }), 'Late buses on Sundays').waitFor()
    await expectNoAxeViolations(page, 'a board with groups')

    // Delete is recoverable.
    await chooseFromNoteMenu(page, 'Cycle racks at every library', 'Delete note')
    await expect(noteActions(page, 'Cycle racks at every library').count()).resolves.toBe(0)
    await page.getByText('Deleted notes (1)').click()
    await expectNoAxeViolations(page, 'the deleted notes list')
    const savedBeforeRestore = await savedUpdateCount(page)
    await page.getByRole('button', { name: 'Restore “Cycle racks at every library”' }).click()
    await note(column(page, 'Later'), 'Cycle racks at every library').waitFor()
    await expect(page.getByText(/Deleted notes/).count()).resolves.toBe(0)

    // Everything is in the workspace document: a reload shows the same board.
    await expect.poll(() => savedUpdateCount(page)).toBeGreaterThan(savedBeforeRestore)
    await page.reload()
    await note(page.getByRole('region', { name: 'Getting around' }), 'Bus pass for carers').waitFor()
    await note(column(page, 'Later'), 'Cycle racks at every library').waitFor()
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('runs a dot vote from the keyboard and shows a ranked result only after the reveal', async () => {
    const { page, errors } = await openWorkspace()
    await createBoardThroughUi(page, 'Priorities', { columns: ['Problems', 'Solutions'] })
    await expect(page.getByRole('heading', { level: 2, name: 'Solutions' }).isVisible()).resolves.toBe(true)
    await addNotes(page, 'Solutions', ['Community fridge', 'Warm bank in the town hall', 'Energy advice drop-in'])

    // Each facilitator step's button is replaced by the next step: focus moves on with it.
    const focusedName = () => page.evaluate(() => document.activeElement?.textContent?.trim())
    await page.getByRole('button', { name: 'Start a dot vote' }).focus()
    await page.keyboard.press('Enter')
    const dotsField = page.getByLabel('Dots per person')
    await expect.poll(() => dotsField.evaluate((el) => el === document.activeElement)).toBe(true)
    await dotsField.fill('3')
    await page.getByLabel('Allow several dots on one note').focus()
    await page.keyboard.press('Space')
    await page.getByRole('button', { name: 'Open voting' }).focus()
    await page.keyboard.press('Enter')
    await page.getByText('3 of 3 dots').waitFor()
    await expect.poll(focusedName).toBe('Close voting')
    await expectNoAxeViolations(page, 'a board with an open vote')

    // From each note's Actions button, Tab reaches "Add dot"; Enter places a dot.
    const dotOn = async (text: string): Promise<void> => {
      await noteActions(page, text).focus()
      await page.keyboard.press('Tab')
      await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe(`Add dot to “${text}”`)
      await page.keyboard.press('Enter')
    }
    await dotOn('Warm bank in the town hall')
    await waitForAnnouncement(page, 'You have 2 dots left.')
    await page.keyboard.press('Enter') // several on one note are allowed in this vote
    await page.getByText('1 of 3 dots').waitFor()
    await dotOn('Community fridge')
    await page.getByText('0 of 3 dots').waitFor()
    await waitForAnnouncement(page, 'You have no dots left.')
    // A fourth dot is refused, and the person is told why.
    await dotOn('Energy advice drop-in')
    const refusedHere = (text: string) =>
      note(page, text).getByRole('status').filter({ hasText: 'You have no dots left. Take one back to move it.' })
    // Seen beside the button as well as read out (a status region of its own).
    await refusedHere('Energy advice drop-in').waitFor()
    await expect(note(page, 'Energy advice drop-in').getByText('No dots from you').count()).resolves.toBe(1)
    // Take one back from the fridge (Tab past "Add dot" to "Remove dot") and give it to the warm bank.
    await noteActions(page, 'Community fridge').focus()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await page.getByText('1 of 3 dots').waitFor()
    await dotOn('Warm bank in the town hall')
    await page.getByText('0 of 3 dots').waitFor()
    await dotOn('Community fridge')
    await refusedHere('Community fridge').waitFor()
    await noteActions(page, 'Warm bank in the town hall').focus()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await dotOn('Community fridge')
    await page.getByText('0 of 3 dots').waitFor()
    await expect(note(page, 'Warm bank in the town hall').getByText('Your 2 dots').count()).resolves.toBe(1)
    await expect(note(page, 'Community fridge').getByText('Your 1 dot').count()).resolves.toBe(1)
    // Counts stay hidden until the reveal.
    await expect(page.getByRole('heading', { name: 'Vote results' }).count()).resolves.toBe(0)
    await expect(page.locator('.vote-badge').count()).resolves.toBe(0)

    await page.getByRole('button', { name: 'Reveal results' }).focus()
    await page.keyboard.press('Enter')
    const results = page.getByRole('region', { name: 'Vote results' })
    await results.waitFor()
    // "See the ranking" takes focus, and leads to the results on this page (the address stays).
    await expect.poll(focusedName).toBe('See the ranking')
    const boardUrl = page.url()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('vote-results')
    expect(page.url()).toBe(boardUrl)
    await waitForAnnouncement(page, 'The vote results are revealed.')
    const ranked = await results.getByRole('listitem').allTextContents()
    expect(ranked).toHaveLength(2)
    expect(ranked[0]).toMatch(/^1Warm bank in the town hall — Solutions2 dots$/)
    expect(ranked[1]).toMatch(/^2Community fridge — Solutions1 dot$/)
    await expect(results.getByText('1 note received no dots.').count()).resolves.toBe(1)
    await expect(note(page, 'Warm bank in the town hall').getByText('ranked 1').count()).resolves.toBe(1)
    await expectNoAxeViolations(page, 'revealed vote results')
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('gives the facilitator a lock, anonymous mode and a silent brainstorm', async () => {
    const { page, errors } = await openWorkspace()
    await createBoardThroughUi(page, 'Values', { template: 'Values and principles canvas' })
    await addNotes(page, 'Our values', ['Openness'])
    await expect(note(page, 'Openness').getByText('Fay Okafor').count()).resolves.toBe(1)

    await openFacilitatorTools(page)
    const hideNames = page.getByLabel('Hide authors’ names')
    // It says plainly what it does not do: the workspace still knows who wrote each note.
    await expect(hideNames.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent)).resolves.toContain(
      'Do not promise participants anonymity.'
    )
    await hideNames.check()
    await note(page, 'Openness').getByText('Name hidden').waitFor()
    await page.getByText('Authors’ names are hidden on this board.').waitFor()
    await expect(note(page, 'Openness').getByText('Fay Okafor').count()).resolves.toBe(0)

    await page.getByLabel('Lock the board').check()
    await page.getByText('Board locked').waitFor()
    // Facilitators can still work on a locked board.
    await addNotes(page, 'Commitments', ['Publish our minutes'])
    await page.getByLabel('Lock the board').uncheck()
    await expect(page.getByText('Board locked').count()).resolves.toBe(0)

    await page.getByRole('button', { name: 'Start silent brainstorm' }).click()
    await page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'Silent brainstorm' }).first().waitFor()
    await addNotes(page, 'What gets in the way', ['Short funding cycles'])
    await note(page, 'Short funding cycles').getByText('Private until the reveal').waitFor()
    await expect(note(page, 'Openness').getByText('Private until the reveal').count()).resolves.toBe(0)
    await expectNoAxeViolations(page, 'a board during a silent brainstorm')
    await page.getByRole('button', { name: /Reveal all notes/ }).click()
    await waitForAnnouncement(page, 'The silent brainstorm is over')
    await expect(page.getByText('Private until the reveal').count()).resolves.toBe(0)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('keeps a shared timer that pauses, gains a minute, resets, survives a reload and says when time is up', async () => {
    const context = await bed.browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const errors = collectPageErrors(page)
    // A controllable clock: time-up is checked without waiting minutes.
    await page.clock.install()
    await page.goto(bed.server.url)
    await setUpProfile(page, { name: 'Tom Reid', organisation: 'Preston City Council' })
    await createWorkspaceThroughUi(page, { name: 'Timer lab', leadCouncil: 'Preston City Council' })
    await createBoardThroughUi(page, 'Timed session', { template: 'Blank board' })
    await expect(timerSeconds(page)).resolves.toBe(300)
    // While the timer is ready, choosing a length sets it (for everyone).
    await page.getByLabel('Length').selectOption('2')
    await expect.poll(() => timerSeconds(page)).toBe(120)
    await waitForAnnouncement(page, 'Timer set to 2 minutes.')
    await page.getByLabel('Length').selectOption('5')
    await expect.poll(() => timerSeconds(page)).toBe(300)

    // Start turns into Pause under the keyboard's focus.
    await page.getByRole('button', { name: 'Start', exact: true }).focus()
    await page.keyboard.press('Enter')
    await page.getByText('Running', { exact: true }).waitFor()
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Pause')
    await page.clock.runFor(30_000)
    await expect.poll(() => timerSeconds(page)).toBe(270)
    await page.getByRole('button', { name: 'Pause' }).click()
    await page.getByText('Paused', { exact: true }).waitFor()
    await page.clock.runFor(10_000)
    await expect(timerSeconds(page)).resolves.toBe(270)
    const saved = await savedUpdateCount(page)
    await page.getByRole('button', { name: '+1 minute' }).click()
    await expect.poll(() => timerSeconds(page)).toBe(330)
    await expect.poll(() => savedUpdateCount(page)).toBeGreaterThan(saved)

    // A paused timer comes back exactly where it was after a reload.
    await page.reload()
    await expect.poll(() => timerSeconds(page)).toBe(330)
    await page.getByRole('button', { name: 'Resume' }).click()
    await page.clock.runFor(270_000)
    await expect.poll(() => timerSeconds(page)).toBe(60)
    await waitForAnnouncement(page, 'One minute left.')
    await page.clock.runFor(61_000)
    await page.getByText('Time’s up').waitFor()
    await waitForAnnouncement(page, 'Time is up.')
    await expect(timerSeconds(page)).resolves.toBe(0)
    await expectNoAxeViolations(page, 'a board whose time is up')

    await page.getByLabel('Length').selectOption('10')
    await page.getByRole('button', { name: 'Reset' }).click()
    await expect.poll(() => timerSeconds(page)).toBe(600)
    await page.getByText('Ready', { exact: true }).waitFor()
    // The length shown is the timer's own, after a reload too.
    await page.reload()
    await expect.poll(() => timerSeconds(page)).toBe(600)
    expect(await page.getByLabel('Length').inputValue()).toBe('10')
    expect(errors).toEqual([])
    await context.close()
  })

  it('works on a tablet: a finger drags a note by its grip, and every control is at least 44 px', async () => {
    // A large tablet in landscape: all three columns in one row.
    const context = await bed.browser.newContext({ viewport: { width: 1366, height: 1024 }, hasTouch: true })
    const page = await context.newPage()
    const errors = collectPageErrors(page)
    await page.goto(bed.server.url)
    await setUpProfile(page, fay)
    await createWorkspaceThroughUi(page, { name: 'Tablet lab', leadCouncil: 'Oldham Council' })
    await createBoardThroughUi(page, 'On the tablet', { template: /Now \/ next \/ later/ })
    await addNotes(page, 'Now', ['Plan the street party'])
    await page.getByRole('button', { name: 'Start a dot vote' }).click()
    await page.getByRole('button', { name: 'Open voting' }).click()
    await openFacilitatorTools(page)

    // Every control on the board is big enough for a finger.
    const small = await page.locator('.board').evaluate((board) =>
      [...board.querySelectorAll<HTMLElement>('button, select, input:not([type="checkbox"]):not([type="radio"]), summary, .sticky-grip')]
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({ name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.height < 44 || (box.width < 44 && box.width > 0))
        .map(({ name, box }) => `${name}: ${Math.round(box.width)}×${Math.round(box.height)}`)
    )
    // Checkboxes and radios count by their label, which is the target.
    const labels = await page.locator('.board label.check, .board .sticky-colour').evaluateAll((els) =>
      els.filter((el) => el.getBoundingClientRect().height < 44).length
    )
    expect(small).toEqual([])
    expect(labels).toBe(0)

    // Touch: press the grip, slide to the Later column, lift.
    await touchDragNote(page, 'Plan the street party', column(page, 'Later'))
    await note(column(page, 'Later'), 'Plan the street party').waitFor()
    // Press and hold the grip before moving (a long press), then drag back to Now.
    await touchDragNote(page, 'Plan the street party', column(page, 'Now'), 1_500)
    await note(column(page, 'Now'), 'Plan the street party').waitFor()
    await expectNoAxeViolations(page, 'a board on a tablet')
    expect(errors).toEqual([])
    await context.close()
  })

  it('turns the workshop into a workshop note in one click', async () => {
    const { page, errors } = await openWorkspace()
    await createBoardThroughUi(page, 'Food poverty workshop', { columns: ['Causes', 'Ideas'] })
    await addNotes(page, 'Ideas', ['Community fridge', 'Cookery classes'])
    await page.getByRole('button', { name: 'Start a dot vote' }).click()
    await page.getByLabel('Dots per person').fill('1')
    await page.getByRole('button', { name: 'Open voting' }).click()
    await page.getByRole('button', { name: 'Add dot to “Cookery classes”' }).click()
    await page.getByRole('button', { name: 'Reveal results' }).click()
    await page.getByRole('region', { name: 'Vote results' }).waitFor()

    await page.getByRole('button', { name: 'Create workshop note' }).click()
    const link = page.getByRole('link', { name: /^Open “Workshop: Food poverty workshop/ })
    await link.waitFor()
    await expect(link.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    const notes = page.getByRole('region', { name: /^Notes/ })
    await notes.getByRole('link', { name: /^Workshop: Food poverty workshop/ }).waitFor()
    await expectNoAxeViolations(page, 'a board after its workshop note was made')
    // The note opens in the notes editor: type "Workshop", dated today, with the result written up.
    await link.click()
    await page.getByRole('heading', { level: 1, name: /^Workshop: Food poverty workshop/ }).waitFor()
    await page.getByRole('heading', { name: 'Dot vote results' }).waitFor()
    await expect(page.getByLabel('Type', { exact: true }).inputValue()).resolves.toBe('workshop')
    expect(await page.getByLabel('Date', { exact: true }).inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    for (const heading of ['Causes', 'Ideas']) await page.getByRole('heading', { name: heading, exact: true }).waitFor()
    await page.getByRole('listitem').filter({ hasText: '1. Cookery classes — 1 dot (Ideas)' }).waitFor()
    await page.getByRole('listitem').filter({ hasText: 'Community fridge — 0 dots (Fay Okafor)' }).waitFor()
    await page.getByText('with the board “Food poverty workshop”: 1 participant, 2 notes in 2 columns.').waitFor()
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('moves, removes and restores a column by keyboard, with its notes', async () => {
    const { page, errors } = await openWorkspace()
    await createBoardThroughUi(page, 'Library review', { columns: ['What works', 'What doesn’t', 'Ideas'] })
    await addNotes(page, 'Ideas', ['Warm bank in the library', 'Homework club'])
    const headings = () => page.locator('.board-columns').getByRole('heading', { level: 2 }).allTextContents()
    const columnActions = (title: string) => page.getByRole('button', { name: `Actions for column ${title}`, exact: true })
    const isFocused = (title: string) => columnActions(title).evaluate((el) => el === document.activeElement)
    /** Opens a column's menu from its Actions button and arrows down to an item, then Enter. */
    const chooseFromColumnMenu = async (title: string, item: string): Promise<void> => {
      await afterFocusSettles(page)
      await columnActions(title).focus()
      await page.keyboard.press('Enter')
      const menuItem = page.getByRole('menuitem', { name: item, exact: true })
      await menuItem.waitFor()
      for (let i = 0; i < 10 && !(await menuItem.evaluate((el) => el === document.activeElement)); i++)
        await page.keyboard.press('ArrowDown')
      await page.keyboard.press('Enter')
    }

    // The menu: the last column cannot move right; everything else is offered.
    await columnActions('Ideas').focus()
    await page.keyboard.press('Enter')
    const menu = page.getByRole('menu', { name: 'Actions for column Ideas' })
    await menu.waitFor()
    await expect(page.getByRole('menuitem', { name: 'Move right' }).isDisabled()).resolves.toBe(true)
    await expect(page.getByRole('menuitem', { name: 'Move left' }).isDisabled()).resolves.toBe(false)
    await shot(page, 'board-column-menu')
    await expectNoAxeViolations(page, 'a board with a column menu open')
    await page.keyboard.press('Escape')
    await expect.poll(() => isFocused('Ideas')).toBe(true)

    // "Ideas" before "What works": two moves left, focus staying on the moved column's button.
    await chooseFromColumnMenu('Ideas', 'Move left')
    await expect.poll(headings).toEqual(['What works', 'Ideas', 'What doesn’t'])
    await waitForAnnouncement(page, 'Moved Ideas left. It is now column 2 of 3.')
    await expect.poll(() => isFocused('Ideas')).toBe(true)
    await chooseFromColumnMenu('Ideas', 'Move left')
    await expect.poll(headings).toEqual(['Ideas', 'What works', 'What doesn’t'])
    await expect.poll(() => isFocused('Ideas')).toBe(true)

    // Removing asks first, naming the column and its notes; Cancel keeps it.
    await chooseFromColumnMenu('Ideas', 'Remove column…')
    const confirm = page.getByRole('dialog', { name: 'Remove the column “Ideas”?' })
    await confirm.waitFor()
    await confirm.getByText('Its 2 notes and any groups in it go with it.').waitFor()
    await shot(page, 'board-remove-column-dialog')
    await expectNoAxeViolations(page, 'the remove column confirmation')
    await page.keyboard.press('Escape')
    await expect.poll(() => isFocused('Ideas')).toBe(true)
    await expect(note(column(page, 'Ideas'), 'Homework club').count()).resolves.toBe(1)

    // Confirmed: the safe Cancel has focus, so Shift+Tab reaches "Remove column".
    await chooseFromColumnMenu('Ideas', 'Remove column…')
    await confirm.waitFor()
    await expect(confirm.getByRole('button', { name: 'Cancel' }).evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Enter')
    await expect.poll(headings).toEqual(['What works', 'What doesn’t'])
    await expect(noteActions(page, 'Homework club').count()).resolves.toBe(0)
    await waitForAnnouncement(page, 'Removed the column Ideas and its 2 notes.')
    await expect.poll(() => isFocused('What works')).toBe(true)
    await page.getByText('0 notes · 2 columns').waitFor()

    // The removed column waits, folded, with its notes; Restore puts it back where it was.
    const summary = page.locator('summary').filter({ hasText: 'Removed columns (1)' })
    await summary.focus()
    await page.keyboard.press('Enter')
    const restore = page.getByRole('button', { name: 'Restore column Ideas' })
    await restore.waitFor()
    await page.getByText('— 2 notes').waitFor()
    await shot(page, 'board-removed-columns', '.removed-columns')
    await expectNoAxeViolations(page, 'the removed columns list')
    await restore.focus()
    await page.keyboard.press('Enter')
    await expect.poll(headings).toEqual(['Ideas', 'What works', 'What doesn’t'])
    await note(column(page, 'Ideas'), 'Warm bank in the library').waitFor()
    await note(column(page, 'Ideas'), 'Homework club').waitFor()
    await waitForAnnouncement(page, 'Restored the column Ideas with its 2 notes.')
    await expect.poll(() => isFocused('Ideas')).toBe(true)
    await expect(page.locator('summary').filter({ hasText: 'Removed columns' }).count()).resolves.toBe(0)
    await expectNoAxeViolations(page, 'a board with its column restored')

    // The new order is in the workspace document.
    await expect.poll(() => savedUpdateCount(page)).toBeGreaterThan(0)
    const saved = await savedUpdateCount(page)
    await chooseFromColumnMenu('What doesn’t', 'Move left')
    await expect.poll(headings).toEqual(['Ideas', 'What doesn’t', 'What works'])
    // Renaming is in the same menu; focus comes back to the column's Actions button.
    await chooseFromColumnMenu('What works', 'Rename column')
    const name = page.getByLabel('Column name')
    await expect(name.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    await name.fill('What helps')
    await name.press('Enter')
    await expect.poll(headings).toEqual(['Ideas', 'What doesn’t', 'What helps'])
    await expect.poll(() => isFocused('What helps')).toBe(true)
    await expect.poll(() => savedUpdateCount(page)).toBeGreaterThan(saved)
    await page.reload()
    await note(column(page, 'Ideas'), 'Homework club').waitFor()
    await expect.poll(headings).toEqual(['Ideas', 'What doesn’t', 'What helps'])
    expect(errors).toEqual([])
    await page.context().close()
  })
})
