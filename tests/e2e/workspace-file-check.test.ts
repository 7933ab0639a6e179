/**
 * Issue 9: workspace files and backups are checked as changes files are, in a Web Worker with
 * a time limit. A file crafted to make Yjs loop is stopped with a plain message, the page
 * answers meanwhile, and nothing is imported.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../src/domain/ids'
import { frameWorkspaceFile, WORKSPACE_FILE_FORMAT, type WorkspaceFileHeader } from '../../src/storage/workspace-file'
import { expectNoAxeViolations } from './support/axe'
import { craftedSlowUpdate } from './support/crafted-updates'
import { openFreshPage, useTestBed } from './support/test-bed'

const bed = useTestBed()
const dir = mkdtempSync(join(tmpdir(), 'mutual-file-check-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('a workspace file crafted to make Yjs loop', () => {
  it('is stopped after its time limit with a plain message, the page answering meanwhile, and nothing imported', async () => {
    const { page, errors } = await openFreshPage(bed, { name: 'Sian Roberts', organisation: 'Cardiff Council' })
    const path = join(dir, 'crafted.mutual')
    const header: WorkspaceFileHeader = { format: WORKSPACE_FILE_FORMAT, workspaceId: makeWorkspaceId(), secret: makeWorkspaceSecret(), name: 'Crafted', exportedAt: 1 }
    writeFileSync(path, frameWorkspaceFile(header, craftedSlowUpdate()))

    await page.getByLabel('Import a workspace file').setInputFiles(path)
    await page.locator('label', { hasText: 'Importing…' }).waitFor()
    // While the file is checked the page answers: its own controls still respond.
    const heading = page.getByRole('heading', { level: 1, name: 'Your workspaces' })
    expect(await heading.evaluate((el) => el.textContent)).toBe('Your workspaces')
    const problem = page.getByRole('alert').filter({ hasText: 'Nothing was imported' })
    await problem.getByText('Reading this file took too long').waitFor({ timeout: 120_000 })
    expect(await page.getByRole('link', { name: 'Crafted' }).count()).toBe(0)
    await expectNoAxeViolations(page, 'the list after a file that took too long')
    expect(errors).toEqual([])
  })
})
