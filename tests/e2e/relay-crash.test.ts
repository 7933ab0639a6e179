/**
 * Issue 8: the relay process killed with SIGKILL while a person is writing, then restarted.
 * Every change the app showed as held by the relay ("Relay holds your changes") is there
 * afterwards for another device, with PGlite and with a real PostgreSQL; and what was not yet
 * acknowledged reaches the others once its author opens the workspace again.
 *
 * The app server here has no signalling and no relay of its own, and each person turns the app's
 * signalling off: nothing can travel peer to peer, so all of it goes through the relay process.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { createNoteThroughUi, noteText } from './support/editor-driver'
import { workspaceIdOf } from './support/indexeddb-probes'
import { joinThroughInvite, useRelayBed, withRelayDatabase } from './support/relay-bed'
import { relayProcessOptions, type RelayDatabase } from './support/relay-database'
import { RELAY_HOLDS, useOnlyRelay, waitUntilRelayHolds } from './support/relay-devices'
import { startRelayProcess } from './support/relay-process'
import { readInviteLink, syncLabel } from './support/signalling-peers'
import { openFromSidebar } from './support/workspace-tour'

const bed = useRelayBed()

const NOTE = 'Site visit notes'
const part = (k: number): string => `Part ${k} of the visit.`
/** Parts typed, and waited for, before the relay is killed. */
const SETTLED_PARTS = 3
/** Parts typed one after another without waiting; the relay is killed among them. */
const RUSHED_PARTS = 8
const KILL_AFTER = SETTLED_PARTS + 2

/** Types one part at the end of the open note, as one input. */
const typePart = async (page: Page, k: number): Promise<void> => {
  await page.keyboard.insertText(` ${part(k)}`)
}

/**
 * Whether the toolbar says the relay holds everything now. Read after a part was typed, this
 * covers that part: typing it makes the relay connection busy at once (in the same task), and
 * only the relay's acknowledgement of it makes the connection say "holds" again.
 */
const relayHoldsNow = async (page: Page): Promise<boolean> => RELAY_HOLDS.test((await syncLabel(page).textContent()) ?? '')

const killDuringWrites = async (database: RelayDatabase): Promise<void> => {
  const relay = await startRelayProcess(relayProcessOptions(database))
  const ashaDevice = bed.device()
  const asha = await ashaDevice.open()
  await asha.page.goto(bed.app.url)
  await setUpProfile(asha.page, { name: 'Asha Patel', organisation: 'Oldham Council' })
  await createWorkspaceThroughUi(asha.page, { name: 'Crash lab', leadCouncil: 'Oldham Council' })
  await useOnlyRelay(asha.page, relay.url, { signalling: false })
  await createNoteThroughUi(asha.page, 'Site visit', NOTE)
  const link = await readInviteLink(asha.page)
  await noteText(asha.page).click()

  // Parts the app showed as held by the relay: those must survive.
  const acknowledged: number[] = []
  for (let k = 1; k <= SETTLED_PARTS; k++) {
    await typePart(asha.page, k)
    await waitUntilRelayHolds(asha.page)
    acknowledged.push(k)
  }
  // Then writing without pause, and the relay killed in the middle of it.
  let killed: Promise<void> | null = null
  const total = SETTLED_PARTS + RUSHED_PARTS
  for (let k = SETTLED_PARTS + 1; k <= total; k++) {
    await typePart(asha.page, k)
    if (await relayHoldsNow(asha.page)) acknowledged.push(k)
    if (k === KILL_AFTER) killed = relay.kill('SIGKILL')
  }
  await killed
  // Whatever the toolbar said after the kill still counts: it may have read "holds" just before.
  await syncLabel(asha.page).filter({ hasNotText: RELAY_HOLDS }).waitFor()
  await noteText(asha.page).getByText(part(total)).waitFor()
  const id = workspaceIdOf(asha.page)
  await asha.context.close()

  // The relay comes back; Tom joins with nobody else online and finds every acknowledged part.
  await relay.restart()
  const tom = await bed.device().open()
  await joinThroughInvite(tom.page, link, { name: 'Tom Hughes', organisation: 'Kirklees Council' }, 'Crash lab')
  await openFromSidebar(tom.page, NOTE)
  for (const k of acknowledged) await noteText(tom.page).getByText(part(k), { exact: false }).waitFor()
  expect(acknowledged.length).toBeGreaterThanOrEqual(SETTLED_PARTS)

  // Asha opens again: what the relay never acknowledged is sent now, and reaches Tom live.
  const again = await ashaDevice.open()
  await again.page.goto(`${bed.app.url}#/w/${id}`)
  await again.page.getByRole('heading', { level: 1, name: 'Crash lab' }).waitFor()
  await waitUntilRelayHolds(again.page)
  for (let k = 1; k <= total; k++) await noteText(tom.page).getByText(part(k), { exact: false }).waitFor()
  expect([...asha.errors, ...again.errors, ...tom.errors]).toEqual([])
  await relay.stop()
}

describe('the relay killed with SIGKILL during writes', () => {
  it('PGlite: every change the app showed as held is there after a restart', () => withRelayDatabase('pglite', killDuringWrites), 600_000)
  it('PostgreSQL: every change the app showed as held is there after a restart', () => withRelayDatabase('postgres', killDuringWrites), 600_000)
})
