/**
 * Issue 7, a live workshop across devices: a facilitator and two participants, each in a
 * separate Chromium process, joined by the invitation link and synced peer to peer through
 * the loopback signalling server. The facilitator brings everyone to the board, runs a silent
 * brainstorm, locks and unlocks, runs a dot vote and reveals it; everyone sees the same
 * ranked result and the same time on the shared timer.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { addNotes, column, createBoardThroughUi, note, noteActions, openFacilitatorTools, timerSeconds, waitForAnnouncement } from './support/board-driver'
import { startSyncedAppServer, type SyncedAppServer } from './support/signalling'
import { closePeers, joinByLink, openPeer, readInviteLink, waitForSyncLabel, type Peer } from './support/signalling-peers'

const LAB = 'Warm spaces lab'
const KIM_CLOCK_AHEAD_MS = 3 * 60_000
const BOARD = 'Warm spaces review'
const people = {
  fay: { name: 'Fay Okafor', organisation: 'Oldham Council', colour: 'Green' },
  sam: { name: 'Sam Reid', organisation: 'Preston City Council', colour: 'Purple' },
  kim: { name: 'Kim Lee', organisation: 'Lambeth Council', colour: 'Amber' }
}

let server: SyncedAppServer
let fay: Peer
let sam: Peer
let kim: Peer

beforeAll(async () => {
  server = await startSyncedAppServer()
  // Kim's laptop clock is three minutes fast: the shared timer must still read the same there.
  ;[fay, sam, kim] = await Promise.all([
    openPeer(server.url, 'Fay'),
    openPeer(server.url, 'Sam'),
    openPeer(server.url, 'Kim', { clockAheadMs: KIM_CLOCK_AHEAD_MS })
  ])
})

afterAll(async () => {
  await closePeers([fay, sam, kim])
  await server?.close()
})

const all = (): Page[] => [fay.page, sam.page, kim.page]
const participants = (): Page[] => [sam.page, kim.page]

/** The ranked results as shown: one "rank text — column votes" line per note. */
const ranking = (page: Page): Promise<string[]> =>
  page.getByRole('region', { name: 'Vote results' }).getByRole('listitem').allInnerTexts()

