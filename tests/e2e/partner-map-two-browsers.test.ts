/**
 * Issue 5, two browsers build one partner map together: separate Chromium processes joined
 * through the invitation link (y-webrtc over a loopback signalling server, no ICE servers).
 * Each sees the other's partners appear in the table and in the graph, edits to different
 * fields of the same partner made at the same time both survive, and a partner removed on
 * one device disappears, with its relationships, from the other's table and graph.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import {
  addContactThroughUi,
  addPartnerThroughUi,
  addRelationshipThroughUi,
  closeDialog,
  fillPartnerDetails,
  graphNode,
  graphNodes,
  partnerDialog,
  tableNames
} from './support/partner-map-driver'
import { startSyncedAppServer, type SyncedAppServer } from './support/signalling'
import { closePeers, joinByLink, openPeer, readInviteLink, waitForSyncLabel, type Peer } from './support/signalling-peers'

const LAB = 'Oldham and Kirklees warm homes lab'
let server: SyncedAppServer
let a: Peer
let b: Peer

beforeAll(async () => {
  server = await startSyncedAppServer()
  ;[a, b] = await Promise.all([openPeer(server.url, 'A'), openPeer(server.url, 'B')])
})

afterAll(async () => {
  await closePeers([a, b])
  await server?.close()
})

const relationshipRows = (page: Page) => page.getByRole('table', { name: /^Relationships/ }).locator('tbody tr')
const openFromTable = async (page: Page, name: string) => {
  await page.getByRole('table', { name: /^Partners/ }).getByRole('button', { name, exact: true }).click()
  const dialog = partnerDialog(page, name)
  await dialog.waitFor()
  return dialog
}

describe('two browsers, one partner map', () => {
  it('A starts a lab and its partner map; B joins by the invitation link and finds the map', async () => {
    await setUpProfile(a.page, { name: 'Asha Patel', organisation: 'Oldham Council' })
    await createWorkspaceThroughUi(a.page, { name: LAB, leadCouncil: 'Oldham Council' })
    const link = await readInviteLink(a.page)
    await a.page.getByRole('button', { name: 'Start the partner map' }).click()
    await a.page.getByRole('heading', { level: 1, name: 'Partner map' }).waitFor()

    await joinByLink(b, link, { name: 'Tom Hughes', organisation: 'Kirklees Council' })
    await b.page.getByRole('heading', { level: 1, name: LAB }).waitFor()
    await Promise.all([a, b].map((p) => waitForSyncLabel(p.page, 'Connected to 1 peer')))
    // The map reached B, so B's sidebar links to it instead of offering to start another.
    const link2 = b.page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Partner map' })
    await link2.click()
    await b.page.getByRole('heading', { level: 1, name: 'Partner map' }).waitFor()
    await expect(b.page.getByRole('button', { name: 'Start the partner map' }).count()).resolves.toBe(0)
  })

  it('both add partners at once and each sees the other’s in the table', async () => {
    await Promise.all([
      (async () => {
        const oldham = await addPartnerThroughUi(a.page, { name: 'Oldham Council', type: 'Council', region: 'North of England', role: 'Lead', status: 'Committed' })
        await addContactThroughUi(oldham, { name: 'Imran Khan', jobTitle: 'Policy officer', email: 'imran.khan@oldham.gov.uk' })
        await closeDialog(oldham)
      })(),
      (async () => {
        const kirklees = await addPartnerThroughUi(b.page, { name: 'Kirklees Council', type: 'Council', region: 'North', role: 'Partner', status: 'Contacted' })
        await closeDialog(kirklees)
        const food = await addPartnerThroughUi(b.page, { name: 'Huddersfield Food Bank', type: 'VCSE organisation', role: 'Supporter' })
        await closeDialog(food)
      })()
    ])
    const all = ['Huddersfield Food Bank', 'Kirklees Council', 'Oldham Council']
    await Promise.all([a, b].map((p) => expect.poll(() => tableNames(p.page), { timeout: 60_000 }).toEqual(all)))
    // A's contact reached B with its partner.
    await expect
      .poll(() => b.page.getByRole('table', { name: /^Partners/ }).getByRole('row', { name: /Oldham Council/ }).getByRole('cell').nth(4).innerText())
      .toBe('1')
    await expectNoAxeViolations(a.page, 'the shared table on A')
    await expectNoAxeViolations(b.page, 'the shared table on B')
  })

  it('a relationship added by A appears in B’s table and graph', async () => {
    const kirklees = await openFromTable(a.page, 'Kirklees Council')
    await addRelationshipThroughUi(kirklees, { phrase: 'partners with', other: 'Oldham Council', strength: 'Strong', note: 'Joint bid' })
    await closeDialog(kirklees)
    await expect.poll(() => relationshipRows(b.page).allInnerTexts(), { timeout: 60_000 }).toEqual([
      expect.stringMatching(/Kirklees Council\s+partners with\s+Oldham Council\s+Strong\s+Joint bid/)
    ])
    await Promise.all(
      [a, b].map(async (p) => {
        await p.page.getByRole('tab', { name: 'Graph' }).click()
        await p.page.locator('[data-graph-ready]').waitFor()
        await expect.poll(() => graphNodes(p.page).count()).toBe(3)
        await p.page.getByText('The graph shows 3 partners and 1 relationship.').waitFor()
      })
    )
    await expectNoAxeViolations(b.page, 'the shared graph on B')
  })

  it('a partner added on one device appears in the other’s graph, and opens from it', async () => {
    const bank = await addPartnerThroughUi(a.page, { name: 'Kirklees Citizens Advice', type: 'VCSE organisation', region: 'North of England' })
    await closeDialog(bank)
    await expect.poll(() => graphNodes(b.page).count(), { timeout: 60_000 }).toBe(4)
    await graphNode(b.page, 'Kirklees Citizens Advice').click()
    await partnerDialog(b.page, 'Kirklees Citizens Advice').getByRole('heading', { name: 'Contacts (0)' }).waitFor()
    await closeDialog(partnerDialog(b.page, 'Kirklees Citizens Advice'))
  })

  it('edits to different fields of one partner made at the same time both survive', async () => {
    await a.page.getByRole('tab', { name: 'Table' }).click()
    await b.page.getByRole('tab', { name: 'Table' }).click()
    const onA = await openFromTable(a.page, 'Kirklees Council')
    const onB = await openFromTable(b.page, 'Kirklees Council')
    // Both forms are open on the same partner; each changes one field and saves.
    await fillPartnerDetails(onA, { status: 'Committed' })
    await fillPartnerDetails(onB, { region: 'North of England' })
    await Promise.all([
      onA.getByRole('button', { name: 'Save details' }).click(),
      onB.getByRole('button', { name: 'Save details' }).click()
    ])
    for (const dialog of [onA, onB]) {
      await expect.poll(() => dialog.getByLabel('Status of the approach').inputValue(), { timeout: 60_000 }).toBe('committed')
      await expect.poll(() => dialog.getByLabel('Region', { exact: true }).inputValue(), { timeout: 60_000 }).toBe('North of England')
    }
    await closeDialog(onA)
    await closeDialog(onB)
  })

  it('a partner removed by B disappears from A’s table and graph, with its relationship', async () => {
    const oldham = await openFromTable(b.page, 'Oldham Council')
    await oldham.getByRole('button', { name: 'Remove Oldham Council' }).click()
    await oldham.getByRole('button', { name: 'Yes, remove it' }).click()
    await oldham.waitFor({ state: 'hidden' })
    await a.page.getByRole('tab', { name: 'Table' }).click()
    await expect.poll(() => tableNames(a.page), { timeout: 60_000 }).toEqual(['Huddersfield Food Bank', 'Kirklees Citizens Advice', 'Kirklees Council'])
    await expect(relationshipRows(a.page).count()).resolves.toBe(0)
    await a.page.getByRole('tab', { name: 'Graph' }).click()
    await expect.poll(() => graphNodes(a.page).count()).toBe(3)
    await a.page.getByText('The graph shows 3 partners and 0 relationships.').waitFor()
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])
  })
})
