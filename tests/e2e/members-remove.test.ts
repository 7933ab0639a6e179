/**
 * Issue 13 (#9), removing a member, over WebRTC and over the relay: three separate Chromium
 * processes, Asha (owner), Ben and Cai (editors). Over WebRTC the app server has loopback
 * signalling and no relay at all; over the relay every device turns the app's signalling off.
 * Asha removes Cai through Members, after a confirmation that names him and says what stays with
 * him. The removal and a new key wrapped for Asha's and Ben's devices travel in the old rooms;
 * Asha's and Ben's devices move to the new key by themselves, and Asha's invitation links carry
 * it. Cai's device says calmly that it was removed and is read-only. A line Cai's device writes
 * past its interface afterwards (through a handle on the document kept from before, as developer
 * tools allow) reaches neither Asha nor Ben, and nothing they write after the
 * re-key reaches Cai, while each of them receives the other's. Asha's new invitation links, and a
 * changes file she makes, carry the new key without a reload. Her overview's people list says
 * Cai is no longer a member, beside Ben's role.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { WorkspaceId, WorkspaceSecret } from '../../src/domain/ids'
import { openChangesFile } from '../../src/sync/changes-file'
import { useAppWithDevices } from './support/app-with-devices'
import { expectNoAxeViolations } from './support/axe'
import { ASHA, BEN, noteText } from './support/editor-driver'
import { holdTheNote, writePastTheInterface } from './support/past-the-interface'
import { startRelayedAppServer } from './support/relay'
import { workspaceIdOf } from './support/indexeddb-probes'
import { joinThroughInvite } from './support/relay-bed'
import { turnOffSignalling, waitUntilRelayHolds } from './support/relay-devices'
import { startLabWithNote, WARM_HOMES, writeUnderContext } from './support/role-invites'
import { startSyncedAppServer, type SyncedAppServer } from './support/signalling'
import { openInvite, readInviteLink, syncLabel } from './support/signalling-peers'

const { lab: LAB, note: NOTE, firstLine: BEFORE } = WARM_HOMES
const CAI = { name: 'Cai Jones', organisation: 'Cardiff Council' }
const FROM_ASHA = 'Asha wrote this after the re-key.'
const FROM_BEN = 'Ben wrote this after the re-key.'
const FROM_CAI = 'Cai wrote this after his removal.'

/** One way for changes to travel, and what "handed on" means on it. */
interface Transport {
  over: string
  start(): Promise<SyncedAppServer>
  /** Keeps this device to this transport alone (through the Sync menu, as a person would). */
  keepTo(page: Page): Promise<void>
  /** Waits until what this device holds is where the others can take it from. */
  handedOn(page: Page): Promise<void>
}

const TRANSPORTS: Transport[] = [
  {
    over: 'over WebRTC',
    // Signalling and no relay: nothing can travel but peer to peer.
    start: () => startSyncedAppServer(),
    keepTo: async () => {},
    // A removed device left alone in the old room: no peer can take anything from it.
    handedOn: (page) => syncLabel(page).filter({ hasText: /nobody else here/ }).waitFor()
  },
  { over: 'over the relay', start: () => startRelayedAppServer(), keepTo: turnOffSignalling, handedOn: waitUntilRelayHolds }
]

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

/** Two editors' links; on the way, a viewer's link says plainly that it does not let anyone change anything. */
const twoEditorLinks = async (page: Page): Promise<[string, string]> => {
  const { dialog: invite } = await openInvite(page)
  await invite.getByLabel('They join as').selectOption({ label: 'Viewer: Can read and export.' })
  await invite.getByText(/and see everything in it, but not change it or comment/).waitFor()
  await invite.getByRole('button', { name: 'Close' }).last().click()
  await invite.waitFor({ state: 'hidden' })
  // Each new invitation starts from Editor again: the links read next are editors' links.
  return [await readInviteLink(page), await readInviteLink(page)]
}

/** Asha removes Cai through Members, past a confirmation that says what stays with him. */
const removeThroughMembers = async (page: Page, person: typeof CAI, others: (typeof CAI)[]): Promise<void> => {
  await page.getByRole('button', { name: 'Members' }).click()
  const members = page.getByRole('dialog', { name: 'Members' })
  // Everyone is listed once their joins have come through.
  for (const { name } of [person, ...others]) await members.getByRole('button', { name: `Remove ${name}` }).waitFor()
  await members.getByRole('button', { name: `Remove ${person.name}` }).click()
  const confirm = page.getByRole('dialog', { name: `Remove ${person.name} from this workspace?` })
  await confirm.getByText(`What ${person.name} already has stays with them`).waitFor()
  // The safe choice has focus first.
  await expect.poll(() => confirm.getByRole('button', { name: 'Cancel' }).evaluate((b) => b === document.activeElement)).toBe(true)
  await expectNoAxeViolations(page, 'the confirmation before removing a member')
  await confirm.getByRole('button', { name: `Remove ${person.name}` }).click()
  await members.getByRole('status').filter({ hasText: `${person.name} has been removed.` }).waitFor()
  await expect.poll(() => members.getByRole('button', { name: `Remove ${person.name}` }).count()).toBe(0)
  await expectNoAxeViolations(page, 'the member list after a removal')
  await members.getByRole('button', { name: 'Close' }).last().click()
}

