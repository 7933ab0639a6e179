import * as Y from 'yjs'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { launchBrowser } from './chromium'
import { collectPageErrors, createWorkspaceThroughUi, setUpProfile, type PersonDetails } from './app-driver'
import { readRows, workspaceDbName } from './indexeddb-probes'
import { readAuthorship } from '../../../src/crdt/authorship'

/** One person on their own device: a separate Chromium process with a fresh profile. */
export interface Peer {
  name: string
  browser: Browser
  context: BrowserContext
  page: Page
  errors: string[]
}

/**
 * A device in its own Chromium process. `clockAheadMs` sets its clock that far ahead of the
 * others' (a laptop whose clock is out), for everything the page reads from Date.
 */
export const openPeer = async (appUrl: string, name: string, options: { clockAheadMs?: number } = {}): Promise<Peer> => {
  const browser = await launchBrowser()
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  if (options.clockAheadMs)
    await context.addInitScript((aheadMs: number) => {
      const RealDate = Date
      const realNow = RealDate.now.bind(RealDate)
      class SkewedDate extends RealDate {
        constructor(...args: unknown[]) {
          if (args.length === 0) super(realNow() + aheadMs)
          else super(...(args as [string]))
        }
        static override now(): number {
          return realNow() + aheadMs
        }
      }
      globalThis.Date = SkewedDate as DateConstructor
    }, options.clockAheadMs)
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  await page.goto(appUrl)
  return { name, browser, context, page, errors }
}

export const closePeers = async (peers: (Peer | undefined)[]): Promise<void> => {
  await Promise.all(peers.map((p) => p?.browser.close().catch(() => {})))
}

/** First-run profile, wherever it appears (on an invitation it comes before the join screen). */
export const fillProfile = async (page: Page, person: PersonDetails): Promise<void> => {
  await page.getByRole('heading', { level: 1, name: 'Welcome to Mutual' }).waitFor()
  await page.getByLabel('Your name').fill(person.name)
  await page.getByLabel('Council or organisation').fill(person.organisation)
  if (person.colour) await page.getByRole('radio', { name: person.colour }).check()
  await page.getByRole('button', { name: 'Save and continue' }).click()
}

/** Opens "Invite people" and reads the link as a person would see it; the dialog stays open. */
export const openInvite = async (page: Page): Promise<{ link: string; dialog: Locator }> => {
  await page.getByRole('button', { name: 'Invite people' }).click()
  const dialog = page.getByRole('dialog', { name: 'Invite people' })
  await dialog.waitFor()
  const field = dialog.getByRole('textbox', { name: 'Invitation link' })
  await field.waitFor()
  return { link: await field.inputValue(), dialog }
}

export const readInviteLink = async (page: Page): Promise<string> => {
  const { link, dialog } = await openInvite(page)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await dialog.waitFor({ state: 'hidden' })
  return link
}

/** Opens an invitation link on a device with no profile yet, and joins. */
export const joinByLink = async (peer: Peer, link: string, person: PersonDetails): Promise<void> => {
  await peer.page.goto(link)
  await fillProfile(peer.page, person)
  await peer.page.getByRole('heading', { level: 1, name: 'Join a workspace' }).waitFor()
  await peer.page.getByRole('button', { name: 'Join workspace' }).click()
}

/** The connection indicator's text. */
export const syncLabel = (page: Page): Locator => page.locator('.sync-pill')

export const waitForSyncLabel = async (page: Page, label: string | RegExp): Promise<void> => {
  await syncLabel(page).filter({ hasText: label }).waitFor()
}

/** Edits the workspace's details through the overview's form. */
export const editDetails = async (
  page: Page,
  fields: { description?: string; leadCouncil?: string; addPartners?: string[]; startDate?: string }
): Promise<void> => {
  await page.getByRole('button', { name: 'Edit details' }).click()
  await page.getByRole('heading', { name: 'Edit details' }).waitFor()
  if (fields.description !== undefined) await page.getByLabel('Short description').fill(fields.description)
  if (fields.leadCouncil !== undefined) await page.getByLabel('Lead council').fill(fields.leadCouncil)
  if (fields.startDate !== undefined) await page.getByLabel('Start date').fill(fields.startDate)
  if (fields.addPartners) {
    const partners = page.getByLabel('Partner councils')
    const current = (await partners.inputValue()).trim()
    await partners.fill([current, ...fields.addPartners].filter(Boolean).join('\n'))
  }
  await page.getByRole('button', { name: 'Save details' }).click()
  await page.getByRole('status').filter({ hasText: 'Details saved' }).waitFor()
}

