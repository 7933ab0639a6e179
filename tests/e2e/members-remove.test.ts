/**
 * Issue 13 (#9), removing a member: three separate Chromium processes, Asha (owner), Ben and Cai
 * (editors), all with the app's signalling off, so everything travels through the relay. Asha
 * removes Cai through Members, after a confirmation that names him and says what stays with him.
 * The removal and a new key wrapped for Asha's and Ben's devices travel in the old relay room;
 * Asha's and Ben's devices move to the new key by themselves; Asha's new change reaches Ben and
 * Ben's reaches Asha. Cai's device says calmly that it was removed, is read-only, and does not
 * receive what Asha and Ben write after the re-key. Asha's new invitation links, and a changes file
 * she makes, carry the new key without a reload.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WorkspaceId, WorkspaceSecret } from '../../src/domain/ids'
import { openChangesFile } from '../../src/sync/changes-file'
import { createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { caretAtEndOf, createNoteThroughUi, noteText } from './support/editor-driver'
import { startRelayedAppServer, type RelayedAppServer } from './support/relay'
import { joinThroughInvite } from './support/relay-bed'
import { makeDevices, turnOffSignalling, waitUntilRelayHolds } from './support/relay-devices'
import { workspaceIdOf } from './support/indexeddb-probes'
import { openInvite, readInviteLink } from './support/signalling-peers'

const LAB = 'Warm homes lab'
const NOTE = 'Visit to the advice centre'
const ASHA = { name: 'Asha Patel', organisation: 'Oldham Council' }
const BEN = { name: 'Ben Okafor', organisation: 'Preston City Council' }
const CAI = { name: 'Cai Jones', organisation: 'Cardiff Council' }

let server: RelayedAppServer | null = null
const devices = makeDevices()
beforeAll(async () => {
  server = await startRelayedAppServer()
})
afterAll(async () => {
  await devices.cleanUp()
  await server?.close()
})

/** "Export changes" in the Sync dialog: the file's bytes. */
const exportChangesFile = async (page: Page): Promise<Uint8Array> => {
  await page.locator('.sync-pill').click()
  const dialog = page.getByRole('dialog', { name: 'Sync' })
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export changes' }).click()])
  const bytes = new Uint8Array(readFileSync(await download.path()))
  await dialog.getByRole('button', { name: 'Close', exact: true }).click()
  await dialog.waitFor({ state: 'hidden' })
  return bytes
}

const secretOf = (link: string): string => {
  const secret = /#\/join\/[0-9a-f]{32}\.([A-Za-z0-9_-]{43})/.exec(link)?.[1]
  if (!secret) throw new Error(`No secret in the invitation ${link}`)
  return secret
}

/** Opens the shared note and types a line at the end of its Context section. */
const writeInNote = async (page: Page, line: string): Promise<void> => {
  await caretAtEndOf(noteText(page), 'Context')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.type(line)
}

