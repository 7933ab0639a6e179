/**
 * Issue 8: work reaches colleagues who are never online at the same time, through the relay next
 * to the app. Each person is a separate Chromium process; they are never open together, so
 * WebRTC cannot carry anything. Everything in a workspace travels: notes, reports, comments, the
 * partner map, boards, versions and the workspace's details; and a new device, opened with nobody
 * else online, receives the whole workspace from the relay. A workspace set to peer-to-peer only
 * sends nothing to a relay.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { readOverviewDetails, startLab } from './support/app-driver'
import { useRelayedAppServer } from './support/app-with-devices'
import { expectNoAxeViolations } from './support/axe'
import { addNotes, createBoardThroughUi, noteActions } from './support/board-driver'
import { createNoteThroughUi, createReportThroughUi, noteText, reportText, selectText, settle, toolbarButton } from './support/editor-driver'
import { workspaceIdOf } from './support/indexeddb-probes'
import { addPartnerThroughUi, closeDialog, tableNames } from './support/partner-map-driver'
import { joinThroughInvite } from './support/relay-bed'
import { waitUntilRelayHolds } from './support/relay-devices'
import { editDetails, readInviteLink, waitForSyncLabel } from './support/signalling-peers'
import { commentsRegion, openFromSidebar, saveVersion, versionsRegion } from './support/workspace-tour'

const app = useRelayedAppServer()

const LAB = 'Relay lab'
const NOTE = 'Visit to the food hub'
const REPORT = 'Interim report'
const BOARD = 'Ideas board'
const ASHA = { name: 'Asha Patel', organisation: 'Oldham Council' }

/** What one person made, and where each piece shows. */
interface Work {
  noteText: string
  reportText: string
  comment: string
  partner: string
  boardNote: string
  version: string
  description: string
}

const ASHA_WORK: Work = {
  noteText: 'Cold storage is the bottleneck.',
  reportText: 'Residents trust the food hub on Market Street.',
  comment: 'Which hub? There are two.',
  partner: 'Oldham Food Bank',
  boardNote: 'Community fridge',
  version: 'Before the workshop',
  description: 'Food access across two councils.'
}

const TOM_WORK: Omit<Work, 'comment' | 'description'> & { reply: string; startDate: string } = {
  noteText: 'Volunteers know people by name.',
  reportText: 'Queues start at eight.',
  reply: 'The one by the bus station.',
  partner: 'Kirklees Pantry',
  boardNote: 'Shared meals',
  version: 'After Tom’s review',
  startDate: '2026-03-02'
}

/** Puts the caret at the end of an editor and types, as one input. */
const typeAtEnd = async (page: Page, editor: ReturnType<typeof noteText>, text: string): Promise<void> => {
  await editor.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.insertText(` ${text}`)
  await editor.getByText(text, { exact: false }).waitFor()
}

const thread = (page: Page) => commentsRegion(page).getByRole('article', { name: /commented on “food hub on Market Street”/ })

/** Asha, alone, in her new workspace: something of every kind in it. */
const ashaMakesEverything = async (page: Page): Promise<void> => {
  await createNoteThroughUi(page, 'Site visit', NOTE)
  await typeAtEnd(page, noteText(page), ASHA_WORK.noteText)

  await createReportThroughUi(page, REPORT)
  await typeAtEnd(page, reportText(page), ASHA_WORK.reportText)
  await selectText(reportText(page), 'food hub on Market Street')
  await toolbarButton(page, 'Comment').click()
  await commentsRegion(page).getByLabel('Your comment').fill(ASHA_WORK.comment)
  await commentsRegion(page).getByRole('button', { name: 'Add comment' }).click()
  await thread(page).waitFor()
  await settle(page)

  await createBoardThroughUi(page, BOARD, { columns: ['Ideas'] })
  await addNotes(page, 'Ideas', [ASHA_WORK.boardNote])

  await openFromSidebar(page, 'Overview', LAB)
  await page.getByRole('button', { name: 'Start the partner map' }).click()
  await page.getByRole('heading', { level: 1, name: 'Partner map' }).waitFor()
  await closeDialog(await addPartnerThroughUi(page, { name: ASHA_WORK.partner }))

  await openFromSidebar(page, 'Overview', LAB)
  await editDetails(page, { description: ASHA_WORK.description })
  await saveVersion(page, ASHA_WORK.version)
}

/** Tom, alone: adds to every kind of thing Asha made. */
const tomAddsToEverything = async (page: Page): Promise<void> => {
  await openFromSidebar(page, NOTE)
  await typeAtEnd(page, noteText(page), TOM_WORK.noteText)

  await openFromSidebar(page, REPORT)
  await typeAtEnd(page, reportText(page), TOM_WORK.reportText)
  await thread(page).getByRole('button', { name: 'Reply to Asha Patel' }).click()
  await thread(page).getByLabel('Reply to Asha Patel').fill(TOM_WORK.reply)
  await thread(page).getByRole('button', { name: 'Reply', exact: true }).click()
  await thread(page).getByText(TOM_WORK.reply).waitFor()

  await openFromSidebar(page, BOARD)
  await addNotes(page, 'Ideas', [TOM_WORK.boardNote])

  await openFromSidebar(page, 'Partner map')
  await closeDialog(await addPartnerThroughUi(page, { name: TOM_WORK.partner }))

  await openFromSidebar(page, 'Overview', LAB)
  await editDetails(page, { startDate: TOM_WORK.startDate })
  await saveVersion(page, TOM_WORK.version)
}

