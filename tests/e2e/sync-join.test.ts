/**
 * Issue 3, invitations and connection settings: links that were cut short, altered or are not
 * invitations at all get a clear message and create nothing; joining twice, or a workspace
 * already here, is harmless; connection settings are checked, saved and carried in new links.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outdatedTimeout } from 'y-protocols/awareness'
import type { Browser, Page } from 'playwright-core'
import { makeWorkspaceSecret } from '../../src/domain/ids'
import { makeInviteLink, readInvitePayload } from '../../src/sync/invite-link'
import { createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { launchBrowser } from './support/chromium'
import { databaseNames, readRows, workspaceIdOf } from './support/indexeddb-probes'
import { startSyncedAppServer, type SyncedAppServer } from './support/signalling'
import { collectPageErrors } from './support/app-driver'
import { editDetails, fillProfile, openInvite, readInviteLink, waitForSyncLabel } from './support/signalling-peers'

let server: SyncedAppServer
let browser: Browser
let owner: Page
let ownerErrors: string[] = []
let link = ''
let workspaceId = ''
const LAB = 'Preston community wealth lab'

beforeAll(async () => {
  server = await startSyncedAppServer()
  browser = await launchBrowser()
  owner = await (await browser.newContext()).newPage()
  ownerErrors = collectPageErrors(owner)
  await owner.goto(server.url)
  await setUpProfile(owner, { name: 'Daniel Evans', organisation: 'Preston City Council' })
  await createWorkspaceThroughUi(owner, { name: LAB, leadCouncil: 'Preston City Council' })
  workspaceId = workspaceIdOf(owner)
  link = await readInviteLink(owner)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** A new person's browser profile, with their profile set up. */
const newcomer = async (): Promise<{ page: Page; errors: string[] }> => {
  const page = await (await browser.newContext()).newPage()
  const errors = collectPageErrors(page)
  await page.goto(server.url)
  await fillProfile(page, { name: 'Priya Shah', organisation: 'Lambeth Council' })
  await page.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor()
  return { page, errors }
}

const nothingStored = async (page: Page): Promise<void> => {
  expect(await readRows(page, 'mutual-registry', 'workspaces')).toEqual([])
  expect((await databaseNames(page)).filter((n) => n.startsWith('mutual-workspace-'))).toEqual([])
}

const payloadOf = (url: string): string => url.slice(url.indexOf('#/join/') + '#/join/'.length)

describe('invitation links', () => {
  it('that were cut short, altered or are not invitations say so, and create nothing', async () => {
    const { page, errors } = await newcomer()
    const payload = payloadOf(link)
    const flipped = payload.slice(0, 40) + (payload[40] === 'A' ? 'B' : 'A') + payload.slice(41)
    const cases: [string, string][] = [
      [payload.slice(0, payload.length - 5), 'This invitation link is incomplete'],
      [payload.slice(0, 50), 'This invitation link is incomplete'],
      [flipped, 'This invitation link has been changed'],
      ['hello', 'This is not a Mutual invitation link']
    ]
    for (const [text, title] of cases) {
      await page.goto(`${server.url}#/join/${text}`)
      await page.getByRole('heading', { level: 1, name: title }).waitFor()
      await page.getByRole('alert').filter({ hasText: 'Nothing was added to this device' }).waitFor()
    }
    await expectNoAxeViolations(page, 'join screen for a damaged link')
    await nothingStored(page)
    expect(errors).toEqual([])
  })

  it('opened twice, or for a workspace already here, just opens it', async () => {
    const { page, errors } = await newcomer()
    await page.goto(link)
    await page.getByRole('button', { name: 'Join workspace' }).click()
    await page.getByRole('heading', { level: 1, name: LAB }).waitFor()
    await page.goto(link)
    await page.getByRole('heading', { level: 1, name: 'You already have this workspace' }).waitFor()
    await expectNoAxeViolations(page, 'join screen for a workspace already here')
    await page.getByRole('button', { name: /^Open “/ }).click()
    await page.getByRole('heading', { level: 1, name: LAB }).waitFor()
    expect(await readRows(page, 'mutual-registry', 'workspaces')).toHaveLength(1)

    // The person who made the link opening it.
    await owner.goto(link)
    await owner.getByRole('heading', { level: 1, name: 'You already have this workspace' }).waitFor()
    expect(errors).toEqual([])
  })

  it('with a different key for a workspace already here is refused, and changes nothing', async () => {
    const real = await readInvitePayload(payloadOf(link))
    if (!real.ok) throw new Error('unreadable invitation')
    const forged = await makeInviteLink(server.url, { ...real.invite, secret: makeWorkspaceSecret() })
    const before = await readRows(owner, 'mutual-registry', 'workspaces')
    await owner.goto(forged)
    await owner.getByRole('heading', { level: 1, name: 'This invitation does not match' }).waitFor()
    expect(await readRows(owner, 'mutual-registry', 'workspaces')).toEqual(before)
  })
})

