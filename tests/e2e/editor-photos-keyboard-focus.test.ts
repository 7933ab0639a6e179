/**
 * QA (keyboard users, WCAG 2.2 focus order): adding a photo to a note with the keyboard.
 * Before, "Add photo" was disabled while the photo was made ready, which dropped focus to the
 * page, and the "Describe this photo" dialog then gave it back there: after Esc, "Later" or
 * saving, the next Tab started from the top of the page. Focus now comes back to "Add photo";
 * and after editing a photo's alt text, to that photo's own button (its frame is redrawn).
 * A file that is no image, chosen through "Add photo", is told which images it takes. Printed,
 * a photo stays on one page with its caption.
 */
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { describeFocus } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { afterFocusSettles } from './support/board-driver'
import { noteText, useOpenNote } from './support/editor-driver'
import { drawnJpegBytes, shownPhoto } from './support/photo-driver'

const note = useOpenNote('Site visit', 'Library visit')

beforeAll(() => {
  // Playwright starts taking file choosers over when the first listener is added. A key press
  // is sent faster than a click, and could reach the page before that: a chooser it missed
  // stays open, unseen, and the browser opens no other. So the listener is there from the start.
  note.page.on('filechooser', () => {})
})

const addPhotoButton = (page: Page) => page.getByRole('button', { name: 'Add photo', exact: true })
const describeDialog = (page: Page) => page.getByRole('dialog', { name: 'Describe this photo' })
/** A photo's figure in the note, caption and buttons included, by its alt text. */
const photoFigure = (page: Page, alt: string) => noteText(page).locator('figure').filter({ has: page.getByRole('img', { name: alt }) })

/** "Add photo" from the keyboard (focus, Enter), then the file picked in the chooser it opens. */
const addPhotoByKeyboard = async (page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> => {
  await addPhotoButton(page).focus()
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')])
  await chooser.setFiles(file)
}

/** The focused element's name once any focus move after a close has landed. */
const focusedName = async (page: Page): Promise<string> => {
  await afterFocusSettles(page)
  const focused = await describeFocus(page)
  expect(focused.visible, `focus shows on ${focused.name} (${focused.tag})`).toBe(true)
  return focused.name
}

describe('adding a photo with the keyboard', () => {
  it('gives focus back to “Add photo” after Esc, “Later” or saving the description', async () => {
    const { page, errors } = note
    const photo = { name: 'entrance.jpg', mimeType: 'image/jpeg', buffer: await drawnJpegBytes(page, 800, 600) }

    await addPhotoByKeyboard(page, photo)
    await describeDialog(page).getByLabel('Alt text').and(page.locator(':focus')).waitFor()
    await page.keyboard.press('Escape')
    await describeDialog(page).waitFor({ state: 'hidden' })
    expect(await focusedName(page)).toBe('Add photo')

    await addPhotoByKeyboard(page, { ...photo, name: 'reading-room.jpg', buffer: await drawnJpegBytes(page, 640, 480) })
    await describeDialog(page).getByLabel('Alt text').and(page.locator(':focus')).waitFor()
    await describeDialog(page).getByRole('button', { name: 'Later' }).focus()
    await page.keyboard.press('Enter')
    await describeDialog(page).waitFor({ state: 'hidden' })
    expect(await focusedName(page)).toBe('Add photo')

    await addPhotoByKeyboard(page, { ...photo, name: 'ramp.jpg', buffer: await drawnJpegBytes(page, 600, 400) })
    await describeDialog(page).getByLabel('Alt text').and(page.locator(':focus')).waitFor()
    await page.keyboard.type('A ramp beside the library steps')
    await describeDialog(page).getByRole('button', { name: 'Save alt text' }).focus()
    await page.keyboard.press('Enter')
    await describeDialog(page).waitFor({ state: 'hidden' })
    await shownPhoto(page, 'A ramp beside the library steps').waitFor()
    expect(await focusedName(page)).toBe('Add photo')
    expect(errors).toEqual([])
  })

  it('after editing a photo’s alt text, gives focus back to that photo’s button, redrawn with it', async () => {
    const { page } = note
    await photoFigure(page, 'A ramp beside the library steps').getByRole('button', { name: 'Edit alt text' }).focus()
    await page.keyboard.press('Enter')
    const field = describeDialog(page).getByLabel('Alt text')
    await field.and(page.locator(':focus')).waitFor()
    await field.fill('A ramp with a handrail beside the library steps')
    await describeDialog(page).getByRole('button', { name: 'Save alt text' }).focus()
    await page.keyboard.press('Enter')
    await describeDialog(page).waitFor({ state: 'hidden' })
    await shownPhoto(page, 'A ramp with a handrail beside the library steps').waitFor()

    expect(await focusedName(page)).toBe('Edit alt text')
    const edited = photoFigure(page, 'A ramp with a handrail beside the library steps')
    expect(await edited.getByRole('button', { name: 'Edit alt text' }).evaluate((el) => el === document.activeElement)).toBe(true)
    await expectNoAxeViolations(page, 'a note with photos added by keyboard')

    // Printed (or saved as PDF), a photo keeps its caption on its own page.
    await page.emulateMedia({ media: 'print' })
    try {
      expect(await edited.evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid')
    } finally {
      await page.emulateMedia({ media: 'screen' })
    }
    expect(await edited.evaluate((el) => getComputedStyle(el).breakInside)).toBe('auto')
  })

  it('tells someone who picks a program or a PDF through “Add photo” which images it takes', async () => {
    const { page, errors } = note
    await addPhotoByKeyboard(page, { name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ\x90\x00not a photo', 'latin1') })
    const alert = page.getByRole('alert').filter({ hasText: 'setup.exe' })
    await alert.waitFor()
    expect(await alert.textContent()).toBe('setup.exe is not a photo Mutual can add. Choose a JPEG, PNG, WebP or GIF image.')
    expect(await focusedName(page)).toBe('Add photo')

    // A PDF (one the app would attach as a file) picked through the same chooser is not a photo either.
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1')
    await addPhotoByKeyboard(page, { name: 'minutes.pdf', mimeType: 'application/pdf', buffer: pdf })
    await page.getByRole('alert').filter({ hasText: 'minutes.pdf is not a photo Mutual can add.' }).waitFor()
    expect(await noteText(page).getByText('minutes.pdf').count()).toBe(0)

    // "Attach file" keeps its own list of what it takes.
    await page.getByRole('button', { name: 'Attach file', exact: true }).focus()
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')])
    await chooser.setFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ\x90\x00not a photo', 'latin1') })
    await page.getByRole('alert').filter({ hasText: 'PDFs, office documents, or text files' }).waitFor()
    expect(errors).toEqual([])
  })
})