describe('a workshop board shared by three devices', () => {
  it('the facilitator makes a board, invites two people and brings them to it', async () => {
    await setUpProfile(fay.page, people.fay)
    await createWorkspaceThroughUi(fay.page, { name: LAB, leadCouncil: 'Oldham Council' })
    await createBoardThroughUi(fay.page, BOARD, { template: /What works/ })
    const link = await readInviteLink(fay.page)
    await Promise.all([joinByLink(sam, link, people.sam), joinByLink(kim, link, people.kim)])
    await Promise.all(all().map((page) => waitForSyncLabel(page, 'Connected to 2 peers')))
    // The participants are in the workspace, not on the board yet.
    await Promise.all(participants().map((page) => page.getByRole('heading', { level: 1, name: LAB }).waitFor()))

    // Kim is in the middle of typing: Kim is asked, not moved, so nothing typed is lost.
    await kim.page.getByRole('button', { name: 'Edit details' }).click()
    await kim.page.getByLabel('Short description').fill('Half-written thoughts')

    await openFacilitatorTools(fay.page)
    const tools = fay.page.locator('.facilitator-panel')
    await tools.getByText('elsewhere in the workspace').waitFor()
    await expect.poll(() => tools.locator('.board-people strong').allInnerTexts()).toEqual(['1', '2'])
    await tools.getByRole('button', { name: 'Bring everyone here' }).click()
    await tools.getByRole('status').filter({ hasText: 'Asked 2 people to come to this board.' }).waitFor()
    await sam.page.getByRole('heading', { level: 1, name: BOARD }).waitFor()
    await sam.page.getByRole('status').filter({ hasText: 'Fay Okafor brought everyone to this workshop board.' }).waitFor()
    const asked = kim.page.getByRole('status').filter({ hasText: 'Fay Okafor is bringing everyone to the workshop board.' })
    await asked.waitFor()
    expect(await kim.page.getByLabel('Short description').inputValue()).toBe('Half-written thoughts')
    await expectNoAxeViolations(kim.page, 'the “bring everyone here” notice')
    await asked.getByRole('link', { name: 'Go to the board' }).click()
    await kim.page.getByRole('heading', { level: 1, name: BOARD }).waitFor()
    await expect.poll(() => tools.locator('.board-people strong').allInnerTexts()).toEqual(['3', '0'])
    await fay.page.getByText('3 people on this board').waitFor()
    // Participants see no facilitator tools.
    expect(await sam.page.getByRole('heading', { name: 'Facilitator tools' }).count()).toBe(0)
    await expectNoAxeViolations(sam.page, 'a participant’s board')
  })

  it('keeps notes private during a silent brainstorm and reveals them to all at once', async () => {
    await openFacilitatorTools(fay.page)
    await fay.page.getByRole('button', { name: 'Start silent brainstorm' }).click()
    await Promise.all(participants().map((page) => page.getByText('Notes you add now are private to you').waitFor()))
    await addNotes(sam.page, 'What works', ['Warm welcome at libraries'])
    await addNotes(kim.page, 'What doesn’t', ['Bus times do not match opening hours'])
    await note(sam.page, 'Warm welcome at libraries').getByText('Private until the reveal').waitFor()
    // Others know notes are being written, not what they say.
    await fay.page.getByText('2 notes from others are hidden for now.').waitFor()
    await kim.page.getByText('1 note from someone else is hidden for now.').waitFor()
    expect(await noteActions(fay.page, 'Warm welcome at libraries').count()).toBe(0)
    expect(await noteActions(kim.page, 'Warm welcome at libraries').count()).toBe(0)

    await fay.page.getByRole('button', { name: 'Reveal all notes (2 hidden)' }).click()
    for (const page of all()) {
      await note(column(page, 'What works'), 'Warm welcome at libraries').waitFor()
      await note(column(page, 'What doesn’t'), 'Bus times do not match opening hours').waitFor()
    }
    await waitForAnnouncement(kim.page, 'The silent brainstorm is over')
    expect(await sam.page.getByText('Private until the reveal').count()).toBe(0)

    await addNotes(fay.page, 'Ideas', ['A map of warm spaces'])
    await addNotes(kim.page, 'Ideas', ['Text reminders the day before'])
    for (const page of all()) {
      await noteActions(page, 'A map of warm spaces').waitFor()
      await noteActions(page, 'Text reminders the day before').waitFor()
      await note(page, 'Warm welcome at libraries').getByText('Sam Reid').waitFor()
    }
  })

  it('lets the facilitator lock the board against participants’ edits, and unlock it', async () => {
    await openFacilitatorTools(fay.page)
    await fay.page.getByLabel('Lock the board').check()
    for (const page of participants()) {
      await page.getByText('The facilitator has locked this board').waitFor()
      await page.getByRole('button', { name: 'Add note to Ideas' }).waitFor({ state: 'detached' })
      await expect.poll(() => noteActions(page, 'A map of warm spaces').isDisabled()).toBe(true)
    }
    await expectNoAxeViolations(sam.page, 'a locked board, as a participant')
    await fay.page.getByLabel('Lock the board').uncheck()
    for (const page of participants()) await page.getByRole('button', { name: 'Add note to Ideas' }).waitFor()
  })

  it('runs a dot vote: dots left for each person, counts hidden until the reveal, the same ranking everywhere', async () => {
    await fay.page.getByRole('button', { name: 'Start a dot vote' }).click()
    await fay.page.getByLabel('Dots per person').fill('2')
    await fay.page.getByRole('button', { name: 'Open voting' }).click()
    await Promise.all(all().map((page) => page.getByText('2 of 2 dots').waitFor()))
    await waitForAnnouncement(sam.page, 'Voting is open. You have 2 dots to place.')
    await expectNoAxeViolations(kim.page, 'an open vote, as a participant')

    const dot = async (page: Page, text: string): Promise<void> => {
      await page.getByRole('button', { name: `Add dot to “${text}”` }).click()
    }
    await dot(sam.page, 'A map of warm spaces')
    await dot(sam.page, 'Text reminders the day before')
    await dot(kim.page, 'A map of warm spaces')
    await dot(kim.page, 'Bus times do not match opening hours')
    await dot(fay.page, 'A map of warm spaces')
    await dot(fay.page, 'Warm welcome at libraries')
    await Promise.all(all().map((page) => page.getByText('0 of 2 dots').waitFor()))
    await Promise.all(all().map((page) => page.getByText('3 people have voted.', { exact: false }).waitFor()))
    // Nobody sees how many dots a note has before the reveal.
    for (const page of all()) expect(await page.locator('.vote-badge').count()).toBe(0)

    await fay.page.getByRole('button', { name: 'Reveal results' }).click()
    const shown = await Promise.all(all().map(async (page) => {
      await page.getByRole('region', { name: 'Vote results' }).waitFor()
      await expect.poll(() => ranking(page).then((r) => r.length)).toBe(4)
      return ranking(page)
    }))
    expect(shown[0]?.[0]).toMatch(/^1\s*A map of warm spaces — Ideas\s*3 dots$/)
    expect(shown[0]?.slice(1)).toEqual([expect.stringMatching(/^2\s.*1 dot$/s), expect.stringMatching(/^2\s.*1 dot$/s), expect.stringMatching(/^2\s.*1 dot$/s)])
    expect(shown[1]).toEqual(shown[0])
    expect(shown[2]).toEqual(shown[0])
    await expectNoAxeViolations(sam.page, 'revealed results, as a participant')
  })

  it('shows the same time on every device’s shared timer', async () => {
    await fay.page.getByLabel('Length').selectOption('10')
    await fay.page.getByRole('button', { name: 'Reset' }).click()
    await Promise.all(all().map((page) => expect.poll(() => timerSeconds(page)).toBe(600)))
    await fay.page.getByRole('button', { name: 'Start', exact: true }).click()
    await Promise.all(participants().map((page) => page.getByText('Running', { exact: true }).waitFor()))
    // Read close together; the three readings may differ by the moment each is taken. Kim's
    // clock is three minutes fast, so Kim's device reads the time by Fay's clock, which it
    // learns from Fay's presence within half a minute of joining.
    const spread = async (): Promise<number> => {
      const running = await Promise.all(all().map((page) => timerSeconds(page)))
      expect(Math.max(...running)).toBeLessThanOrEqual(600)
      return Math.max(...running) - Math.min(...running)
    }
    await expect.poll(spread, { timeout: 60_000 }).toBeLessThanOrEqual(2)
    expect(await timerSeconds(kim.page)).toBeGreaterThan(600 - 60)

    await fay.page.getByRole('button', { name: '+1 minute' }).click()
    await fay.page.getByRole('button', { name: 'Pause' }).click()
    await Promise.all(all().map((page) => page.getByText('Paused', { exact: true }).waitFor()))
    // Paused, the time left is a stored number: exactly the same everywhere.
    const paused = await Promise.all(all().map((page) => timerSeconds(page)))
    expect(new Set(paused).size).toBe(1)
    expect(paused[0]).toBeGreaterThan(600)
  })

  it('removes, restores and moves a column for everyone, with its notes', async () => {
    const headings = (page: Page) => page.locator('.board-columns').getByRole('heading', { level: 2 }).allTextContents()
    const fayColumnMenu = (title: string, item: string) => async (): Promise<void> => {
      await fay.page.getByRole('button', { name: `Actions for column ${title}`, exact: true }).click()
      await fay.page.getByRole('menuitem', { name: item, exact: true }).click()
    }
    await fayColumnMenu('Ideas', 'Remove column…')()
    await fay.page.getByRole('dialog', { name: 'Remove the column “Ideas”?' }).getByRole('button', { name: 'Remove column' }).click()
    for (const page of participants()) {
      await expect.poll(() => headings(page)).toEqual(['What works', 'What doesn’t'])
      await waitForAnnouncement(page, 'The column Ideas was removed.')
      // Its notes (the top-ranked one among them) left the vote results with it.
      await expect.poll(() => ranking(page).then((r) => r.length)).toBe(2)
      expect((await ranking(page)).join('\n')).not.toContain('A map of warm spaces')
    }
    // Participants see what was removed, but only facilitators put columns back.
    await sam.page.locator('summary').filter({ hasText: 'Removed columns (1)' }).click()
    await sam.page.getByText('— 2 notes').waitFor()
    expect(await sam.page.getByRole('button', { name: 'Restore column Ideas' }).count()).toBe(0)
    await expectNoAxeViolations(sam.page, 'removed columns, as a participant')

    await fay.page.locator('summary').filter({ hasText: 'Removed columns (1)' }).click()
    await fay.page.getByRole('button', { name: 'Restore column Ideas' }).click()
    await waitForAnnouncement(sam.page, 'The column Ideas is back.')
    await fayColumnMenu('Ideas', 'Move left')()
    await fayColumnMenu('Ideas', 'Move left')()
    for (const page of all()) {
      await expect.poll(() => headings(page)).toEqual(['Ideas', 'What works', 'What doesn’t'])
      await note(column(page, 'Ideas'), 'A map of warm spaces').waitFor()
      // Restored, its notes count in the vote again.
      expect((await ranking(page))[0]).toMatch(/^1\s*A map of warm spaces — Ideas\s*3 dots$/)
    }
  })

  it('had no errors on any device', () => {
    expect([...fay.errors, ...sam.errors, ...kim.errors]).toEqual([])
  })
})