describe('removing a member', () => {
  it('cuts the removed member off through the relay while the others carry on under a new key', async () => {
    if (!server) throw new Error('The app server did not start')
    const asha = await devices.device().open()
    await asha.page.goto(server.url)
    await setUpProfile(asha.page, ASHA)
    await createWorkspaceThroughUi(asha.page, { name: LAB, leadCouncil: ASHA.organisation })
    await turnOffSignalling(asha.page)
    await createNoteThroughUi(asha.page, 'Interview', NOTE)
    await writeInNote(asha.page, 'Residents asked about loft insulation grants.')
    await waitUntilRelayHolds(asha.page)

    // A viewer's link says plainly that it does not let anyone change the workspace.
    const { dialog: invite } = await openInvite(asha.page)
    await invite.getByLabel('They join as').selectOption({ label: 'Viewer: Can read and export.' })
    await invite.getByText(/and see everything in it, but not change it or comment/).waitFor()
    await invite.getByRole('button', { name: 'Close' }).last().click()
    await invite.waitFor({ state: 'hidden' })
    // Each new invitation starts from Editor again: the links read next are editors' links.

    const benLink = await readInviteLink(asha.page)
    const caiLink = await readInviteLink(asha.page)
    const oldSecret = secretOf(benLink)
    const ben = await devices.device().open()
    await joinThroughInvite(ben.page, benLink, BEN, LAB)
    await turnOffSignalling(ben.page)
    const cai = await devices.device().open()
    await joinThroughInvite(cai.page, caiLink, CAI, LAB)
    await turnOffSignalling(cai.page)
    for (const { page } of [ben, cai]) {
      await page.getByRole('link', { name: NOTE }).click()
      await noteText(page).getByText('Residents asked about loft insulation grants.').waitFor()
      // Both joined as editors: they may write, and invite commenters and viewers.
      await expect.poll(() => noteText(page).getAttribute('contenteditable')).toBe('true')
      await page.getByRole('button', { name: 'Invite people' }).waitFor()
    }

    // Asha sees all three members once both joins have come through the relay.
    await asha.page.getByRole('button', { name: 'Members' }).click()
    const members = asha.page.getByRole('dialog', { name: 'Members' })
    await members.getByRole('button', { name: `Remove ${CAI.name}` }).waitFor()
    await members.getByRole('button', { name: `Remove ${BEN.name}` }).waitFor()
    await members.getByRole('button', { name: `Remove ${CAI.name}` }).click()
    const confirm = asha.page.getByRole('dialog', { name: `Remove ${CAI.name} from this workspace?` })
    await confirm.getByText(`What ${CAI.name} already has stays with them`).waitFor()
    // The safe choice has focus first.
    await expect.poll(() => confirm.getByRole('button', { name: 'Cancel' }).evaluate((b) => b === document.activeElement)).toBe(true)
    await expectNoAxeViolations(asha.page, 'the confirmation before removing a member')
    await confirm.getByRole('button', { name: `Remove ${CAI.name}` }).click()
    await members.getByRole('status').filter({ hasText: `${CAI.name} has been removed.` }).waitFor()
    await expect.poll(() => members.getByRole('button', { name: `Remove ${CAI.name}` }).count()).toBe(0)
    await expectNoAxeViolations(asha.page, 'the member list after a removal')
    await members.getByRole('button', { name: 'Close' }).last().click()

    // Cai's device hears of it in the old room, says so calmly, and stops offering changes.
    await cai.page.getByRole('status').filter({ hasText: 'This device was removed from this workspace' }).waitFor()
    await cai.page.getByText('What is already here stays here').waitFor()
    await expect.poll(() => noteText(cai.page).getAttribute('aria-readonly')).toBe('true')
    await expect.poll(() => cai.page.getByRole('button', { name: 'Invite people' }).count()).toBe(0)
    await expectNoAxeViolations(cai.page, 'a removed member’s workspace')

    // Asha's invitations now carry the new key, which Ben's device also moved to by itself.
    await expect.poll(async () => secretOf(await readInviteLink(asha.page)), { timeout: 120_000, interval: 2_000 }).not.toBe(oldSecret)
    // So does a changes file Asha makes now, without a reload: Cai's old key does not open it.
    const newSecret = secretOf(await readInviteLink(asha.page))
    const changesFile = await exportChangesFile(asha.page)
    const workspaceId = workspaceIdOf(asha.page) as WorkspaceId
    expect((await openChangesFile(changesFile, workspaceId, oldSecret as WorkspaceSecret)).ok).toBe(false)
    expect((await openChangesFile(changesFile, workspaceId, newSecret as WorkspaceSecret)).ok).toBe(true)
    await writeInNote(asha.page, 'Asha wrote this after the re-key.')
    await noteText(ben.page).getByText('Asha wrote this after the re-key.').waitFor({ timeout: 120_000 })
    await waitUntilRelayHolds(asha.page)

    // Ben carries on too: what he writes under the new key lands in his note and reaches Asha.
    await expect.poll(() => noteText(ben.page).getAttribute('contenteditable')).toBe('true')
    await ben.page.getByRole('button', { name: 'Invite people' }).waitFor()
    await writeInNote(ben.page, 'Ben wrote this after the re-key.')
    await noteText(asha.page).getByText('Ben wrote this after the re-key.').waitFor({ timeout: 120_000 })
    await waitUntilRelayHolds(ben.page)

    // Cai is still connected to the old room and caught up with it, yet has none of it.
    await waitUntilRelayHolds(cai.page)
    const caiText = await noteText(cai.page).innerText()
    expect(caiText).toContain('Residents asked about loft insulation grants.')
    expect(caiText).not.toContain('Asha wrote this after the re-key.')
    expect(caiText).not.toContain('Ben wrote this after the re-key.')

    expect(asha.errors).toEqual([])
    expect(ben.errors).toEqual([])
    expect(cai.errors).toEqual([])
  }, 600_000)
})
