/**
 * Issue 8: several relay processes share one PostgreSQL database and keep no state of their own.
 * Asha is connected to one process and Tom to another, both online at once, with no signalling
 * (nothing travels peer to peer): each sees the other's writing live, and their notes converge,
 * because fan-out between the processes goes through the database.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { blockOutline, createNoteThroughUi, noteText } from './support/editor-driver'
import { joinThroughInvite, useRelayBed, withRelayDatabase } from './support/relay-bed'
import { relayProcessOptions, type RelayDatabase } from './support/relay-database'
import { useOnlyRelay, waitUntilRelayHolds } from './support/relay-devices'
import { startRelayProcess } from './support/relay-process'
import { startRelayRecorder } from './support/relay-recorder'
import { readInviteLink } from './support/signalling-peers'
import { openFromSidebar } from './support/workspace-tour'

const bed = useRelayBed()
/** docs/relay-protocol.md: an entry the relay sends a member. */
const ENTRY_FRAME = 0x83

const LAB = 'Two relays lab'
const NOTE = 'Workshop notes'
const LINES = 4
const ashaLine = (k: number): string => `Asha's point ${k}.`
const tomLine = (k: number): string => `Tom's point ${k}.`

const typeAtEnd = async (page: Page, text: string): Promise<void> => {
  await noteText(page).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.insertText(` ${text}`)
}

const convergeAcrossProcesses = async (database: RelayDatabase): Promise<void> => {
  const first = await startRelayProcess(relayProcessOptions(database))
  const second = await startRelayProcess(relayProcessOptions(database))
  expect(second.url).not.toBe(first.url)
  // Tom's connection to the second process is recorded, to show what reached him came that way.
  const toSecond = await startRelayRecorder(second.url)

  const asha = await bed.device().open()
  await asha.page.goto(bed.app.url)
  await setUpProfile(asha.page, { name: 'Asha Patel', organisation: 'Oldham Council' })
  await createWorkspaceThroughUi(asha.page, { name: LAB, leadCouncil: 'Oldham Council' })
  await useOnlyRelay(asha.page, first.url, { signalling: false })
  await createNoteThroughUi(asha.page, 'Workshop', NOTE)
  await typeAtEnd(asha.page, 'Agenda agreed.')
  await waitUntilRelayHolds(asha.page)
  const link = await readInviteLink(asha.page)

  // Tom joins (through the first process, named in the invitation), then moves to the second.
  const tom = await bed.device().open()
  await joinThroughInvite(tom.page, link, { name: 'Tom Hughes', organisation: 'Kirklees Council' }, LAB)
  await useOnlyRelay(tom.page, toSecond.url, { signalling: false })
  await openFromSidebar(tom.page, NOTE)
  await noteText(tom.page).getByText('Agenda agreed.').waitFor()
  await waitUntilRelayHolds(tom.page)

  // Both write at once; each sees the other's lines arrive while both are open.
  await Promise.all([
    (async () => {
      for (let k = 1; k <= LINES; k++) await typeAtEnd(asha.page, ashaLine(k))
    })(),
    (async () => {
      for (let k = 1; k <= LINES; k++) await typeAtEnd(tom.page, tomLine(k))
    })()
  ])
  for (let k = 1; k <= LINES; k++) {
    await noteText(tom.page).getByText(ashaLine(k), { exact: false }).waitFor()
    await noteText(asha.page).getByText(tomLine(k), { exact: false }).waitFor()
  }
  // The same text on both, other people's carets left out.
  await expect
    .poll(async () => JSON.stringify(await blockOutline(noteText(asha.page))) === JSON.stringify(await blockOutline(noteText(tom.page))), {
      timeout: 120_000
    })
    .toBe(true)
  await Promise.all([waitUntilRelayHolds(asha.page), waitUntilRelayHolds(tom.page)])
  const entriesToTom = toSecond.traffic.messages.filter((m) => !m.toRelay && m.bytes[1] === ENTRY_FRAME)
  expect(entriesToTom.length).toBeGreaterThan(0)
  await toSecond.close()
  expect([...asha.errors, ...tom.errors]).toEqual([])
}

describe('two relay processes on one PostgreSQL database', () => {
  it('members connected to different processes converge live', () => withRelayDatabase('postgres', convergeAcrossProcesses), 600_000)
})
