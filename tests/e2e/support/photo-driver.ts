import type { JSHandle, Locator, Page } from 'playwright-core'
import { noteText } from './editor-driver'

/** A picture for a test: drawn in the page and encoded by the browser itself, so it decodes. */
export interface DrawnPhoto {
  readonly name: string
  readonly type: 'image/jpeg' | 'image/png'
  readonly width: number
  readonly height: number
}

/** The photo shown in the open note under this alt text (the figure carries the name). */
export const shownPhoto = (page: Page, alt: string): Locator => noteText(page).getByRole('img', { name: alt })

/** Whether that photo's picture has really been decoded, not merely put in the page. */
export const photoLoaded = (page: Page, alt: string): Promise<boolean> =>
  shownPhoto(page, alt)
    .locator('img')
    .evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)
    .catch(() => false)

/** The decoded size of that photo's picture. */
export const photoSize = (page: Page, alt: string): Promise<number[]> =>
  shownPhoto(page, alt)
    .locator('img')
    .evaluate((img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight])

/** A JPEG's bytes, drawn in the page (a gradient) and encoded by the browser itself, for a file chooser. */
export const drawnJpegBytes = async (page: Page, width: number, height: number): Promise<Buffer> =>
  Buffer.from(
    await page.evaluate(
      async ({ width, height }) => {
        const canvas = new OffscreenCanvas(width, height)
        const context = canvas.getContext('2d')!
        const gradient = context.createLinearGradient(0, 0, width, height)
        gradient.addColorStop(0, '#2a6f97')
        gradient.addColorStop(1, '#f4a261')
        context.fillStyle = gradient
        context.fillRect(0, 0, width, height)
        const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })
        return [...new Uint8Array(await blob.arrayBuffer())]
      },
      { width, height }
    )
  )

/** A real image File made in the page: drawn on a canvas and encoded by the browser itself. */
const drawPhotoFile = (page: Page, photo: DrawnPhoto): Promise<JSHandle<File>> =>
  page.evaluateHandle(async (photo) => {
    const canvas = new OffscreenCanvas(photo.width, photo.height)
    const context = canvas.getContext('2d')!
    context.fillStyle = '#2a6f97'
    context.fillRect(0, 0, photo.width, photo.height)
    context.fillStyle = '#f4a261'
    context.fillRect(photo.width / 4, photo.height / 4, photo.width / 2, photo.height / 2)
    const blob = await canvas.convertToBlob({ type: photo.type, quality: 0.9 })
    return new File([blob], photo.name, { type: photo.type })
  }, photo)

/**
 * Drops a real image file on the note's text as a person dragging it from their desktop does:
 * dragenter, dragover and drop near the top middle of the text, the file in the DataTransfer.
 * Returns whether the page took the drop (cancelled it), as it must for the browser not to
 * open the file in place of the app.
 */
export const dropPhotoOnNote = async (page: Page, photo: DrawnPhoto): Promise<boolean> => {
  const file = await drawPhotoFile(page, photo)
  return noteText(page).evaluate((target, file) => {
    const dataTransfer = new DataTransfer()
    dataTransfer.items.add(file)
    const box = target.getBoundingClientRect()
    const at = { clientX: box.left + box.width / 2, clientY: box.top + Math.min(box.height / 2, 20) }
    const send = (type: string): boolean =>
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer, ...at }))
    send('dragenter')
    send('dragover')
    return !send('drop')
  }, file)
}

/**
 * Pastes a real image file into the note's text once it has focus, as after copying a
 * screenshot: a paste event whose clipboard data holds the file. Returns whether the page took it.
 */
export const pastePhotoIntoNote = async (page: Page, photo: DrawnPhoto): Promise<boolean> => {
  const file = await drawPhotoFile(page, photo)
  await noteText(page).focus()
  return page.evaluate((file) => {
    const target = document.activeElement
    if (!target) throw new Error('Nothing has focus to paste into')
    const clipboardData = new DataTransfer()
    clipboardData.items.add(file)
    return !target.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData }))
  }, file)
}

/** Answers the "Describe this photo" dialog the app opens after a photo is added. */
export const describePhoto = async (page: Page, alt: string): Promise<void> => {
  const dialog = page.getByRole('dialog', { name: 'Describe this photo' })
  await dialog.waitFor()
  await dialog.getByLabel('Alt text').fill(alt)
  await dialog.getByRole('button', { name: 'Save alt text' }).click()
  await dialog.waitFor({ state: 'hidden' })
}
