/**
 * Backups through the UI: download one, protect one with a passphrase, and open the protected
 * one on another device. A missing or wrong passphrase is said plainly; a passphrase typed
 * into a dialog that was closed is not kept for the next file. The device the workspace is on
 * says a backup of it adds nothing, and opens the workspace. A device that is not a member of
 * the backed-up workspace opens it as a copy of its own, after saying why.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi, goToWorkspaceList, recordFocusWhileBusy } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { downloadFrom } from './support/partner-map-driver'
import { workspaceIdOf } from './support/indexeddb-probes'
import { openFreshPage, useTestBed } from './support/test-bed'

const bed = useTestBed()
const dir = mkdtempSync(join(tmpdir(), 'mutual-backup-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const PASSPHRASE = 'kettle on the hob'

describe('backups', () => {
  it('downloads a protected backup and opens it on another device with its passphrase', async () => {
    const { page, errors } = await openFreshPage(bed, { name: 'Sian Roberts', organisation: 'Cardiff Council' })
    await createWorkspaceThroughUi(page, { name: 'Backup lab', leadCouncil: 'Cardiff Council' })
    const download = page.getByRole('button', { name: 'Download a backup' })
    const protect = page.getByLabel('Protect the backup with a passphrase')
    // Protected by default, with the passphrase masked until its toggle shows it.
    expect(await protect.isChecked()).toBe(true)
    const field = page.getByLabel('Passphrase', { exact: true })
    const show = page.getByRole('button', { name: 'Show passphrase' })
    expect(await field.getAttribute('type')).toBe('password')
    expect(await show.getAttribute('aria-pressed')).toBe('false')
    await field.fill(PASSPHRASE)
    await show.focus()
    await page.keyboard.press('Enter')
    expect(await field.getAttribute('type')).toBe('text')
    expect(await show.getAttribute('aria-pressed')).toBe('true')
    await expectNoAxeViolations(page, 'the backup passphrase, shown')
    await show.click()
    expect(await field.getAttribute('type')).toBe('password')
    await field.fill('')

    // Unprotected: the panel says plainly what such a file is.
    await protect.uncheck()
    await page.getByText('this backup is a permanent key to the workspace').waitFor()
    const plain = await downloadFrom(page, () => download.click())
    expect(plain.bytes.length).toBeGreaterThan(0)
    const downloaded = page.getByRole('status').filter({ hasText: 'Backup downloaded' })
    await downloaded.waitFor()

    // Protected, but with no passphrase: refused, and the last backup's "downloaded" goes.
    await protect.check()
    await download.click()
    await page.getByText('Use a passphrase of at least 8 characters').first().waitFor()
    expect(await downloaded.count()).toBe(0)
    // Focus goes to the field the message is about, which names the problem with its label.
    expect(await page.getByLabel('Passphrase', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true)
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    const file = join(dir, 'backup-lab.mutual')
    writeFileSync(file, (await downloadFrom(page, () => download.click())).bytes)
    await downloaded.waitFor()

    // On her own device the workspace already has everything in the backup: nothing is merged,
    // and the list says so, with the way to open it.
    const own = join(dir, 'backup-lab-plain.mutual')
    writeFileSync(own, plain.bytes)
    await goToWorkspaceList(page)
    await page.getByLabel('Import a workspace file').setInputFiles(own)
    const already = page.getByRole('dialog', { name: 'Already on this device' })
    await already.getByText('“Backup lab” is already on this device, with every change in this file, so nothing was changed.').waitFor()
    await expectNoAxeViolations(page, 'the already-here dialog')
    await already.getByRole('link', { name: 'Open “Backup lab”' }).click()
    await page.getByRole('heading', { level: 1, name: 'Backup lab', exact: true }).waitFor()
    expect(errors).toEqual([])

    // Another device. A file that is not a workspace first: said plainly, below the page's
    // title row, which keeps its buttons side by side.
    const other = await openFreshPage(bed, { name: 'Gareth Price', organisation: 'Newport City Council' })
    const importFile = other.page.getByLabel('Import a workspace file')
    const junk = join(dir, 'notes.mutual')
    writeFileSync(junk, 'These are my notes, not a workspace.')
    await importFile.setInputFiles(junk)
    const problem = other.page.getByRole('alert').filter({ hasText: 'Nothing was imported' })
    await problem.getByText('This is not a Mutual workspace file.').waitFor()
    const newWorkspace = await other.page.getByRole('link', { name: 'New workspace' }).boundingBox()
    const importButton = await other.page.locator('label', { hasText: 'Import a workspace file' }).boundingBox()
    const alertBox = await problem.boundingBox()
    expect(importButton?.y).toBe(newWorkspace?.y)
    expect(alertBox?.y).toBeGreaterThanOrEqual((newWorkspace?.y ?? 0) + (newWorkspace?.height ?? 0))
    await expectNoAxeViolations(other.page, 'the list after a file that is not a workspace')

    await importFile.setInputFiles(file)
    await problem.waitFor({ state: 'detached' })
    const dialog = other.page.getByRole('dialog', { name: 'This backup is protected' })
    await dialog.waitFor()
    await expectNoAxeViolations(other.page, 'the passphrase dialog')
    await dialog.getByRole('button', { name: 'Open backup' }).click()
    await dialog.getByText('Enter the passphrase the backup was protected with').first().waitFor()
    await dialog.getByLabel('Passphrase', { exact: true }).fill('not the passphrase')
    // While the passphrase is tried (a slow key derivation), the busy button keeps keyboard focus.
    const focusWhileBusy = await recordFocusWhileBusy(other.page, 'Open backup')
    await dialog.getByRole('button', { name: 'Open backup' }).focus()
    await other.page.keyboard.press('Enter')
    // Busy from the key press until the passphrase is refused.
    await expect.poll(() => dialog.getByRole('button', { name: 'Open backup' }).getAttribute('aria-disabled')).toBeNull()
    await expect.poll(() => dialog.getByLabel('Passphrase', { exact: true }).getAttribute('aria-invalid')).toBe('true')
    const busyFrames = await focusWhileBusy()
    expect(busyFrames.length).toBeGreaterThan(0)
    expect(busyFrames.every((focused) => focused)).toBe(true)
    await other.page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })

    // Choosing the file again starts afresh: the wrong passphrase is not still in the field.
    await importFile.setInputFiles(file)
    await dialog.waitFor()
    expect(await dialog.getByLabel('Passphrase', { exact: true }).inputValue()).toBe('')
    await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await dialog.getByRole('button', { name: 'Open backup' }).click()

    // Gareth's device is not a member of Sian's workspace: it cannot take the file as that
    // workspace (it would claim to be its only owner, and refuse and be refused by every member),
    // so it says so and opens a copy of his own, with its own address and key.
    const copy = other.page.getByRole('dialog', { name: 'Open this workspace as your own copy?' })
    await copy.getByText('this device is not one of them').waitFor()
    await copy.getByText('ask one of its owners for an invitation').waitFor()
    await expectNoAxeViolations(other.page, 'the own-copy dialog')
    await copy.getByRole('button', { name: 'Open as my own copy' }).click()
    await other.page.getByRole('heading', { level: 1, name: /^Backup lab \(backup of .+\)$/ }).waitFor()
    expect(workspaceIdOf(other.page)).not.toBe(workspaceIdOf(page))
    // The copy is his: he is its owner, and can write and invite in it.
    await other.page.getByRole('button', { name: 'Members' }).click()
    const members = other.page.getByRole('dialog', { name: 'Members' })
    await members.getByText('Gareth Price (you)').waitFor()
    await members.getByText('Role: Owner').waitFor()
    await members.getByRole('button', { name: 'Close' }).last().click()
    await other.page.getByRole('button', { name: 'Invite people' }).waitFor()
    expect(await other.page.getByText('not, or no longer, a member').count()).toBe(0)
    expect(other.errors).toEqual([])
  })
})