/** Everything listed is on this device's screens (waiting for it to arrive). */
const expectWork = async (page: Page, works: (Partial<Work> & { reply?: string })[]): Promise<void> => {
  const all = <K extends keyof Work | 'reply'>(key: K) => works.flatMap((w) => (w[key as keyof typeof w] ? [w[key as keyof typeof w] as string] : []))
  await openFromSidebar(page, NOTE)
  for (const text of all('noteText')) await noteText(page).getByText(text, { exact: false }).waitFor()
  await openFromSidebar(page, REPORT)
  for (const text of all('reportText')) await reportText(page).getByText(text, { exact: false }).waitFor()
  for (const text of [...all('comment'), ...all('reply')]) await thread(page).getByText(text).waitFor()
  await expect.poll(() => reportText(page).locator('.comment-anchor').allInnerTexts()).toEqual(['food hub on Market Street'])
  await openFromSidebar(page, BOARD)
  for (const text of all('boardNote')) await noteActions(page, text).waitFor()
  await openFromSidebar(page, 'Partner map')
  await expect.poll(() => tableNames(page)).toEqual(expect.arrayContaining(all('partner')))
  await openFromSidebar(page, 'Overview', LAB)
  for (const text of all('description')) await page.getByText(text).waitFor()
  const list = versionsRegion(page).getByRole('list', { name: 'Versions of this workspace' })
  for (const text of all('version')) await list.getByText(text, { exact: true }).waitFor()
}

describe('the relay', () => {
  it('hands everything in a workspace between two people who are never online together, both ways, and to a new device', async () => {
    const ashaDevice = app.device()
    const tomDevice = app.device()

    // Asha works alone and closes her browser.
    const asha = await ashaDevice.open()
    await startLab(asha.page, app.server.url, ASHA, LAB)
    await ashaMakesEverything(asha.page)
    const id = workspaceIdOf(asha.page)
    await waitUntilRelayHolds(asha.page)
    await expectNoAxeViolations(asha.page, 'workspace with the relay holding its changes')
    const link = await readInviteLink(asha.page)
    expect(asha.errors).toEqual([])
    await asha.context.close()

    // Tom joins later, with nobody else online: everything comes from the relay.
    const tom = await tomDevice.open()
    await joinThroughInvite(tom.page, link, { name: 'Tom Hughes', organisation: 'Kirklees Council' }, LAB)
    await expectWork(tom.page, [ASHA_WORK])
    await tomAddsToEverything(tom.page)
    await waitUntilRelayHolds(tom.page)
    expect(tom.errors).toEqual([])
    await tom.context.close()

    // Asha opens her browser again: Tom's work is there, beside hers.
    const again = await ashaDevice.open()
    await again.page.goto(`${app.server.url}#/w/${id}`)
    await expectWork(again.page, [ASHA_WORK, TOM_WORK])
    expect(await readOverviewDetails(again.page)).toMatchObject({ 'Start date': expect.stringMatching(/2026/) })
    await again.context.close()

    // A replacement laptop, with nobody else online: the whole workspace arrives from the relay.
    const laptop = await app.device().open()
    await joinThroughInvite(laptop.page, link, ASHA, LAB)
    await expectWork(laptop.page, [ASHA_WORK, TOM_WORK])
    await waitForSyncLabel(laptop.page, /Relay holds your changes|Relay: sending/)
    await expectNoAxeViolations(laptop.page, 'a new device with the workspace from the relay')
    // "Keeping this work safe" says where the work is, as the sync indicator does.
    await laptop.page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Overview' }).click()
    await laptop.page
      .getByRole('region', { name: 'Keeping this work safe' })
      .getByText(/^Relay holds an encrypted copy of all your changes \(\d\d:\d\d\)\.$/)
      .waitFor()
    expect(laptop.errors).toEqual([])
    await laptop.context.close()
  }, 600_000)

  it('sends nothing to a relay once a workspace is peer-to-peer only, and says so', async () => {
    const asha = await app.device().open()
    await startLab(asha.page, app.server.url, ASHA, 'Private lab')
    await asha.page.getByRole('button', { name: /^Sync / }).click()
    const dialog = asha.page.getByRole('dialog', { name: 'Sync' })
    await dialog.locator('summary', { hasText: 'Connection settings' }).click()
    await dialog.getByRole('radio', { name: 'Peer-to-peer only (no relay)' }).check()
    await dialog.getByText('Your work reaches others only while their device and yours are both online.').waitFor()
    await expectNoAxeViolations(asha.page, 'connection settings, peer-to-peer only')
    await dialog.getByRole('button', { name: 'Save connection settings' }).click()
    await dialog.getByRole('status').filter({ hasText: 'Connection settings saved' }).waitFor()
    await dialog.getByRole('button', { name: 'Close' }).click()
    await waitForSyncLabel(asha.page, 'Peer-to-peer only')
    await asha.page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Overview' }).click()
    await asha.page.getByRole('region', { name: 'Keeping this work safe' }).getByText('Peer-to-peer only', { exact: true }).waitFor()
    await asha.context.close()
  })
})