/** The workspace as stored in this browser's IndexedDB, loaded into a fresh doc here. */
export const storedDoc = async (page: Page, workspaceId: string): Promise<Y.Doc> => {
  const rows = (await readRows(page, workspaceDbName(workspaceId), 'updates')) as number[][]
  const doc = new Y.Doc({ gc: false })
  Y.transact(doc, () => rows.forEach((row) => Y.applyUpdate(doc, Uint8Array.from(row))))
  return doc
}

/** Same inserts and deletes: the documents are identical. */
export const sameState = (a: Y.Doc, b: Y.Doc): boolean => Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b))

/**
 * Whether every Yjs client that wrote to the doc is in its authorship records: each session
 * records its client id when the browser is first idle after opening (attachAuthorshipLater),
 * a write that can come a few seconds after the workspace is on screen.
 */
const unrecordedWriters = (doc: Y.Doc): number[] => {
  const authorship = readAuthorship(doc)
  return [...Y.decodeStateVector(Y.encodeStateVector(doc)).keys()].filter((client) => authorship.getUserByClientId(client) === null)
}

/** What keeps the devices from being settled: '' once they are. */
const unsettled = (docs: Y.Doc[]): string => {
  const first = docs[0] as Y.Doc
  const reasons = docs.flatMap((doc, i) => {
    const unrecorded = unrecordedWriters(doc)
    return [
      ...(unrecorded.length ? [`device ${i} has writers not in its authorship records: ${unrecorded.join(', ')}`] : []),
      ...(sameState(doc, first) ? [] : [`device ${i} holds a different state from device 0`])
    ]
  })
  return reasons.join('; ')
}

/**
 * Waits until the devices hold the same stored workspace and no session still has its
 * authorship record to write: nothing more changes unless someone edits. Tests that check a
 * document is left unchanged start from here.
 */
export const waitUntilSettled = async (pages: Page[], workspaceId: string): Promise<void> => {
  await eventually(
    async () => unsettled(await Promise.all(pages.map((page) => storedDoc(page, workspaceId)))),
    (reasons) => reasons === '',
    'the devices to hold the same, settled workspace'
  )
}

/** Polls until `check` holds (the app writes IndexedDB as changes arrive, not all at once). */
export const eventually = async <T>(read: () => Promise<T>, check: (value: T) => boolean, what: string, timeoutMs = 60_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs
  let last: T = await read()
  while (!check(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${String(last)}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
    last = await read()
  }
  return last
}

/** The note editor of the open note. */
export const noteEditor = (page: Page): Locator => page.getByRole('textbox', { name: 'Note text' })

/**
 * A creates a workspace and a note in it, invites B, and both end with the note open in its
 * editor and connected to each other.
 */
export const openSharedNote = async (a: Peer, b: Peer, lab: string, note: string): Promise<void> => {
  await setUpProfile(a.page, { name: 'Asha Patel', organisation: 'Oldham Council' })
  await createWorkspaceThroughUi(a.page, { name: lab, leadCouncil: 'Oldham Council' })
  await a.page.getByRole('button', { name: 'New note' }).click()
  const dialog = a.page.getByRole('dialog', { name: 'New note' })
  await dialog.getByLabel('Title').fill(note)
  await dialog.getByRole('button', { name: 'Create note' }).click()
  await noteEditor(a.page).waitFor()
  const link = await readInviteLink(a.page)
  await joinByLink(b, link, { name: 'Tom Hughes', organisation: 'Kirklees Council' })
  await b.page.getByRole('link', { name: note }).click()
  await noteEditor(b.page).waitFor()
  await Promise.all([waitForSyncLabel(a.page, 'Connected to 1 peer'), waitForSyncLabel(b.page, 'Connected to 1 peer')])
}
