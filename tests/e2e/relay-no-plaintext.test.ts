/**
 * Issue 8: the relay never sees the workspace's name or id, member names, or any content. After
 * real use (a workspace made, a note and a board written, a second member joining through the
 * relay and writing back), the relay's database (PGlite's files; PostgreSQL's tables) and every
 * WebSocket message between the devices and the relay are searched, byte for byte, for each.
 */
import { describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { addNotes, createBoardThroughUi } from './support/board-driver'
import { createNoteThroughUi, noteText } from './support/editor-driver'
import { workspaceIdOf } from './support/indexeddb-probes'
import { readableIn, idBytes, secretFromInvite, type Needle } from './support/readable-search'
import { joinThroughInvite, useRelayBed, withRelayDatabase } from './support/relay-bed'
import { relayDatabaseBytes, relayProcessOptions, type RelayDatabase } from './support/relay-database'
import { useOnlyRelay, waitUntilRelayHolds } from './support/relay-devices'
import { startRelayProcess } from './support/relay-process'
import { startRelayRecorder } from './support/relay-recorder'
import { readInviteLink } from './support/signalling-peers'
import { openFromSidebar } from './support/workspace-tour'

const bed = useRelayBed()

const ASHA = { name: 'Asha Patel', organisation: 'Oldham Council' }
const TOM = { name: 'Tom Hughes', organisation: 'Kirklees Council' }
const LAB = 'Allotment waiting lists lab'
const NOTE = 'Hollins Road plot survey'
const NOTE_TEXT = 'Forty households wait for a plot on Hollins Road.'
const TOM_TEXT = 'Sharing half plots would halve the wait.'
const BOARD = 'Allotment ideas'
const BOARD_NOTE = 'Raised beds for wheelchair users'

const useTheRelay = async (database: RelayDatabase): Promise<void> => {
  const relay = await startRelayProcess(relayProcessOptions(database))
  const recorder = await startRelayRecorder(relay.url)

  const asha = await bed.device().open()
  await asha.page.goto(bed.app.url)
  await setUpProfile(asha.page, ASHA)
  await createWorkspaceThroughUi(asha.page, { name: LAB, leadCouncil: ASHA.organisation })
  await useOnlyRelay(asha.page, recorder.url, { signalling: false })
  await createNoteThroughUi(asha.page, 'Survey', NOTE)
  await noteText(asha.page).click()
  await asha.page.keyboard.insertText(NOTE_TEXT)
  await createBoardThroughUi(asha.page, BOARD, { columns: ['Ideas'] })
  await addNotes(asha.page, 'Ideas', [BOARD_NOTE])
  await waitUntilRelayHolds(asha.page)
  const id = workspaceIdOf(asha.page)
  const link = await readInviteLink(asha.page)
  await asha.context.close()

  const tom = await bed.device().open()
  await joinThroughInvite(tom.page, link, TOM, LAB)
  await openFromSidebar(tom.page, NOTE)
  await noteText(tom.page).getByText(NOTE_TEXT).waitFor()
  await noteText(tom.page).click()
  await tom.page.keyboard.press('Control+End')
  await tom.page.keyboard.insertText(` ${TOM_TEXT}`)
  await waitUntilRelayHolds(tom.page)
  await tom.context.close()
  await recorder.close()
  // PGlite's files are complete once its process has stopped.
  await relay.stop()

  const needles: Needle[] = [
    { name: 'workspace name', text: LAB },
    { name: 'workspace id', text: id },
    { name: 'workspace id (bytes)', bytes: idBytes(id) },
    { name: 'workspace secret', bytes: secretFromInvite(link) },
    { name: 'Asha’s name', text: ASHA.name },
    { name: 'Tom’s name', text: TOM.name },
    { name: 'Asha’s council', text: ASHA.organisation },
    { name: 'Tom’s council', text: TOM.organisation },
    { name: 'note title', text: NOTE },
    { name: 'note text', text: NOTE_TEXT },
    { name: 'Tom’s text', text: TOM_TEXT },
    { name: 'board name', text: BOARD },
    { name: 'board note', text: BOARD_NOTE }
  ]
  const traffic = recorder.bytes()
  const stored = await relayDatabaseBytes(database)
  // The search looks at real traffic and at where the relay keeps it: the smallest sealed entry
  // the devices appended (stored in line, in one piece) is found in the database's bytes.
  const appended = recorder.traffic.messages.filter((m) => m.toRelay && m.bytes[1] === APPEND_FRAME).map((m) => m.bytes.subarray(APPEND_HEADER_BYTES))
  expect(appended.length).toBeGreaterThan(1)
  const smallest = appended.reduce((a, b) => (b.length < a.length ? b : a))
  expect(stored.includes(smallest)).toBe(true)
  expect(readableIn(traffic, needles), 'readable in the WebSocket traffic').toEqual([])
  expect(readableIn(stored, needles), 'readable in the relay’s database').toEqual([])
}

/** docs/relay-protocol.md: a device appending a sealed entry (version, type, ref u32, then the sealed blob). */
const APPEND_FRAME = 0x02
const APPEND_HEADER_BYTES = 6

describe('what the relay can see', () => {
  it('PGlite: no workspace name, id, member name or text in its database or its traffic', () => withRelayDatabase('pglite', useTheRelay), 600_000)
  it('PostgreSQL: no workspace name, id, member name or text in its database or its traffic', () =>
    withRelayDatabase('postgres', useTheRelay), 600_000)
})
