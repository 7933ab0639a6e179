/**
 * Issue 16, photos in notes: a photo added by the file picker is made smaller without its
 * location data, asked for alt text and shown; a file that is not what its name says is
 * refused and nothing is stored; the Word export holds the photo; and a second device, in its
 * own Chromium process, opening the note gets the photo from the first over WebRTC.
 */
import JSZip from 'jszip'
import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { noteText } from './support/editor-driver'
import { drawnJpegBytes, photoLoaded, shownPhoto } from './support/photo-driver'
import { startSyncedAppServer, type SyncedAppServer } from './support/signalling'
import { closePeers, joinByLink, openPeer, readInviteLink, waitForSyncLabel, type Peer } from './support/signalling-peers'

let server: SyncedAppServer
let asha: Peer
let ben: Peer | undefined

beforeAll(async () => {
  server = await startSyncedAppServer()
  asha = await openPeer(server.url, 'Asha')
})

afterAll(async () => {
  await closePeers([asha, ben])
  await server?.close()
})

const GPS_TEXT = 'GPSLatitude=53.5444N'

/** A photo drawn in the page (2400 × 1800) and encoded as JPEG, with an EXIF segment naming a place put in after SOI. */
const photoWithLocation = async (page: Page): Promise<Buffer> => {
  const jpeg = await drawnJpegBytes(page, 2400, 1800)
  const payload = Buffer.concat([Buffer.from('Exif\0\0MM\0\x2a\0\0\0\x08', 'latin1'), Buffer.from(GPS_TEXT, 'latin1')])
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload])
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)])
}

/** Every attachment row kept on this device, as latin1 text, read straight from IndexedDB. */
const storedAttachments = (page: Page): Promise<string[]> =>
  page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('mutual-attachments-'))
    const rows: string[] = []
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      const values = await new Promise<{ bytes: ArrayBuffer }[]>((resolve, reject) => {
        const request = db.transaction('blobs').objectStore('blobs').getAll()
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      db.close()
      for (const v of values) rows.push(new TextDecoder('latin1').decode(v.bytes))
    }
    return rows
  })

describe('photos in a note', () => {
  it('adds a photo from the file picker, asks for alt text and shows it, without its location', async () => {
    const page = asha.page
    await setUpProfile(page, { name: 'Asha Patel', organisation: 'Oldham Council' })
    await createWorkspaceThroughUi(page, { name: 'Food lab', leadCouncil: 'Oldham Council' })
    await page.getByRole('button', { name: 'New note' }).click()
    const dialog = page.getByRole('dialog', { name: 'New note' })
    await dialog.getByLabel('Title').fill('Site visit')
    await dialog.getByRole('button', { name: 'Create note' }).click()
    await noteText(page).waitFor()
    await page.getByText('Up to 20 MB a file, 500 MB for the workspace on this device.').waitFor()

    const photo = await photoWithLocation(page)
    expect(photo.includes(GPS_TEXT)).toBe(true)
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Add photo' }).click()])
    await chooser.setFiles({ name: 'entrance.jpg', mimeType: 'image/jpeg', buffer: photo })

    const describe = page.getByRole('dialog', { name: 'Describe this photo' })
    await describe.waitFor()
    // Until described, the photo says so, on screen and to screen readers.
    await noteText(page).getByText('Alt text missing').waitFor()
    await shownPhoto(page, 'Photo: alt text missing').waitFor()
    await describe.getByLabel('Alt text').fill('The community centre entrance, with a step and no ramp')
    await describe.getByRole('button', { name: 'Save alt text' }).click()

    await shownPhoto(page, 'The community centre entrance, with a step and no ramp').waitFor()
    await expect.poll(() => photoLoaded(page, 'The community centre entrance, with a step and no ramp'), { timeout: 60_000 }).toBe(true)
    await expect(noteText(page).getByText('Alt text missing').count()).resolves.toBe(0)
    const size = await shownPhoto(page, 'The community centre entrance, with a step and no ramp')
      .locator('img')
      .evaluate((img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight])
    expect(size).toEqual([1600, 1200])

    const stored = await storedAttachments(page)
    expect(stored).toHaveLength(1)
    expect(stored[0]!.includes(GPS_TEXT)).toBe(false)
    expect(stored[0]!.includes('Exif')).toBe(false)
    await expectNoAxeViolations(page, 'note with a photo')
  })

  it('refuses a file that is not what its name says, and stores nothing', async () => {
    const page = asha.page
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Attach file' }).click()])
    await chooser.setFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><body>not a PDF</body></html>') })
    await page.getByRole('alert').filter({ hasText: 'minutes.pdf is not what its name says' }).waitFor()
    expect(await storedAttachments(page)).toHaveLength(1)
    await expect(noteText(page).getByRole('link', { name: /minutes\.pdf/ }).count()).resolves.toBe(0)
  })

  it('exports the note to Word with the photo in it', async () => {
    const page = asha.page
    await page.getByRole('button', { name: 'Export' }).click()
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Word document (.docx)' }).click()])
    const zip = await JSZip.loadAsync(await readFile(await file.path()))
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'))
    expect(media).toHaveLength(1)
    expect(await zip.file('word/document.xml')!.async('string')).toContain('The community centre entrance, with a step and no ramp')
  })

  it('a second device opening the note gets the photo from the first', async () => {
    ben = await openPeer(server.url, 'Ben')
    const link = await readInviteLink(asha.page)
    await joinByLink(ben, link, { name: 'Ben Okafor', organisation: 'Preston City Council' })
    await waitForSyncLabel(ben.page, 'Connected to 1 peer')
    await ben.page.getByRole('link', { name: 'Site visit' }).click()
    await noteText(ben.page).waitFor()
    const alt = 'The community centre entrance, with a step and no ramp'
    await shownPhoto(ben.page, alt).waitFor({ timeout: 60_000 })
    await expect.poll(() => photoLoaded(ben!.page, alt), { timeout: 90_000 }).toBe(true)
    expect(await storedAttachments(ben.page)).toHaveLength(1)
    await expectNoAxeViolations(ben.page, 'note with a photo from another device')
  })
})
