/**
 * Issue 13 (#9), "brainstorm notes are private": during a silent brainstorm a person's notes
 * stay on their own device, saved there so a reload keeps them, and reach the shared board only
 * at the reveal. Two people, each in their own Chromium process, synced peer to peer through
 * the loopback signalling server. Ben cannot find Asha's private note on his screen, anywhere
 * in his browser's IndexedDB, or in the signalling traffic, until the facilitator reveals; Ben,
 * whose tab is closed at the reveal, adds his own note when he next opens the board, and until
 * then the board says a note is still to arrive.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { addNotes, chooseFromNoteMenu, column, createBoardThroughUi, note, openFacilitatorTools } from './support/board-driver'
import { readableTraffic } from './support/signalling'
import { joinByLink, readInviteLink, waitForSyncLabel } from './support/signalling-peers'
import { useSyncedPeers } from './support/synced-peers'

const BOARD = 'Damp and mould ideas'
const ASHA_PRIVATE = 'Ask tenants to photograph damp patches'
const BEN_PRIVATE = 'Landlord forum every quarter'
const { server, peers: [asha, ben] } = useSyncedPeers(['Asha', 'Ben'])
/** Ben's board, opened again in a new tab after he closed the first. */
let benAgain: Page

/**
 * Every text this browser keeps in IndexedDB: strings as they are, bytes (Yjs updates, sealed
 * records) decoded as UTF-8, which is how Yjs writes the text of a note.
 */
const everythingStored = (page: Page): Promise<string> =>
  page.evaluate(async () => {
    const parts: string[] = []
    const decoder = new TextDecoder('utf-8', { fatal: false })
    const collect = (value: unknown, depth: number): void => {
      if (depth > 20 || value === null || value === undefined) return
      if (typeof value === 'string') parts.push(value)
      else if (ArrayBuffer.isView(value)) parts.push(decoder.decode(value))
      else if (value instanceof ArrayBuffer) parts.push(decoder.decode(new Uint8Array(value)))
      else if (Array.isArray(value)) value.forEach((item) => collect(item, depth + 1))
      else if (typeof value === 'object') Object.values(value).forEach((item) => collect(item, depth + 1))
    }
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const request = indexedDB.open(name)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      for (const store of [...db.objectStoreNames]) {
        const rows: unknown[] = await new Promise((resolve, reject) => {
          const request = db.transaction(store, 'readonly').objectStore(store).getAll()
          request.onsuccess = () => resolve(request.result)
          request.onerror = () => reject(request.error)
        })
        rows.forEach((row) => collect(row, 0))
      }
      db.close()
    }
    return parts.join('\n')
  })

const stillToArrive = (page: Page) => page.getByText('Some notes are still to arrive', { exact: true })