for (const transport of TRANSPORTS) {
  describe(`removing a member ${transport.over}`, () => {
    const app = useAppWithDevices(transport.start)

    it(`cuts the removed member off ${transport.over} while the others carry on under a new key`, async () => {
      const asha = await app.device().open()
      await startLabWithNote(asha.page, app.server.url, ASHA, LAB, NOTE, BEFORE)
      await transport.keepTo(asha.page)
      const [benLink, caiLink] = await twoEditorLinks(asha.page)
      const oldSecret = secretOf(benLink)
      const ben = await app.device().open()
      await joinThroughInvite(ben.page, benLink, BEN, LAB)
      await transport.keepTo(ben.page)
      const cai = await app.device().open()
      await joinThroughInvite(cai.page, caiLink, CAI, LAB)
      await transport.keepTo(cai.page)
      for (const { page } of [ben, cai]) {
        await page.getByRole('link', { name: NOTE }).click()
        await noteText(page).getByText(BEFORE).waitFor()
        // Both joined as editors: they may write, and invite commenters and viewers.
        await expect.poll(() => noteText(page).getAttribute('contenteditable')).toBe('true')
        await page.getByRole('button', { name: 'Invite people' }).waitFor()
      }

      // Someone at Cai's device keeps a handle on the note's document, as developer tools allow.
      await holdTheNote(cai.page)

      await removeThroughMembers(asha.page, CAI, [BEN])

      // The overview's people list no longer shows Cai as someone with access; Ben keeps his role.
      await asha.page.getByRole('link', { name: 'Overview' }).click()
      const people = asha.page.getByRole('region', { name: 'People in this workspace' })
      await people.getByRole('listitem').filter({ hasText: CAI.name }).filter({ hasText: 'No longer a member' }).waitFor()
      await people.getByRole('listitem').filter({ hasText: BEN.name }).filter({ hasText: 'Editor' }).waitFor()
      await people.getByText('how to remove access: see Members').waitFor()
      await asha.page.getByRole('link', { name: NOTE }).click()
      await noteText(asha.page).getByText(BEFORE).waitFor()

      // Cai's device hears of it in the old rooms, says so calmly, and stops offering changes.
      await cai.page.getByRole('status').filter({ hasText: 'This device was removed from this workspace' }).waitFor()
      await cai.page.getByText('What is already here stays here').waitFor()
      await expect.poll(() => noteText(cai.page).getAttribute('aria-readonly')).toBe('true')
      await expect.poll(() => cai.page.getByRole('button', { name: 'Invite people' }).count()).toBe(0)
      await expectNoAxeViolations(cai.page, 'a removed member’s workspace')

      // Asha's invitations now carry the new key; what she writes under it reaches Ben, whose
      // device moved to it by itself.
      await expect.poll(async () => secretOf(await readInviteLink(asha.page)), { timeout: 120_000, interval: 2_000 }).not.toBe(oldSecret)
      // So does a changes file Asha makes now, without a reload: Cai's old key does not open it.
      const newSecret = secretOf(await readInviteLink(asha.page))
      const changesFile = await exportChangesFile(asha.page)
      const workspaceId = workspaceIdOf(asha.page) as WorkspaceId
      expect((await openChangesFile(changesFile, workspaceId, oldSecret as WorkspaceSecret)).ok).toBe(false)
      expect((await openChangesFile(changesFile, workspaceId, newSecret as WorkspaceSecret)).ok).toBe(true)
      await writeUnderContext(asha.page, FROM_ASHA)
      await noteText(ben.page).getByText(FROM_ASHA).waitFor({ timeout: 120_000 })

      // Through that handle, past its read-only interface, Cai's device writes anyway; the line
      // is handed on as far as Cai's device can take it.
      await writePastTheInterface(cai.page, 'note-text', FROM_CAI)
      await noteText(cai.page).getByText(FROM_CAI).waitFor()
      await transport.handedOn(cai.page)

      // Ben carries on too: what he writes under the new key lands in his note and reaches Asha.
      await expect.poll(() => noteText(ben.page).getAttribute('contenteditable')).toBe('true')
      await ben.page.getByRole('button', { name: 'Invite people' }).waitFor()
      await writeUnderContext(ben.page, FROM_BEN)
      await noteText(asha.page).getByText(FROM_BEN).waitFor({ timeout: 120_000 })

      // Asha and Ben have each other's lines and not Cai's; Cai, in the old rooms, has neither.
      for (const { page } of [asha, ben]) expect(await noteText(page).innerText()).not.toContain(FROM_CAI)
      const caiText = await noteText(cai.page).innerText()
      expect(caiText).toContain(BEFORE)
      expect(caiText).not.toContain(FROM_ASHA)
      expect(caiText).not.toContain(FROM_BEN)

      expect(asha.errors).toEqual([])
      expect(ben.errors).toEqual([])
      expect(cai.errors).toEqual([])
    }, 600_000)
  })
}
