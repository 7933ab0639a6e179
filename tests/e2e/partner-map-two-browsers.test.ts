/**
 * Issue 5, two browsers build one partner map together: separate Chromium processes joined
 * through the invitation link (y-webrtc over a loopback signalling server, no ICE servers).
 * Each sees the other's partners appear in the table and in the graph, edits to different
 * fields of the same partner made at the same time both survive, and a partner moved to the
 * bin on one device disappears, with its relationships, from the other's table and graph; it
 * comes back whole when restored from the bin (by keyboard), and goes everywhere when deleted
 * for good (issue 17, #13: "Removing a partner is final").
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createWorkspaceThroughUi, describeFocus, setUpProfile, tabTo } from './support/app-driver'
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
import { joinByLink, readInviteLink, waitForSyncLabel } from './support/signalling-peers'
import { useSyncedPeers } from './support/synced-peers'

const LAB = 'Oldham and Kirklees warm homes lab'
const { peers: [a, b] } = useSyncedPeers(['A', 'B'])

/** The sidebar's bin heading once it counts `count` items. */
const binHeading = (page: Page, count: number) =>
  page.getByRole('navigation', { name: 'Workspace' }).getByRole('heading', { name: `Bin (${count})` })
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

  it('a partner A moves to the bin leaves B’s table, graph and counts; A is offered to restore it at once', async () => {
    const oldham = await openFromTable(a.page, 'Oldham Council')
    await oldham.getByRole('button', { name: 'Move Oldham Council to the bin' }).click()
    await oldham.waitFor({ state: 'hidden' })
    const notice = a.page.getByRole('status').filter({ hasText: 'Partner moved to the bin' })
    await notice.waitFor()
    // The dialog and the partner's row are gone: focus lands on the way back.
    await expect.poll(async () => (await describeFocus(a.page)).name).toBe('Restore Oldham Council')
    await expectNoAxeViolations(a.page, 'the partner moved to the bin notice')

    await b.page.getByRole('tab', { name: 'Table' }).click()
    await expect.poll(() => tableNames(b.page), { timeout: 60_000 }).toEqual(['Huddersfield Food Bank', 'Kirklees Citizens Advice', 'Kirklees Council'])
    await expect(relationshipRows(b.page).count()).resolves.toBe(0)
    await b.page.getByText('3 partners · 0 relationships').waitFor()
    await binHeading(b.page, 1).waitFor()
    await b.page.getByRole('tab', { name: 'Graph' }).click()
    await expect.poll(() => graphNodes(b.page).count()).toBe(3)
    await b.page.getByText('The graph shows 3 partners and 0 relationships.').waitFor()
    await b.page.getByRole('tab', { name: 'Table' }).click()
  })

  it('B restores it from the bin by keyboard; A sees it back with its contact and relationship', async () => {
    const bin = b.page.getByRole('region', { name: /^Bin/ })
    await bin.getByRole('button', { name: 'Show bin' }).focus()
    await b.page.keyboard.press('Enter')
    await bin.getByText('Partner on “Partner map” · binned').waitFor()
    await expectNoAxeViolations(b.page, 'a partner in the bin')
    await tabTo(b.page, 'Restore Oldham Council')
    await b.page.keyboard.press('Enter')
    await binHeading(b.page, 0).waitFor()
    // Its item went: focus stays in the bin rather than falling to the page.
    await expect.poll(async () => (await describeFocus(b.page)).name).toMatch(/^Bin/)
    await expect.poll(() => tableNames(b.page)).toContain('Oldham Council')

    await expect.poll(() => tableNames(a.page), { timeout: 60_000 }).toEqual(['Huddersfield Food Bank', 'Kirklees Citizens Advice', 'Kirklees Council', 'Oldham Council'])
    await expect.poll(() => relationshipRows(a.page).allInnerTexts()).toEqual([
      expect.stringMatching(/Kirklees Council\s+partners with\s+Oldham Council\s+Strong\s+Joint bid/)
    ])
    await expect
      .poll(() => a.page.getByRole('table', { name: /^Partners/ }).getByRole('row', { name: /Oldham Council/ }).getByRole('cell').nth(4).innerText())
      .toBe('1')
    // Back on the map, so A's offer to restore it has gone.
    await expect(a.page.getByRole('status').filter({ hasText: 'Partner moved to the bin' }).count()).resolves.toBe(0)
    await a.page.getByRole('tab', { name: 'Graph' }).click()
    await a.page.getByText('The graph shows 4 partners and 1 relationship.').waitFor()
    await a.page.getByRole('tab', { name: 'Table' }).click()
    await expectNoAxeViolations(a.page, 'the restored partner on A')
  })

  it('a partner deleted for good from the bin is gone on both devices, bin included', async () => {
    const oldham = await openFromTable(a.page, 'Oldham Council')
    await oldham.getByRole('button', { name: 'Move Oldham Council to the bin' }).click()
    await binHeading(b.page, 1).waitFor({ timeout: 60_000 })
    const bin = b.page.getByRole('region', { name: /^Bin/ })
    await bin.getByRole('button', { name: 'Delete for good Oldham Council' }).click()
    await bin.getByText('Delete Oldham Council for good? Its contacts and relationships go too, and it cannot be restored.').waitFor()
    // The safe choice has focus.
    await expect.poll(async () => (await describeFocus(b.page)).name).toBe('Keep it')
    await expectNoAxeViolations(b.page, 'deleting a partner for good')
    await bin.getByRole('button', { name: 'Yes, delete for good' }).click()
    await binHeading(b.page, 0).waitFor()
    await binHeading(a.page, 0).waitFor({ timeout: 60_000 })
    // A's offer to restore it goes too: there is nothing left to restore.
    await expect.poll(() => a.page.getByRole('status').filter({ hasText: 'Partner moved to the bin' }).count()).toBe(0)
    for (const p of [a, b]) {
      await expect.poll(() => tableNames(p.page)).toEqual(['Huddersfield Food Bank', 'Kirklees Citizens Advice', 'Kirklees Council'])
      await expect(relationshipRows(p.page).count()).resolves.toBe(0)
    }
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])
  })
})
