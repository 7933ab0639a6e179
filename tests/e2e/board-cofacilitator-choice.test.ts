/**
 * "Add a co-facilitator", from a QA pass through the built app: the picker listed everyone who
 * had ever written in the workspace (their member records, past authors included) instead of the
 * members the membership log lets facilitate, and missed Gareth, who had just joined and was on
 * the board. Two devices, each its own Chromium process: Rhian (owner) makes a board and invites
 * Gareth as a viewer. His record arrives, but a viewer may not facilitate, so the picker does not
 * offer him; once Rhian makes him an editor it does, and adding him makes him a facilitator on
 * his own device too.
 */
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { createBoardThroughUi, openFacilitatorTools, waitForAnnouncement } from './support/board-driver'
import { editorAndRoleLinks } from './support/role-invites'
import { joinByLink, waitForSyncLabel } from './support/signalling-peers'
import { useSyncedPeers } from './support/synced-peers'

const LAB = 'Cardiff food lab'
const BOARD = 'Listening session'
const RHIAN = { name: 'Rhian Evans', organisation: 'Cardiff Council' }
const GARETH = { name: 'Gareth Morgan', organisation: 'Newport City Council' }

const { peers: [rhian, gareth] } = useSyncedPeers(['Rhian', 'Gareth'] as const)

const openMembers = async (page: Page): Promise<Locator> => {
  await page.getByRole('button', { name: 'Members' }).click()
  const dialog = page.getByRole('dialog', { name: 'Members' })
  await dialog.getByRole('list', { name: 'Members of this workspace' }).waitFor()
  return dialog
}

const closeMembers = async (dialog: Locator): Promise<void> => {
  await dialog.getByRole('button', { name: 'Close' }).last().click()
  await dialog.waitFor({ state: 'hidden' })
}

/** The people "Add a co-facilitator" offers (none when it is not shown). */
const coFacilitatorChoices = async (page: Page): Promise<string[]> => {
  const tools = page.getByRole('region', { name: 'Facilitator tools' })
  const picker = tools.getByLabel('Add a co-facilitator')
  if ((await picker.count()) === 0) return []
  return (await picker.locator('option').allInnerTexts()).slice(1).map((label) => label.trim())
}

describe('choosing a co-facilitator', () => {
  it('offers the members the log lets facilitate, a member who just joined included, and nobody else', async () => {
    await setUpProfile(rhian.page, RHIAN)
    await createWorkspaceThroughUi(rhian.page, { name: LAB, leadCouncil: 'Cardiff Council' })
    await createBoardThroughUi(rhian.page, BOARD, { template: /What works/ })
    const { roleLink: viewerLink } = await editorAndRoleLinks(rhian.page, 'Viewer: Can read and export.')

    await joinByLink(gareth, viewerLink, GARETH)
    await gareth.page.getByRole('heading', { level: 1, name: LAB }).waitFor()
    await Promise.all([rhian, gareth].map((p) => waitForSyncLabel(p.page, 'Connected to 1 peer')))
    await gareth.page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: BOARD }).click()
    await gareth.page.getByRole('heading', { level: 1, name: BOARD }).waitFor()

    // Gareth's own record has reached Rhian (the member list names him), and he is on the board.
    const members = await openMembers(rhian.page)
    await members.getByRole('heading', { name: GARETH.name }).waitFor()
    await closeMembers(members)
    await openFacilitatorTools(rhian.page)
    const tools = rhian.page.getByRole('region', { name: 'Facilitator tools' })
    await expect.poll(() => tools.locator('.board-people strong').allInnerTexts()).toEqual(['2', '0'])
    // A viewer may not facilitate: not offered, and the tools say who can be and how.
    await expect(coFacilitatorChoices(rhian.page)).resolves.toEqual([])
    await tools.getByText('Nobody else can be made a co-facilitator yet: only editors and owners can.').waitFor()

    // Made an editor, he is offered, and adding him makes him a facilitator on his device too.
    const list = await openMembers(rhian.page)
    await list.getByLabel(`New role for ${GARETH.name}`).selectOption({ label: 'Editor: Can change the work, and invite commenters and viewers.' })
    await list.getByRole('button', { name: 'Change role' }).click()
    await list.getByRole('status').filter({ hasText: `${GARETH.name} is now: Editor.` }).waitFor()
    await closeMembers(list)
    await openFacilitatorTools(rhian.page)
    await expect.poll(() => coFacilitatorChoices(rhian.page)).toEqual([`${GARETH.name} (${GARETH.organisation})`])
    expect(await tools.getByText('Nobody else can be made a co-facilitator yet').count()).toBe(0)
    await expectNoAxeViolations(rhian.page, 'the facilitator tools with a co-facilitator to choose')
    await tools.getByLabel('Add a co-facilitator').selectOption({ label: `${GARETH.name} (${GARETH.organisation})` })
    await tools.getByRole('button', { name: 'Add', exact: true }).click()
    await waitForAnnouncement(rhian.page, `${GARETH.name} is now a facilitator of this board.`)
    await expect.poll(() => coFacilitatorChoices(rhian.page)).toEqual([])
    await gareth.page.getByRole('button', { name: 'Facilitator tools', exact: true }).waitFor()

    expect([...rhian.errors, ...gareth.errors]).toEqual([])
  })
})