describe('a silent brainstorm keeps each person’s notes on their own device until the reveal', () => {
  it('Asha makes a board and invites Ben', async () => {
    await setUpProfile(asha.page, { name: 'Asha Patel', organisation: 'Oldham Council', colour: 'Green' })
    await createWorkspaceThroughUi(asha.page, { name: 'Housing lab', leadCouncil: 'Oldham Council' })
    await createBoardThroughUi(asha.page, BOARD, { columns: ['Ideas', 'Questions'] })
    const link = await readInviteLink(asha.page)
    await joinByLink(ben, link, { name: 'Ben Okafor', organisation: 'Preston City Council', colour: 'Purple' })
    await Promise.all([asha, ben].map((p) => waitForSyncLabel(p.page, 'Connected to 1 peer')))
    await ben.page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: BOARD }).click()
    await ben.page.getByRole('heading', { level: 1, name: BOARD }).waitFor()
  })

  it('Asha’s private note is on her screen and nowhere on Ben’s device or in the traffic', async () => {
    await openFacilitatorTools(asha.page)
    await asha.page.getByRole('button', { name: 'Start silent brainstorm' }).click()
    await ben.page.getByText('Notes you add now are private to you').waitFor()
    await addNotes(asha.page, 'Ideas', [ASHA_PRIVATE])
    await note(asha.page, ASHA_PRIVATE).getByText('Private until the reveal').waitFor()
    // Ben learns a note is being written (a count), not what it says.
    await ben.page.getByText('1 note from someone else is hidden for now.').waitFor()

    expect(await ben.page.getByText(ASHA_PRIVATE).count()).toBe(0)
    expect(await ben.page.content()).not.toContain(ASHA_PRIVATE)
    expect(await everythingStored(ben.page)).not.toContain(ASHA_PRIVATE)
    expect(readableTraffic(server.traffic)).not.toContain(ASHA_PRIVATE)
    // Asha's device keeps it (a reload must not lose it) but not in the shared workspace.
    expect(await everythingStored(asha.page)).toContain(ASHA_PRIVATE)
    await expectNoAxeViolations(asha.page, 'a board with a private note during a silent brainstorm')
  })

  it('a reload keeps a private note; Ben closes his tab before the reveal', async () => {
    await addNotes(ben.page, 'Questions', [BEN_PRIVATE])
    await asha.page.getByText('1 note from someone else is hidden for now.').waitFor()
    await ben.page.reload()
    await note(ben.page, BEN_PRIVATE).getByText('Private until the reveal').waitFor()
    expect(await asha.page.getByText(BEN_PRIVATE).count()).toBe(0)
    await ben.page.close()
  })

  it('at the reveal Asha’s note reaches the board; Ben’s arrives when he opens the board again', async () => {
    await openFacilitatorTools(asha.page)
    await asha.page.getByRole('button', { name: /^Reveal all notes/ }).click()
    await note(column(asha.page, 'Ideas'), ASHA_PRIVATE).waitFor()
    expect(await note(asha.page, ASHA_PRIVATE).getByText('Private until the reveal').count()).toBe(0)
    // Ben's device is closed: the board says a note is still to come, not that all are shown.
    await stillToArrive(asha.page).waitFor()
    await expectNoAxeViolations(asha.page, 'a revealed board with a note still to arrive')

    const page = await ben.context.newPage()
    benAgain = page
    await page.goto(asha.page.url())
    await page.getByRole('heading', { level: 1, name: BOARD }).waitFor()
    await note(column(page, 'Ideas'), ASHA_PRIVATE).waitFor()
    await note(column(page, 'Questions'), BEN_PRIVATE).waitFor()
    await note(column(asha.page, 'Questions'), BEN_PRIVATE).waitFor()
    await stillToArrive(asha.page).waitFor({ state: 'detached' })
    expect(await note(page, BEN_PRIVATE).getByText('Private until the reveal').count()).toBe(0)
    // Added once, however often the board re-reads this device's store.
    expect(await column(page, 'Questions').getByText(BEN_PRIVATE).count()).toBe(1)
  })

  it('ended without a reveal, a brainstorm leaves Ben’s note on his device until he adds it himself, by keyboard', async () => {
    const page = benAgain
    await openFacilitatorTools(asha.page)
    await asha.page.getByRole('button', { name: 'Start silent brainstorm' }).click()
    await page.getByText('Notes you add now are private to you').waitFor()
    await addNotes(page, 'Ideas', ['Draft that needs work'])
    await chooseFromNoteMenu(page, 'Draft that needs work', 'Edit note')
    const field = page.getByLabel('Edit note', { exact: true })
    await field.fill('Repair grants for private renters')
    await field.press('Enter')
    await note(page, 'Repair grants for private renters').getByText('Private until the reveal').waitFor()
    await asha.page.getByText('1 note from someone else is hidden for now.').waitFor()

    await asha.page.getByRole('button', { name: 'End without revealing' }).click()
    const panel = page.getByRole('region', { name: 'Your notes from the brainstorm' })
    await panel.getByText('Repair grants for private renters').waitFor()
    expect(await asha.page.getByText('Repair grants for private renters').count()).toBe(0)
    expect(await everythingStored(asha.page)).not.toContain('Repair grants for private renters')
    await expectNoAxeViolations(page, 'notes kept after a brainstorm ended without a reveal')
    await panel.getByRole('button', { name: 'Add them to the board' }).focus()
    await page.keyboard.press('Enter')
    await note(column(asha.page, 'Ideas'), 'Repair grants for private renters').waitFor()
    await panel.waitFor({ state: 'detached' })
  })
})
