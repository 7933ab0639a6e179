/**
 * QA (keyboard users, WCAG 2.2 focus order): a facilitator adding a column to a running board
 * with the keyboard. Before, Enter in "New column name" made the column but left focus on the
 * page itself, so the next Tab started again from the top of the page. Focus now goes to the
 * new column's "Add note" button, whose name says which column it is, ready for the first note.
 */
import { describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi, describeFocus } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { addNotes, afterFocusSettles, column, createBoardThroughUi, note, waitForAnnouncement } from './support/board-driver'
import { openFreshPage, useTestBed } from './support/test-bed'

const bed = useTestBed()

describe('adding a board column with the keyboard', () => {
  it('puts focus on the new column’s “Add note” button, and Enter there starts its first note', async () => {
    const { page, errors } = await openFreshPage(bed, { name: 'Fay Okafor', organisation: 'Oldham Council' })
    await createWorkspaceThroughUi(page, { name: 'Warm spaces lab', leadCouncil: 'Oldham Council' })
    await createBoardThroughUi(page, 'Warm spaces workshop', { columns: ['Ideas', 'Questions'] })

    await page.getByRole('button', { name: 'Add column', exact: true }).focus()
    await page.keyboard.press('Enter')
    const name = page.getByLabel('New column name', { exact: true })
    await name.and(page.locator(':focus')).waitFor()
    await page.keyboard.type('Barriers')
    await page.keyboard.press('Enter')

    await column(page, 'Barriers').waitFor()
    await waitForAnnouncement(page, 'Added the column Barriers.')
    await afterFocusSettles(page)
    const focused = await describeFocus(page)
    expect(focused.name).toBe('Add note to Barriers')
    expect(focused.visible).toBe(true)
    expect(await column(page, 'Barriers').getByRole('button', { name: 'Add note to Barriers' }).evaluate((el) => el === document.activeElement)).toBe(true)

    // The next key does what the focused button says: a note in the new column.
    await addNotes(page, 'Barriers', ['No step-free way in'])
    await expect(note(column(page, 'Barriers'), 'No step-free way in').count()).resolves.toBe(1)
    await expectNoAxeViolations(page, 'a board with a column added by keyboard')
    expect(errors).toEqual([])
  })
})
