/**
 * Issue 3, live sync between councils: three people on three separate Chromium processes
 * join by invitation link, edit at the same time, one works offline and comes back, and all
 * end with the same workspace. A fourth device with a tampered secret never gets anything.
 * The signalling server runs in this process and its whole traffic is checked afterwards.
 */
import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { readWorkspaceMeta } from '../../src/crdt/workspace-meta'
import { makeWorkspaceSecret } from '../../src/domain/ids'
import { makeInviteLink, readInvitePayload } from '../../src/sync/invite-link'
import { createWorkspaceThroughUi, readOverviewDetails, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { workspaceIdOf } from './support/indexeddb-probes'
import { connectionsSince, readableTraffic } from './support/signalling'
import {
  closePeers,
  editDetails,
  eventually,
  joinByLink,
  openInvite,
  openPeer,
  sameState,
  storedDoc,
  syncLabel,
  waitForSyncLabel,
  type Peer
} from './support/signalling-peers'
import { useSyncedPeers } from './support/synced-peers'

const LAB = 'Kirklees and Oldham food resilience lab'
const people = {
  a: { name: 'Asha Patel', organisation: 'Oldham Council', colour: 'Green' },
  b: { name: 'Tom Hughes', organisation: 'Kirklees Council', colour: 'Purple' },
  c: { name: 'Grace Okafor', organisation: 'Lambeth Council', colour: 'Amber' },
  d: { name: 'Mallory Stone', organisation: 'Nowhere Council' }
}
/** Everything typed into the workspace: none of it may reach the signalling server. */
const typed = {
  description: 'Mapping surplus food routes between community pantries',
  leadCouncil: 'Kirklees Council',
  partnerC: 'Rochdale Borough Council',
  partnerB: 'Bristol City Council',
  partnerC2: 'Swansea Council',
  offlinePartner: 'Wigan Council',
  offlineDate: '2026-05-18',
  descriptionWhileBOffline: 'Routes agreed at the Huddersfield workshop'
}

const { server, peers: [a, b, c] } = useSyncedPeers(['A', 'B', 'C'])
/** A fourth device, opened part-way through. */
let d: Peer | undefined
let workspaceId = ''
let link = ''

afterAll(async () => {
  await closePeers([d])
})

const overview = (page: Page) => readOverviewDetails(page)
const description = (page: Page) => page.locator('.overview-description').innerText()

/** Waits until every listed page shows `text` in its overview. */
const allShow = async (pages: Page[], text: string): Promise<void> => {
  await Promise.all(pages.map((page) => page.locator('.overview').getByText(text, { exact: false }).first().waitFor()))
}

/** Waits as long as a busy machine needs; never a measure of speed. */
const until = { timeout: 60_000 }

describe('three councils in one workspace', () => {
  it('A creates a workspace and invites B and C with the link from “Invite people”', async () => {
    await setUpProfile(a.page, people.a)
    await createWorkspaceThroughUi(a.page, { name: LAB, leadCouncil: 'Oldham Council', partnerCouncils: ['Leeds City Council'] })
    workspaceId = workspaceIdOf(a.page)
    await waitForSyncLabel(a.page, 'Online · nobody else here')
    await expectNoAxeViolations(a.page, 'workspace with the sync toolbar')

    const invite = await openInvite(a.page)
    link = invite.link
    expect(link.startsWith(`${server.url}#/join/`)).toBe(true)
    expect(link).toContain(workspaceId)
    await invite.dialog.getByRole('img', { name: 'QR code of the invitation link' }).waitFor()
    await a.page.screenshot({ path: '/tmp/sync-shots/invite-dialog.png' }).catch(() => {})
    await expectNoAxeViolations(a.page, 'invite dialog')
    await invite.dialog.getByRole('button', { name: 'Close' }).click()

    // B: profile first (the invitation is explained), then the join screen, then the lab.
    await b.page.goto(link)
    await b.page.getByRole('heading', { level: 1, name: 'Welcome to Mutual' }).waitFor()
    await b.page.getByText('You have been invited to a workspace').waitFor()
    await b.page.getByLabel('Your name').fill(people.b.name)
    await b.page.getByLabel('Council or organisation').fill(people.b.organisation)
    await b.page.getByRole('radio', { name: people.b.colour }).check()
    await b.page.getByRole('button', { name: 'Save and continue' }).click()
    await b.page.getByRole('heading', { level: 1, name: 'Join a workspace' }).waitFor()
    await b.page.getByText(`You will appear to the others as ${people.b.name}`).waitFor()
    await expectNoAxeViolations(b.page, 'join screen')
    await b.page.getByRole('button', { name: 'Join workspace' }).click()
    await b.page.getByRole('heading', { level: 1, name: LAB }).waitFor()
    // The secret leaves the address bar once joined.
    expect(b.page.url()).toBe(`${server.url}#/w/${workspaceId}`)

    await joinByLink(c, link, people.c)
    await c.page.getByRole('heading', { level: 1, name: LAB }).waitFor()
    await Promise.all([a, b, c].map((p) => waitForSyncLabel(p.page, 'Connected to 2 peers')))
    expect(await overview(c.page)).toMatchObject({ 'Lead council': 'Oldham Council', 'Partner councils': 'Leeds City Council' })
  })

  it('shows who is here, from which council, and what each is looking at', async () => {
    const presence = a.page.getByRole('region', { name: 'Here now' })
    await presence.getByText(people.b.name).waitFor()
    await presence.getByText(people.c.name).waitFor()
    await presence.getByText(`${people.b.organisation}`).first().waitFor()
    await presence.locator('.presence-person', { hasText: people.b.name }).getByText('Viewing the overview').waitFor()
    expect(await presence.locator('.presence-person').count()).toBe(2)
    await expectNoAxeViolations(a.page, 'presence in the toolbar')

    // C opens a note of their own: A sees where C is, by the note's title.
    await c.page.getByRole('button', { name: 'New note' }).click()
    const newNote = c.page.getByRole('dialog', { name: 'New note' })
    await newNote.getByLabel('Title').fill('Pantry site visit')
    await newNote.getByRole('button', { name: 'Create note' }).click()
    await c.page.getByRole('textbox', { name: 'Note text' }).waitFor()
    await presence.locator('.presence-person', { hasText: people.c.name }).getByText('Viewing “Pantry site visit”').waitFor()
    await c.page.getByRole('link', { name: 'Overview' }).click()
    await presence.locator('.presence-person', { hasText: people.c.name }).getByText('Viewing the overview').waitFor()

    // Opening the sync details: status, file sync and connection settings.
    await a.page.getByRole('button', { name: 'Connected to 2 peers' }).click()
    const dialog = a.page.getByRole('dialog', { name: 'Sync' })
    await dialog.waitFor()
    await dialog.locator('summary', { hasText: 'Connection settings' }).click()
    await dialog.getByLabel('Other signalling servers').waitFor()
    await expectNoAxeViolations(a.page, 'sync dialog with connection settings')
    await dialog.getByRole('button', { name: 'Close' }).click()
  })

  it('merges edits made at the same time by all three', async () => {
    await Promise.all([
      editDetails(a.page, { description: typed.description }),
      editDetails(b.page, { leadCouncil: typed.leadCouncil }),
      editDetails(c.page, { addPartners: [typed.partnerC] })
    ])
    // Two people changing the same list at once: both additions are kept.
    await Promise.all([editDetails(b.page, { addPartners: [typed.partnerB] }), editDetails(c.page, { addPartners: [typed.partnerC2] })])
    const pages = [a.page, b.page, c.page]
    for (const text of [typed.description, typed.partnerC, typed.partnerB, typed.partnerC2]) await allShow(pages, text)
    await Promise.all(pages.map((page) => page.locator('.overview-details').getByText(typed.leadCouncil).waitFor()))
    const shown = await Promise.all(pages.map(overview))
    expect(shown[1]).toEqual(shown[0])
    expect(shown[2]).toEqual(shown[0])
    expect(shown[0]?.['Partner councils']?.split(' ').length).toBeGreaterThan(0)
    for (const council of ['Leeds City Council', typed.partnerC, typed.partnerB, typed.partnerC2]) {
      expect(shown[0]?.['Partner councils']).toContain(council)
    }
    // The overview's "keeping this work safe" follows sync as it happens, without a reload.
    await Promise.all(
      pages.map((page) =>
        expect
          .poll(() => page.getByRole('region', { name: 'Keeping this work safe' }).getByRole('listitem').filter({ hasText: 'Another member’s device last synced:' }).innerText(), until)
          .not.toContain('never')
      )
    )
  })

  it('keeps B’s offline edits on B, says so, and merges them when B is back', async () => {
    await b.context.setOffline(true)
    await waitForSyncLabel(b.page, 'Offline')
    await Promise.all([a, c].map((p) => waitForSyncLabel(p.page, 'Connected to 1 peer')))
    await editDetails(b.page, { addPartners: [typed.offlinePartner], startDate: typed.offlineDate })
    await b.page.getByRole('status').filter({ hasText: 'Changes only on this device' }).waitFor()

    // Meanwhile A and C carry on together.
    await editDetails(a.page, { description: typed.descriptionWhileBOffline })
    await allShow([c.page], typed.descriptionWhileBOffline)
    expect(await overview(a.page)).not.toMatchObject({ 'Partner councils': expect.stringContaining(typed.offlinePartner) })
    expect(await description(b.page)).toBe(typed.description)

    await b.context.setOffline(false)
    await Promise.all([a, b, c].map((p) => waitForSyncLabel(p.page, 'Connected to 2 peers')))
    await allShow([a.page, c.page], typed.offlinePartner)
    await allShow([b.page], typed.descriptionWhileBOffline)
    await b.page.getByRole('status').filter({ hasText: 'Changes only on this device' }).waitFor({ state: 'detached' })
    const shown = await Promise.all([a.page, b.page, c.page].map(overview))
    expect(shown[0]).toMatchObject({ 'Start date': '18 May 2026' })
    expect(shown[1]).toEqual(shown[0])
    expect(shown[2]).toEqual(shown[0])

    // The same document on all three devices, as stored: same inserts, same deletions.
    const docs = await eventually(
      () => Promise.all([a, b, c].map((p) => storedDoc(p.page, workspaceId))),
      ([x, y, z]) => sameState(x as never, y as never) && sameState(x as never, z as never),
      'the three stored documents to be identical'
    )
    expect(readWorkspaceMeta(docs[0] as never)).toMatchObject({
      name: LAB,
      description: typed.descriptionWhileBOffline,
      leadCouncil: typed.leadCouncil,
      startDate: typed.offlineDate
    })
    expect(readWorkspaceMeta(docs[0] as never).partnerCouncils).toEqual(
      expect.arrayContaining(['Leeds City Council', typed.partnerC, typed.partnerB, typed.partnerC2, typed.offlinePartner])
    )
  })

  it('never lets a device with a tampered secret in, and its attempts change nothing for the others', async () => {
    const real = await readInvitePayload(link.slice(link.indexOf('#/join/') + '#/join/'.length))
    if (!real.ok) throw new Error('A’s invitation did not read back')
    // Someone who knows the workspace's address but not its key makes a consistent link.
    const forged = await makeInviteLink(server.url, { ...real.invite, secret: makeWorkspaceSecret() })
    const mark = server.traffic.length
    d = await openPeer(server.url, 'D')
    await joinByLink(d, forged, people.d)
    await d.page.getByRole('heading', { level: 1, name: 'Waiting for the workspace to arrive' }).waitFor()
    await expectNoAxeViolations(d.page, 'waiting for a joined workspace')

    // Which of A, B and C received anything D published.
    const relayedFromD = async (): Promise<number> => {
      const dConnections = new Set(connectionsSince(server.traffic, mark))
      const published = server.traffic
        .slice(mark)
        .filter((t) => t.kind === 'in' && dConnections.has(t.connection) && t.text.includes('"publish"'))
        .map((t) => (t as { text: string }).text)
      const data = new Set(published.map((text) => (JSON.parse(text) as { data: string }).data))
      const receivers = new Set(
        server.traffic
          .slice(mark)
          .filter((t) => t.kind === 'out' && !dConnections.has(t.connection) && data.has((JSON.parse(t.text) as { data?: string }).data ?? ''))
          .map((t) => (t as { connection: number }).connection)
      )
      return receivers.size
    }
    // D announces itself, but its room is named from the secret it holds (HKDF, not the id), so
    // a wrong secret lands it in another room: nothing it publishes reaches A, B or C.
    const publishedByD = async (): Promise<number> => {
      const dConnections = new Set(connectionsSince(server.traffic, mark))
      return server.traffic.slice(mark).filter((t) => t.kind === 'in' && dConnections.has(t.connection) && t.text.includes('"publish"')).length
    }
    await eventually(publishedByD, (n) => n >= 1, 'D to announce itself')
    // A's next change still reaches B and C but not D ...
    await editDetails(a.page, { addPartners: ['Sheffield City Council'] })
    await allShow([b.page, c.page], 'Sheffield City Council')
    // ... and by then none of D's announcements has been relayed to them.
    expect(await relayedFromD()).toBe(0)
    await Promise.all([a, b, c].map((p) => waitForSyncLabel(p.page, 'Connected to 2 peers')))
    expect(await d.page.getByRole('heading', { level: 1, name: 'Waiting for the workspace to arrive' }).isVisible()).toBe(true)
    await expect(syncLabel(d.page).innerText()).resolves.not.toMatch(/Connected/)
    const dDoc = await storedDoc(d.page, workspaceId)
    expect(readWorkspaceMeta(dDoc).name).toBe('')
    expect(dDoc.store.clients.size).toBe(0)
    for (const peer of [a, b, c]) {
      const presence = peer.page.getByRole('region', { name: 'Here now' })
      expect(await presence.getByText(people.d.name).count()).toBe(0)
    }
  })

  it('leaves the signalling server nothing to read: no lab name, workspace id, secret, person or text', async () => {
    const seen = readableTraffic(server.traffic).toLowerCase()
    expect(server.traffic.filter((t) => t.kind === 'in').length).toBeGreaterThan(10)
    const real = await readInvitePayload(link.slice(link.indexOf('#/join/') + '#/join/'.length))
    const secret = real.ok ? real.invite.secret : 'unreadable'
    const forbidden = [
      LAB,
      'resilience',
      workspaceId,
      secret,
      ...Object.values(typed),
      ...Object.values(people).flatMap((p) => [p.name, p.organisation])
    ]
    for (const text of forbidden) expect(seen, `the signalling server saw “${text}”`).not.toContain(text.toLowerCase())
  })

  it('had no errors in any page', () => {
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])
    expect(c.errors).toEqual([])
    expect(d?.errors ?? []).toEqual([])
  })
})
