/**
 * Issue 3, file sync: two browsers that never connect (no signalling server at all) keep one
 * workspace in step by carrying encrypted changes files. Files for another workspace, damaged,
 * oversized or crafted to make Yjs crawl change nothing, and the page stays usable.
 */
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readWorkspaceMeta } from '../../src/crdt/workspace-meta'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../src/domain/ids'
import { encodeChangesFile } from '../../src/sync/changes-file'
import { readInvitePayload } from '../../src/sync/invite-link'
import { startAppServer, type AppServer } from './support/app-server'
import { craftedSlowUpdate } from './support/crafted-updates'
import { createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { workspaceIdOf } from './support/indexeddb-probes'
import { closePeers, editDetails, joinByLink, openPeer, readInviteLink, sameState, storedDoc, waitForSyncLabel, waitUntilSettled, type Peer } from './support/signalling-peers'

const LAB = 'Coastal towns housing lab'
let server: AppServer
let a: Peer
let b: Peer
let dir = ''
let workspaceId = ''
let secret = ''

beforeAll(async () => {
  // The plain app server: there is no signalling server, so these two can never connect.
  server = await startAppServer()
  ;[a, b] = await Promise.all([openPeer(server.url, 'A'), openPeer(server.url, 'B')])
  dir = mkdtempSync(join(tmpdir(), 'mutual-sync-files-'))
})

afterAll(async () => {
  await closePeers([a, b])
  await server?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const openSync = async (page: Page): Promise<Locator> => {
  await page.locator('.sync-pill').click()
  const dialog = page.getByRole('dialog', { name: 'Sync' })
  await dialog.waitFor()
  return dialog
}

const closeSync = async (dialog: Locator): Promise<void> => {
  await dialog.getByRole('button', { name: 'Close', exact: true }).click()
  await dialog.waitFor({ state: 'hidden' })
}

/** "Export changes", saved where the test can pick it up again. */
const exportChanges = async (page: Page, name: string): Promise<string> => {
  const dialog = await openSync(page)
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export changes' }).click()])
  expect(download.suggestedFilename()).toMatch(/\.mutual-changes$/)
  const path = join(dir, name)
  await download.saveAs(path)
  await dialog.getByRole('status').filter({ hasText: 'Changes file saved' }).waitFor()
  await closeSync(dialog)
  return path
}

/** "Import changes" with a file; resolves with the message shown. */
const importChanges = async (scope: Locator, path: string, expected: string): Promise<string> => {
  await scope.getByLabel('Import changes').setInputFiles(path)
  const message = scope.locator('.alert').filter({ hasText: expected })
  await message.waitFor({ timeout: 120_000 })
  return message.innerText()
}

describe('file sync between two devices that never connect', () => {
  it('brings a joined workspace to a device with no connection, from a changes file', async () => {
    await setUpProfile(a.page, { name: 'Rhys Morgan', organisation: 'Cardiff Council' })
    await createWorkspaceThroughUi(a.page, { name: LAB, leadCouncil: 'Cardiff Council', partnerCouncils: ['Swansea Council'] })
    workspaceId = workspaceIdOf(a.page)
    await waitForSyncLabel(a.page, 'Cannot reach the sync server')
    const link = await readInviteLink(a.page)
    const invite = await readInvitePayload(link.slice(link.indexOf('#/join/') + 7))
    if (!invite.ok) throw new Error('invitation unreadable')
    secret = invite.invite.secret

    await joinByLink(b, link, { name: 'Hannah Clarke', organisation: 'Plymouth City Council' })
    await b.page.getByRole('heading', { level: 1, name: 'Waiting for the workspace to arrive' }).waitFor()
    // Nothing can be made before the workspace arrives (it would have nowhere to open), and the page says why.
    const sidebar = b.page.getByRole('navigation', { name: 'Workspace' })
    const makers = ['New note', 'New report', 'New board', 'Start the partner map'].map((name) => sidebar.getByRole('button', { name }))
    for (const maker of makers) await expect(maker.isDisabled()).resolves.toBe(true)
    await b.page.getByText('Until it arrives, new notes, reports, boards and partner maps cannot be made here').waitFor()
    await expectNoAxeViolations(b.page, 'waiting for a joined workspace, with file import')

    const fromA = await exportChanges(a.page, 'from-a.mutual-changes')
    const bytes = readFileSync(fromA)
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('MUTUALCH')
    expect(bytes.toString('latin1')).not.toContain(LAB)
    expect(bytes.toString('hex')).not.toContain(workspaceId)

    // Once imported the workspace is here: the waiting screen gives way to it.
    await b.page.locator('.waiting-for-workspace').getByLabel('Import changes').setInputFiles(fromA)
    await b.page.getByRole('heading', { level: 1, name: LAB }).waitFor()
    await b.page.locator('.overview-details').getByText('Swansea Council').waitFor()
    for (const maker of makers) await expect.poll(() => maker.isEnabled()).toBe(true)
  })

  it('carries B’s edits back to A, and says when a file holds nothing new', async () => {
    await editDetails(b.page, { description: 'Second homes and empty shops on the seafront' })
    const fromB = await exportChanges(b.page, 'from-b.mutual-changes')
    const dialog = await openSync(a.page)
    await importChanges(dialog, fromB, 'Changes imported')
    await expectNoAxeViolations(a.page, 'sync dialog after importing changes')
    await closeSync(dialog)
    await a.page.locator('.overview-description').getByText('Second homes and empty shops on the seafront').waitFor()
    // Undoable: a version was saved before the import.
    await a.page.getByText(/Before importing a changes file/).first().waitFor()

    const again = await openSync(a.page)
    await importChanges(again, fromB, 'Nothing new in this file')
    await closeSync(again)
    const [docA, docB] = await Promise.all([storedDoc(a.page, workspaceId), storedDoc(b.page, workspaceId)])
    expect(readWorkspaceMeta(docA)).toEqual(readWorkspaceMeta(docB))
  })

  it('refuses files for another workspace, damaged, cut short or oversized, and changes nothing', async () => {
    await waitUntilSettled([a.page], workspaceId)
    const before = await storedDoc(a.page, workspaceId)
    const good = readFileSync(join(dir, 'from-b.mutual-changes'))
    const tampered = Buffer.from(good)
    tampered[tampered.length - 40] = (tampered[tampered.length - 40] as number) ^ 0x20
    writeFileSync(join(dir, 'tampered.mutual-changes'), tampered)
    writeFileSync(join(dir, 'short.mutual-changes'), good.subarray(0, good.length - 100))
    const otherUpdate = Y.encodeStateAsUpdate(new Y.Doc())
    writeFileSync(join(dir, 'other.mutual-changes'), await encodeChangesFile(otherUpdate, makeWorkspaceId(), makeWorkspaceSecret()))
    writeFileSync(join(dir, 'huge.mutual-changes'), good)
    truncateSync(join(dir, 'huge.mutual-changes'), 65 * 1024 * 1024)
    writeFileSync(join(dir, 'notes.txt'), 'Meeting notes, not a changes file')

    const dialog = await openSync(a.page)
    const cases: [string, string][] = [
      ['tampered.mutual-changes', 'damaged, cut short or has been altered'],
      ['short.mutual-changes', 'damaged, cut short or has been altered'],
      ['other.mutual-changes', 'belongs to a different workspace'],
      ['huge.mutual-changes', 'larger than 64 MB'],
      ['notes.txt', 'not a Mutual changes file']
    ]
    for (const [file, message] of cases) {
      const shown = await importChanges(dialog, join(dir, file), message)
      expect(shown, file).toContain('Nothing was changed')
    }
    await expectNoAxeViolations(a.page, 'sync dialog with a refused file')
    await closeSync(dialog)
    expect(sameState(await storedDoc(a.page, workspaceId), before)).toBe(true)
  })

  it('stops reading a crafted file that would make Yjs loop, while the page stays usable', async () => {
    await waitUntilSettled([a.page], workspaceId)
    const before = await storedDoc(a.page, workspaceId)
    const crafted = await encodeChangesFile(craftedSlowUpdate(), workspaceId as never, secret as never)
    const path = join(dir, 'crafted.mutual-changes')
    writeFileSync(path, crafted)
    const dialog = await openSync(a.page)
    await dialog.getByLabel('Import changes').setInputFiles(path)
    await dialog.getByRole('status').filter({ hasText: 'Checking the file…' }).waitFor()
    // While the file is being checked, the page answers: the settings can be opened and typed in.
    await dialog.locator('summary', { hasText: 'Connection settings' }).click()
    const servers = dialog.getByLabel('Other signalling servers')
    await servers.fill('wss://signal.lab.example')
    expect(await servers.inputValue()).toBe('wss://signal.lab.example')
    expect(await dialog.getByRole('status').filter({ hasText: 'Checking the file…' }).count()).toBe(1)
    await dialog.locator('.alert').filter({ hasText: 'Reading this file took too long' }).waitFor({ timeout: 120_000 })
    await closeSync(dialog)
    expect(sameState(await storedDoc(a.page, workspaceId), before)).toBe(true)
  })

  it('had no errors in either page', () => {
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])
  })
})
