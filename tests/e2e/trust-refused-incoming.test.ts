/**
 * Found by QA: two people each imported the same workspace file made before signed membership
 * existed. Each device claimed the imported copy with itself as its only owner, so from then on
 * each refused everything the other sent through the relay, as it must, and the only sign was a
 * warning in the browser's console: both believed their work was shared.
 *
 * Now the refusal stands and the person is told, in the Sync status: a notice beside the Sync
 * button, and in the Sync dialog how many changes, from how many devices, and what to do.
 *
 * Two Chromium processes on their own profiles, one relay process on PostgreSQL, no signalling:
 * everything travels through the relay.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { notesWorkspaceFile } from './support/notes-workspace-file'
import { useRelayBed, withRelayDatabase } from './support/relay-bed'
import { relayProcessOptions, type RelayDatabase } from './support/relay-database'
import { useOnlyRelay, waitUntilRelayHolds } from './support/relay-devices'
import { startRelayProcess } from './support/relay-process'
import { createNoteThroughUi } from './support/editor-driver'
import { openFromSidebar } from './support/workspace-tour'

const bed = useRelayBed()

const LAB = 'Damp and mould lab'
const ASHAS_NOTE = 'Asha’s follow-up'
const NOT_A_MEMBER = 'Changes from another device were not accepted: it is not a member of this workspace as this device knows it.'

/**
 * A workspace file as devices wrote them before signed membership: the lab and its notes, and
 * no membership log at all (built through src/crdt, as the app did then).
 */
const preTrustFile = notesWorkspaceFile(LAB, [{ title: 'Site visit notes', text: 'Mould in two flats on Hill Street.' }]).file

/** A person on their own device imports the file, then syncs through the relay alone. */
const importAndUseRelay = async (page: Page, relayUrl: string, person: { name: string; organisation: string }): Promise<void> => {
  await page.goto(bed.app.url)
  await setUpProfile(page, person)
  await page.getByLabel('Import a workspace file').setInputFiles({ name: 'damp-lab.mutual', mimeType: 'application/octet-stream', buffer: preTrustFile })
  await page.getByRole('heading', { level: 1, name: LAB }).waitFor()
}

const refusedAndTold = async (database: RelayDatabase): Promise<void> => {
  const relay = await startRelayProcess(relayProcessOptions(database))
  const asha = await bed.device().open()
  await importAndUseRelay(asha.page, relay.url, { name: 'Asha Patel', organisation: 'Oldham Council' })
  // Written before the relay is set: it goes up inside Asha's first signed state, with her record.
  await createNoteThroughUi(asha.page, 'Site visit', ASHAS_NOTE)
  await openFromSidebar(asha.page, 'Overview', LAB)
  await useOnlyRelay(asha.page, relay.url, { signalling: false })
  await waitUntilRelayHolds(asha.page)

  const tom = await bed.device().open()
  await importAndUseRelay(tom.page, relay.url, { name: 'Tom Hughes', organisation: 'Kirklees Council' })
  await useOnlyRelay(tom.page, relay.url, { signalling: false })

  // Tom's device refuses Asha's state (she is no member of his copy), and says so beside Sync.
  const notice = tom.page.getByRole('alert').filter({ hasText: NOT_A_MEMBER })
  await notice.waitFor()
  expect(await notice.innerText()).toContain('Open Sync for what to do.')
  // The refusal itself stands: nothing of Asha's reached Tom's copy.
  expect(await tom.page.getByRole('link', { name: ASHAS_NOTE }).count()).toBe(0)
  await expectNoAxeViolations(tom.page, 'the overview telling of changes from another device not accepted')

  // The Sync dialog: how many, and what to do.
  await tom.page.getByRole('button', { name: /^Sync / }).click()
  const dialog = tom.page.getByRole('dialog', { name: 'Sync' })
  const facts = dialog.locator('dt', { hasText: 'Not accepted' }).locator('xpath=following-sibling::dd[1]')
  await facts.getByText(/^Since this workspace was opened here: \d+ changes? from 1 device, the last at \d\d:\d\d\./).waitFor()
  await facts.getByText(NOT_A_MEMBER).waitFor()
  expect(await facts.innerText()).toContain('ask an owner to invite them again')
  expect(await facts.innerText()).toContain('If you each imported the same workspace file')
  await expectNoAxeViolations(tom.page, 'the Sync dialog with changes not accepted')
  await dialog.getByRole('button', { name: 'Close' }).click()

  // Tom's own upload reaches the relay, and Asha's device, live, refuses it alike and says so.
  await waitUntilRelayHolds(tom.page)
  await asha.page.getByRole('alert').filter({ hasText: NOT_A_MEMBER }).waitFor()

  expect([...asha.errors, ...tom.errors]).toEqual([])
}

describe('changes from another device refused by the trust check', () => {
  it('are shown in the Sync status when two people each imported the same pre-trust file', () => withRelayDatabase('postgres', refusedAndTold), 600_000)
})
