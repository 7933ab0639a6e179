/**
 * Issue 8: an entry altered in the relay's database (a dishonest host, or a damaged disk) is
 * refused by the device that receives it: nothing it had saved changes, nothing of the altered
 * entry is applied, and the person is told so on screen. With PGlite and with PostgreSQL.
 *
 * No signalling: everything travels through the relay process, never peer to peer.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { createNoteThroughUi, noteText } from './support/editor-driver'
import { readRows, workspaceDbName, workspaceIdOf } from './support/indexeddb-probes'
import { joinThroughInvite, useRelayBed, withRelayDatabase } from './support/relay-bed'
import { alterEntriesAfter, relayHead, relayProcessOptions, type RelayDatabase } from './support/relay-database'
import { useOnlyRelay, waitUntilRelayHolds } from './support/relay-devices'
import { handledBacklog, watchRelayFrames } from './support/relay-frames-seen'
import { startRelayProcess, type RelayProcess } from './support/relay-process'
import { readInviteLink, sameState, storedDoc, syncLabel } from './support/signalling-peers'
import { openFromSidebar } from './support/workspace-tour'

const bed = useRelayBed()

const LAB = 'Tamper lab'
const NOTE = 'Site visit notes'
const BEFORE = 'Seen by both before the change.'
const SECRET = 'Written after Tom left.'
const REFUSED = 'The relay sent a change that was altered or damaged on the way, so this device did not apply it.'

/** Works on the relay's database from outside: PGlite's folder only while its process is stopped. */
const onDatabase = async <T>(database: RelayDatabase, relay: RelayProcess, work: () => Promise<T>): Promise<T> => {
  if (database.kind === 'postgres') return work()
  await relay.stop()
  try {
    return await work()
  } finally {
    await relay.restart()
  }
}

/** Whether `later` holds everything `earlier` did: adding `earlier` to it changes nothing. */
const keepsEverything = (earlier: Y.Doc, later: Y.Doc): boolean => {
  const merged = new Y.Doc({ gc: false })
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(later))
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(earlier))
  return sameState(merged, later)
}

const refuseAlteredEntry = async (database: RelayDatabase): Promise<void> => {
  const relay = await startRelayProcess(relayProcessOptions(database))
  const ashaDevice = bed.device()
  const tomDevice = bed.device()

  // Asha starts a note; Tom joins while she is away and reads it.
  const asha = await ashaDevice.open()
  await asha.page.goto(bed.app.url)
  await setUpProfile(asha.page, { name: 'Asha Patel', organisation: 'Oldham Council' })
  await createWorkspaceThroughUi(asha.page, { name: LAB, leadCouncil: 'Oldham Council' })
  await useOnlyRelay(asha.page, relay.url, { signalling: false })
  await createNoteThroughUi(asha.page, 'Site visit', NOTE)
  await noteText(asha.page).click()
  await asha.page.keyboard.insertText(BEFORE)
  await waitUntilRelayHolds(asha.page)
  const id = workspaceIdOf(asha.page)
  const link = await readInviteLink(asha.page)
  await asha.context.close()

  const tom = await tomDevice.open()
  await joinThroughInvite(tom.page, link, { name: 'Tom Hughes', organisation: 'Kirklees Council' }, LAB)
  await openFromSidebar(tom.page, NOTE)
  await noteText(tom.page).getByText(BEFORE).waitFor()
  await waitUntilRelayHolds(tom.page)
  const tomBefore = await storedDoc(tom.page, id)
  await tom.context.close()
  const seenByTom = await onDatabase(database, relay, () => relayHead(database))

  // Asha writes more; the relay's copy of it is then altered.
  const ashaAgain = await ashaDevice.open()
  await ashaAgain.page.goto(`${bed.app.url}#/w/${id}`)
  await openFromSidebar(ashaAgain.page, NOTE)
  await noteText(ashaAgain.page).click()
  await ashaAgain.page.keyboard.press('Control+End')
  await ashaAgain.page.keyboard.insertText(` ${SECRET}`)
  await waitUntilRelayHolds(ashaAgain.page)
  await ashaAgain.context.close()
  const altered = await onDatabase(database, relay, () => alterEntriesAfter(database, seenByTom))
  expect(altered).toBeGreaterThan(0)

  // Tom opens again: he is told, and his copy is as it was.
  const tomAgain = await tomDevice.open()
  const frames = watchRelayFrames(tomAgain.page)
  await tomAgain.page.goto(`${bed.app.url}#/w/${id}`)
  const alert = tomAgain.page.getByRole('alert').filter({ hasText: REFUSED })
  await alert.waitFor()
  await syncLabel(tomAgain.page).filter({ hasText: 'Relay: problem' }).waitFor()
  await expectNoAxeViolations(tomAgain.page, 'a workspace told that the relay sent an altered change')
  // Every entry the relay had for him has been dealt with.
  await expect.poll(() => handledBacklog(frames), { timeout: 120_000 }).toBe(true)
  await openFromSidebar(tomAgain.page, NOTE)
  await noteText(tomAgain.page).getByText(BEFORE).waitFor()
  expect(await noteText(tomAgain.page).textContent()).not.toContain(SECRET)
  const tomAfter = await storedDoc(tomAgain.page, id)
  expect(keepsEverything(tomBefore, tomAfter)).toBe(true)
  const stored = Buffer.concat(((await readRows(tomAgain.page, workspaceDbName(id), 'updates')) as number[][]).map((row) => Buffer.from(row)))
  expect(stored.includes(Buffer.from(SECRET))).toBe(false)
  // The message stays while the workspace is open, wherever he goes in it.
  await alert.waitFor()
  expect(tomAgain.errors).toEqual([])
}

describe('an entry altered in the relay’s database', () => {
  it('PGlite: is refused, changes nothing saved, and the person is told', () => withRelayDatabase('pglite', refuseAlteredEntry), 600_000)
  it('PostgreSQL: is refused, changes nothing saved, and the person is told', () => withRelayDatabase('postgres', refuseAlteredEntry), 600_000)
})
