/**
 * Issue 9: a backup of a workspace already on this device can be opened as a separate
 * workspace, with its own address and key, instead of merged (a merge cannot undo deletions).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { createNoteThroughUi } from './support/editor-driver'
import { workspaceIdOf } from './support/indexeddb-probes'
import { downloadFrom } from './support/partner-map-driver'
import { openFreshPage, useTestBed } from './support/test-bed'

const bed = useTestBed()
const dir = mkdtempSync(join(tmpdir(), 'mutual-separate-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('opening a backup as a separate workspace', () => {
  it('opens a backup of a workspace already here under a new address, with everything it held', async () => {
    const { page, errors } = await openFreshPage(bed, { name: 'Sian Roberts', organisation: 'Cardiff Council' })
    await createWorkspaceThroughUi(page, { name: 'Tenancy support lab', leadCouncil: 'Cardiff Council' })
    await createNoteThroughUi(page, 'Desk research', 'Housing waiting list figures')
    const originalId = workspaceIdOf(page)
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Overview', exact: true }).click()
    // A plain backup (protection, if it is on, is turned off for this test).
    const protect = page.getByLabel('Protect the backup with a passphrase')
    if (await protect.isChecked()) await protect.uncheck()
    const file = join(dir, 'tenancy.mutual')
    writeFileSync(file, (await downloadFrom(page, () => page.getByRole('button', { name: 'Download a backup' }).click())).bytes)

    await page.goto(bed.server.url)
    await page.getByLabel('Import a workspace file').setInputFiles(file)
    // The workspace here already has every change in the backup: a merge would add nothing.
    const dialog = page.getByRole('dialog', { name: 'Already on this device' })
    await dialog.getByText('Anything deleted here since the file was made stays deleted').waitFor()
    await expectNoAxeViolations(page, 'the already-here or open separately dialog')
    await dialog.getByRole('button', { name: 'Open as a separate workspace' }).click()

    await page.getByRole('heading', { level: 1, name: /^Tenancy support lab \(backup of .+\)$/ }).waitFor()
    expect(workspaceIdOf(page)).not.toBe(originalId)
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Housing waiting list figures', exact: true }).waitFor()
    await page.goto(bed.server.url)
    await page.getByRole('link', { name: 'Tenancy support lab', exact: true }).waitFor()
    await page.getByRole('link', { name: /^Tenancy support lab \(backup of .+\)$/ }).waitFor()
    expect(errors).toEqual([])
  })
})