describe('two tabs of one browser', () => {
  it('keep each other in step directly, and count as tabs, not peers', async () => {
    // People who joined in earlier tests are still connected as peers; this is about tabs alone.
    for (const context of browser.contexts()) if (context !== owner.context()) await context.close()
    // A clock the test can move on, for this profile and its tabs: time flows as usual until the
    // end, where the test lets a tab's presence time out at once instead of waiting 30 s for it.
    // The page is loaded again so that every timer of the app runs on that clock.
    await owner.clock.install()
    await owner.goto(`${server.url}#/w/${workspaceId}`)
    await owner.reload()
    await owner.getByRole('heading', { level: 1, name: LAB }).waitFor()
    const second = await owner.context().newPage()
    const secondErrors = collectPageErrors(second)
    await second.goto(`${server.url}#/w/${workspaceId}`)
    await second.getByRole('heading', { level: 1, name: LAB }).waitFor()
    await Promise.all([owner, second].map((page) => waitForSyncLabel(page, 'Online · other tabs only')))
    await editDetails(second, { description: 'Typed in the second tab' })
    await owner.locator('.overview-description').getByText('Typed in the second tab').waitFor()
    // With the network gone (a site visit), the tabs still keep each other in step.
    await owner.context().setOffline(true)
    await Promise.all([owner, second].map((page) => waitForSyncLabel(page, 'Offline')))
    await editDetails(owner, { description: 'Typed offline in the first tab' })
    await second.locator('.overview-description').getByText('Typed offline in the first tab').waitFor()
    await owner.context().setOffline(false)
    await Promise.all([owner, second].map((page) => waitForSyncLabel(page, 'Online · other tabs only')))
    await editDetails(second, { description: 'Back online in the second tab' })
    await owner.locator('.overview-description').getByText('Back online in the second tab').waitFor()
    // Closed without a goodbye: the other tab's presence times out (30 s, y-protocols, checked
    // every 3 s). The clock runs well past that, firing every timer due on the way, in order.
    await second.close()
    await owner.clock.runFor(outdatedTimeout + 15_000)
    await owner.locator('.sync-pill').filter({ hasText: 'Online · nobody else here' }).waitFor({ timeout: 90_000 })
    expect(secondErrors).toEqual([])
  })
})

describe('connection settings', () => {
  it('are checked, saved, used at once and carried in new invitations; no STUN server by default', async () => {
    await owner.goto(`${server.url}#/w/${workspaceId}`)
    await owner.getByRole('heading', { level: 1, name: LAB }).waitFor()
    await owner.locator('.sync-pill').click()
    const dialog = owner.getByRole('dialog', { name: 'Sync' })
    await dialog.locator('summary', { hasText: 'Connection settings' }).click()
    expect(await dialog.getByRole('checkbox', { name: 'Use the signalling server of this app' }).isChecked()).toBe(true)
    await dialog.getByText(server.signallingUrl).waitFor()
    expect(await dialog.locator('.ice-server').count()).toBe(0)

    await dialog.getByLabel('Other signalling servers').fill('https://signal.lab.example')
    await dialog.getByRole('button', { name: 'Add a STUN or TURN server' }).click()
    await dialog.getByLabel('Addresses').fill('turn:127.0.0.1:3478')
    await dialog.getByRole('button', { name: 'Save connection settings' }).click()
    const summary = dialog.getByRole('alert').filter({ hasText: 'There is a problem' })
    await summary.waitFor()
    expect(await summary.innerText()).toContain('line 1: Enter a signalling server address starting with wss://')
    expect(await summary.innerText()).toContain('STUN or TURN server 1: A TURN server needs a username and a password')
    await expectNoAxeViolations(owner, 'connection settings with mistakes')

    await dialog.getByLabel('Other signalling servers').fill('ws://127.0.0.1:9/signal')
    await dialog.getByLabel('Username').fill('lab')
    await dialog.getByLabel('Password').fill('turn-password')
    await dialog.getByRole('button', { name: 'Save connection settings' }).click()
    await dialog.getByRole('status').filter({ hasText: 'Connection settings saved' }).waitFor()
    await dialog.getByRole('button', { name: 'Close', exact: true }).click()
    const [entry] = (await readRows(owner, 'mutual-registry', 'workspaces')) as { sync?: unknown }[]
    expect(entry?.sync).toEqual({
      useAppServer: true,
      signallingUrls: ['ws://127.0.0.1:9/signal'],
      iceServers: [{ urls: ['turn:127.0.0.1:3478'], username: 'lab', credential: 'turn-password' }],
      // The relay next to the app stays on unless the person chooses peer-to-peer only.
      peerToPeerOnly: false,
      useAppRelay: true,
      relayUrls: []
    })

    // New invitations carry the extra signalling server, never the TURN password.
    const { link: next, dialog: invite } = await openInvite(owner)
    await invite.getByRole('button', { name: 'Close' }).click()
    const read = await readInvitePayload(payloadOf(next))
    expect(read.ok && read.invite.signallingUrls).toEqual(['ws://127.0.0.1:9/signal'])
    expect(next).not.toContain('turn-password')
    const { page } = await newcomer()
    await page.goto(next)
    await page.getByText('This workspace finds its members through the signalling server ws://127.0.0.1:9/signal.').waitFor()
    expect(ownerErrors).toEqual([])
  })
})
