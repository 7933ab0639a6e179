/**
 * Issue 9, the review's CSS attack: a member's device writes a sticky note whose colour is
 * `url(https://…)`. Before, every viewer's browser fetched that address. The other Chromium
 * must make no request outside loopback, and show the note in a colour of the app's palette.
 */
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { addNotes, createBoardThroughUi, note } from './support/board-driver'
import { addRow, workspaceDbName, workspaceIdOf } from './support/indexeddb-probes'
import { startSyncedAppServer, type SyncedAppServer } from './support/signalling'
import { closePeers, eventually, joinByLink, openPeer, readInviteLink, storedDoc, waitForSyncLabel, type Peer } from './support/signalling-peers'
import { STICKY_COLOURS } from '../../src/domain/board'
import { BOARD } from '../../src/crdt/board'

const LAB = 'Warm spaces lab'
const BOARD_NAME = 'Warm spaces review'
const NOTE = 'Libraries open late'
const HOSTILE = 'url(https://tracker.example/pixel.png)'

let server: SyncedAppServer
let a: Peer
let b: Peer
const requestsFromB: string[] = []

beforeAll(async () => {
  server = await startSyncedAppServer()
  ;[a, b] = await Promise.all([openPeer(server.url, 'A'), openPeer(server.url, 'B')])
  b.context.on('request', (request) => requestsFromB.push(request.url()))
})

afterAll(async () => {
  await closePeers([a, b])
  await server?.close()
})

/** Every note map of every board in a stored document. */
const noteMaps = (doc: Y.Doc): Y.Map<unknown>[] => {
  const found: Y.Map<unknown>[] = []
  doc.getMap<Y.Map<unknown>>('artifacts').forEach((artifact) => {
    const notes = artifact instanceof Y.Map ? artifact.get(BOARD.notes) : null
    if (notes instanceof Y.Map) notes.forEach((n) => n instanceof Y.Map && found.push(n))
  })
  return found
}

const isLoopback = (url: string): boolean => /^(https?|wss?):\/\/127\.0\.0\.1(:\d+)?\//.test(url) || /^(data|blob):/.test(url)

/** rgb(…) of each sticky colour, as the browser reports a computed background. */
const paletteRgb = STICKY_COLOURS.map(({ value }) => {
  const n = Number.parseInt(value.slice(1), 16)
  return `rgb(${n >> 16}, ${(n >> 8) & 0xff}, ${n & 0xff})`
})

describe('a hostile sticky-note colour from a member', () => {
  it('sets up a board shared by A and B', async () => {
    await setUpProfile(a.page, { name: 'Asha Patel', organisation: 'Oldham Council' })
    await createWorkspaceThroughUi(a.page, { name: LAB, leadCouncil: 'Oldham Council' })
    await createBoardThroughUi(a.page, BOARD_NAME, { columns: ['Ideas'] })
    await addNotes(a.page, 'Ideas', [NOTE])
    const link = await readInviteLink(a.page)
    await joinByLink(b, link, { name: 'Tom Hughes', organisation: 'Kirklees Council' })
    await waitForSyncLabel(b.page, 'Connected to 1 peer')
    await b.page.evaluate((hash) => (location.hash = hash), new URL(a.page.url()).hash)
    await note(b.page, NOTE).waitFor()
  })

  it('reaches B, which fetches nothing from outside and shows a palette colour', async () => {
    const id = workspaceIdOf(a.page)
    // A's device writes the colour past the app's own checks: straight into its stored changes.
    const doc = await storedDoc(a.page, id)
    const before = Y.encodeStateVector(doc)
    doc.transact(() => noteMaps(doc).forEach((n) => n.set('colour', HOSTILE)))
    await addRow(a.page, workspaceDbName(id), 'updates', { bytes: Array.from(Y.encodeStateAsUpdate(doc, before)) })
    await a.page.reload()

    // The change has arrived at B (it is in B's stored copy)...
    await eventually(
      () => storedDoc(b.page, id),
      (stored) => noteMaps(stored).some((n) => n.get('colour') === HOSTILE),
      'the hostile colour in B’s stored copy'
    )
    const card = b.page.locator('.sticky').filter({ hasText: NOTE })
    await card.waitFor()
    // ... and B has drawn the board since (two frames), so any fetch its styles cause has begun.
    await b.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    const look = await card.evaluate((el) => ({
      style: el.getAttribute('style') ?? '',
      image: getComputedStyle(el).backgroundImage,
      colour: getComputedStyle(el).backgroundColor
    }))
    expect(requestsFromB.filter((url) => !isLoopback(url))).toEqual([])
    expect(look.style).not.toContain('url(')
    expect(look.image).toBe('none')
    expect(paletteRgb).toContain(look.colour)
    await expectNoAxeViolations(b.page, 'a board after a hostile note colour')
  })

  it('had no errors in A’s or B’s page', () => {
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])
  })
})
