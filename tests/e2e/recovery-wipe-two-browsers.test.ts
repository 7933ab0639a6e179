/**
 * Issue 9's "wipe, with history" attack, on two devices in separate Chromium processes synced
 * peer to peer: a script run by Asha's device (a member, so every device accepts what it does)
 * deletes every item and every version of the lab. Ben's device flags it on the overview, with
 * who did it, and restores everything from Ben's own local history in one step; Asha's device
 * gets it all back too.
 */
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { attachAuthorship } from '../../src/crdt/authorship'
import { versionsMap } from '../../src/crdt/versions'
import { artifactsMap } from '../../src/crdt/workspace-doc'
import { createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { createNoteThroughUi } from './support/editor-driver'
import { addRow, readRows, workspaceDbName, workspaceIdOf } from './support/indexeddb-probes'
import { joinByLink, readInviteLink, storedDoc, waitForSyncLabel } from './support/signalling-peers'
import { useSyncedPeers } from './support/synced-peers'

const LAB = 'Preston community wealth lab'
const NOTES = ['Market traders interview', 'Anchor institutions workshop', 'Procurement desk research']
const VERSION = 'Before the board meeting'

const { peers: [asha, ben] } = useSyncedPeers(['Asha', 'Ben'])

const sidebar = (page: Page): Locator => page.getByRole('navigation', { name: 'Workspace' })
const sidebarTitles = (page: Page): Promise<string[]> =>
  Promise.all(NOTES.map(async (title) => ((await sidebar(page).getByRole('link', { name: title, exact: true }).count()) > 0 ? title : ''))).then((t) =>
    t.filter(Boolean).sort()
  )
const versionsList = (page: Page): Locator => page.getByRole('list', { name: 'Versions of this workspace' })

describe('a wipe of every item and version is undone from local history', () => {
  it('Asha writes three notes and names a version; Ben joins and sees them', async () => {
    await setUpProfile(asha.page, { name: 'Asha Patel', organisation: 'Oldham Council', colour: 'Green' })
    await createWorkspaceThroughUi(asha.page, { name: LAB, leadCouncil: 'Preston City Council' })
    for (const title of NOTES) await createNoteThroughUi(asha.page, 'Desk research', title)
    await sidebar(asha.page).getByRole('link', { name: 'Overview', exact: true }).click()
    await asha.page.getByLabel('Name this version').fill(VERSION)
    await asha.page.getByRole('button', { name: 'Save version' }).click()
    await asha.page.getByRole('status').filter({ hasText: `Saved version “${VERSION}”.` }).waitFor()

    const link = await readInviteLink(asha.page)
    await joinByLink(ben, link, { name: 'Ben Okafor', organisation: 'Preston City Council', colour: 'Purple' })
    await ben.page.getByRole('heading', { level: 1, name: LAB }).waitFor()
    await Promise.all([asha, ben].map((p) => waitForSyncLabel(p.page, 'Connected to 1 peer')))
    await expect.poll(() => sidebarTitles(ben.page), { timeout: 60_000 }).toEqual([...NOTES].sort())
    await versionsList(ben.page).getByText(VERSION, { exact: true }).waitFor()
    // Ben's device has started its own history of the lab.
    await ben.page.getByRole('list', { name: 'Checkpoints on this device' }).getByRole('listitem').first().waitFor()
  })

  it("a script on Asha's device deletes every item and every version; Ben sees the flag naming her", async () => {
    const id = workspaceIdOf(asha.page)
    const profile = (await readRows(asha.page, 'mutual-registry', 'settings')).find((row): row is { id: string; name: string } =>
      typeof row === 'object' && row !== null && (row as { name?: unknown }).name === 'Asha Patel'
    )
    if (!profile) throw new Error("Asha's profile is not stored")
    // The script works on the workspace as her device stores it, as her member, and stores its
    // deletions where her app will load and send them.
    const doc = await storedDoc(asha.page, id)
    const before = Y.encodeStateVector(doc)
    attachAuthorship(doc, profile.id)
    doc.transact(() => {
      for (const key of [...artifactsMap(doc).keys()]) artifactsMap(doc).delete(key)
      for (const key of [...versionsMap(doc).keys()]) versionsMap(doc).delete(key)
    })
    // Yjs records whose deletions they were on a timer, right after the transaction.
    await new Promise((resolve) => setTimeout(resolve, 0))
    await addRow(asha.page, workspaceDbName(id), 'updates', { bytes: Array.from(Y.encodeStateAsUpdate(doc, before)) })
    await asha.page.reload()
    await asha.page.getByRole('heading', { level: 1, name: LAB }).waitFor()
    await expect.poll(() => sidebarTitles(asha.page)).toEqual([])

    await expect.poll(() => sidebarTitles(ben.page), { timeout: 60_000 }).toEqual([])
    const flag = ben.page.getByRole('alert').filter({ hasText: 'deleted in a few minutes' })
    await flag.waitFor({ timeout: 60_000 })
    await expect.poll(() => flag.locator('.alert-title').textContent()).toMatch(/^3 items and \d+ versions? deleted in a few minutes by Asha Patel \(Oldham Council\)$/)
    await expectNoAxeViolations(ben.page, 'the overview with a run of deletions flagged')
  })

  it('Ben restores everything in one step; both devices have every note and version again', async () => {
    await ben.page.getByRole('button', { name: 'Restore everything that was deleted' }).click()
    await ben.page.getByRole('status').filter({ hasText: /Brought back 3 deleted items, \d+ versions?\./ }).waitFor()
    await expect.poll(() => ben.page.getByRole('alert').filter({ hasText: 'deleted in a few minutes' }).count()).toBe(0)
    await expect.poll(() => sidebarTitles(ben.page)).toEqual([...NOTES].sort())
    await versionsList(ben.page).getByText(VERSION, { exact: true }).waitFor()

    await expect.poll(() => sidebarTitles(asha.page), { timeout: 60_000 }).toEqual([...NOTES].sort())
    await versionsList(asha.page).getByText(VERSION, { exact: true }).waitFor({ timeout: 60_000 })
    await expectNoAxeViolations(ben.page, 'the overview after restoring')
  })
})
