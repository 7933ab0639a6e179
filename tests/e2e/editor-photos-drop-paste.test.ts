/**
 * Issue 16, photos in notes: besides the file picker, a photo can be dragged onto a note from
 * the desktop or pasted (a screenshot, say). Either way the real file goes through the same
 * checks, is shown decoded in the note, and its alt text is asked for.
 */
import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations } from './support/axe'
import { noteText, useOpenNote } from './support/editor-driver'
import { describePhoto, dropPhotoOnNote, pastePhotoIntoNote, photoLoaded, photoSize, shownPhoto } from './support/photo-driver'

const note = useOpenNote('Site visit', 'Market hall visit')

const DROPPED_ALT = 'Stalls along the north wall of the market hall'
const PASTED_ALT = 'Screenshot of the stallholders’ opening hours'

describe('adding a photo without the file picker', () => {
  it('takes a photo dropped on the note, shows it made smaller and asks for its alt text', async () => {
    const { page } = note
    const taken = await dropPhotoOnNote(page, { name: 'market-hall.jpg', type: 'image/jpeg', width: 2000, height: 1500 })
    expect(taken).toBe(true)

    await page.getByRole('dialog', { name: 'Describe this photo' }).waitFor()
    await shownPhoto(page, 'Photo: alt text missing').waitFor()
    await expectNoAxeViolations(page, 'describing a dropped photo')
    await describePhoto(page, DROPPED_ALT)

    await expect.poll(() => photoLoaded(page, DROPPED_ALT), { timeout: 60_000 }).toBe(true)
    expect(await photoSize(page, DROPPED_ALT)).toEqual([1600, 1200])
    await expect(noteText(page).getByText('Alt text missing').count()).resolves.toBe(0)
  })

  it('takes a photo pasted into the note and asks for its alt text', async () => {
    const { page, errors } = note
    const taken = await pastePhotoIntoNote(page, { name: 'image.png', type: 'image/png', width: 640, height: 480 })
    expect(taken).toBe(true)

    await describePhoto(page, PASTED_ALT)
    await expect.poll(() => photoLoaded(page, PASTED_ALT), { timeout: 60_000 }).toBe(true)
    expect(await photoSize(page, PASTED_ALT)).toEqual([640, 480])
    // The dropped photo is still there beside it: the paste added, it did not replace.
    expect(await photoLoaded(page, DROPPED_ALT)).toBe(true)
    await expect(noteText(page).getByRole('img').count()).resolves.toBe(2)
    await expectNoAxeViolations(page, 'a note with a dropped and a pasted photo')
    expect(errors).toEqual([])
  })
})
