/**
 * Issue 15, bytes sent to a joining device: a new member joins a lab while two colleagues who
 * hold it are online. y-webrtc asked each of them for what the new device lacked, with the same
 * empty state vector, so each built, signed and sent the whole lab, and the new device checked
 * it twice. Now the second ask waits for the first answer and goes out afresh (state-asks.ts):
 * one whole lab arrives, and the second colleague sends only what is still missing.
 */
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { notesWorkspaceFile } from './support/notes-workspace-file'
import { eventually, joinByLink, readInviteLink, waitForSyncLabel } from './support/signalling-peers'
import { useSyncedPeers } from './support/synced-peers'

const LAB = 'Coastal housing retrofit lab'
const NOTES = 24
const LONG = 5 * 60_000

/** A lab of 24 site-visit notes, about 3 MB in all: large enough to arrive in many parts. */
const labFile = (): Buffer =>
  notesWorkspaceFile(
    LAB,
    Array.from({ length: NOTES }, (_, index) => {
      const sentence = `Visit ${index + 1}: damp in the bedrooms, tenants want the loft insulated first. `
      return { title: `Site visit ${index + 1}`, text: sentence.repeat(Math.ceil(125_000 / sentence.length)) }
    })
  ).file

/** How many large messages (sent in parts) this page has received over WebRTC. */
const largeMessagesReceived = (page: Page): Promise<number> =>
  page.evaluate(() => performance.getEntriesByName('mutual:sync:large-receive-complete').length)

/** How many peers' first answers to "here is what I have" this page has dealt with. */
const peersAnswered = (page: Page): Promise<number> => page.evaluate(() => performance.getEntriesByName('mutual:sync:peer-first-answer').length)

const waitForLab = async (page: Page): Promise<void> => {
  await page.getByRole('heading', { level: 1, name: LAB }).waitFor({ timeout: LONG })
  await page.getByRole('heading', { name: `Notes (${NOTES})` }).waitFor({ timeout: LONG })
}

const { peers: [host, colleague, newcomer] } = useSyncedPeers(['host', 'colleague', 'newcomer'])

it('a device joining while two colleagues are online receives the whole lab once', async () => {
  await setUpProfile(host.page, { name: 'Hannah Clarke', organisation: 'Plymouth City Council' })
  await host.page.getByLabel('Import a workspace file').setInputFiles({ name: 'retrofit-lab.mutual', mimeType: 'application/octet-stream', buffer: labFile() })
  await waitForLab(host.page)
  await waitForSyncLabel(host.page, 'Online')
  await joinByLink(colleague, await readInviteLink(host.page), { name: 'Owen Fletcher', organisation: 'Cornwall Council' })
  await waitForLab(colleague.page)
  await expect.poll(() => largeMessagesReceived(colleague.page)).toBe(1)

  await joinByLink(newcomer, await readInviteLink(host.page), { name: 'Priya Shah', organisation: 'Torbay Council' })
  await waitForLab(newcomer.page)
  // Connected to both colleagues, and in step with both.
  await waitForSyncLabel(newcomer.page, /Connected to 2 peers/)
  await newcomer.page.getByRole('link', { name: `Site visit ${NOTES}` }).first().waitFor({ timeout: LONG })
  await expectNoAxeViolations(newcomer.page, 'the overview of a lab just joined with two colleagues online')
  // Whichever colleague answered first sent the lab; the other's answer came after, small.
  await eventually(() => peersAnswered(newcomer.page), (count) => count >= 2, 'both colleagues to answer')
  expect(await largeMessagesReceived(newcomer.page)).toBe(1)
  expect([...host.errors, ...colleague.errors, ...newcomer.errors]).toEqual([])
}, 15 * 60_000)
