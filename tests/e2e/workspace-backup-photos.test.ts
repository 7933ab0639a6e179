/**
 * Issue 16, photos in backups: a protected backup of a workspace whose note holds a photo,
 * opened in a separate Chromium with its own fresh profile (nothing of the first device in
 * its storage, and no peer to fetch from), shows the photo decoded with its alt text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { collectPageErrors, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { launchPersistentBrowser } from './support/chromium'
import { createNoteThroughUi, noteText, openLab } from './support/editor-driver'
import { downloadFrom } from './support/partner-map-driver'
import { describePhoto, dropPhotoOnNote, photoLoaded, photoSize, shownPhoto } from './support/photo-driver'
import { useTestBed } from './support/test-bed'

const bed = useTestBed()
const dir = mkdtempSync(join(tmpdir(), 'mutual-backup-photos-'))
let otherDevice: BrowserContext | undefined
afterAll(async () => {
  await otherDevice?.close()
  rmSync(dir, { recursive: true, force: true })
})

const ALT = 'The library’s reading room, with the new self-service kiosk by the door'
const PASSPHRASE = 'photos of the reading room'

const workspaceLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name, exact: true })

describe('a backup with a photo', () => {
  it('restores the photo, decoded with its alt text, in a fresh browser profile', async () => {
    const page = await openLab(bed.browser, bed.server.url)
    const errors = collectPageErrors(page)
    await createNoteThroughUi(page, 'Site visit', 'Library visit')
    expect(await dropPhotoOnNote(page, { name: 'reading-room.jpg', type: 'image/jpeg', width: 1200, height: 900 })).toBe(true)
    await describePhoto(page, ALT)
    await expect.poll(() => photoLoaded(page, ALT), { timeout: 60_000 }).toBe(true)

    await workspaceLink(page, 'Overview').click()
    const protect = page.getByLabel('Protect the backup with a passphrase')
    if (!(await protect.isChecked())) await protect.check()
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    const file = join(dir, 'food-lab.mutual')
    writeFileSync(file, (await downloadFrom(page, () => page.getByRole('button', { name: 'Download a backup' }).click())).bytes)
    await page.getByRole('status').filter({ hasText: 'Backup downloaded' }).waitFor()
    expect(errors).toEqual([])
    await page.context().close()

    // Another device: its own Chromium process and profile directory, empty storage.
    otherDevice = await launchPersistentBrowser(join(dir, 'other-profile'))
    const other = otherDevice.pages()[0] ?? (await otherDevice.newPage())
    const otherErrors = collectPageErrors(other)
    await other.goto(bed.server.url)
    await setUpProfile(other, { name: 'Gareth Price', organisation: 'Newport City Council' })
    await other.getByLabel('Import a workspace file').setInputFiles(file)
    const dialog = other.getByRole('dialog', { name: 'This backup is protected' })
    await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await dialog.getByRole('button', { name: 'Open backup' }).click()
    // Not a member of the backed-up workspace: it opens as Gareth's own copy (workspace-backup).
    await other.getByRole('dialog', { name: 'Open this workspace as your own copy?' }).getByRole('button', { name: 'Open as my own copy' }).click()
    await other.getByRole('heading', { level: 1, name: /^Food lab \(backup of .+\)$/ }).waitFor()

    await workspaceLink(other, 'Library visit').click()
    await noteText(other).waitFor()
    await shownPhoto(other, ALT).waitFor()
    await expect.poll(() => photoLoaded(other, ALT), { timeout: 60_000 }).toBe(true)
    expect(await photoSize(other, ALT)).toEqual([1200, 900])
    await expect(noteText(other).getByText('Alt text missing').count()).resolves.toBe(0)
    await expectNoAxeViolations(other, 'a restored note with its photo')
    expect(otherErrors).toEqual([])
  })
})
