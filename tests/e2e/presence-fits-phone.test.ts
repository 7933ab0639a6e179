/**
 * The "Here now" strip on a phone, from a QA pass through the built app: at 390 x 844 the card of
 * someone else in the workspace ("Rhian Facilitator · Viewing …") ran past the right edge, and in
 * Welsh on the partner map it made the whole page scroll sideways. Two devices, each its own
 * Chromium process: Rhian, with a long name, has a board with a long title open; Gareth, on a
 * phone, sees her card on his overview and his partner map, in English and in Welsh. Nothing
 * scrolls sideways and the card stays inside its strip and the window.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { createBoardThroughUi } from './support/board-driver'
import { sidewaysOverflow } from './support/layout-probes'
import { joinByLink, readInviteLink, waitForSyncLabel } from './support/signalling-peers'
import { useSyncedPeers } from './support/synced-peers'

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 900 }
const LAB = 'Rhondda food lab'
const RHIAN = { name: 'Rhian Facilitator-Llewellyn ap Prydderch', organisation: 'Cyngor Bwrdeistref Sirol Rhondda Cynon Taf' }
const GARETH = { name: 'Gareth Morgan', organisation: 'Cardiff Council' }
const BOARD = 'What we heard at the community food and warm spaces listening sessions'

const { peers: [rhian, gareth] } = useSyncedPeers(['Rhian', 'Gareth'] as const)

/** Rhian's card in Gareth's "Here now" strip, once it says which board she has open. */
const rhiansCard = (page: Page, title: string) =>
  page.getByRole('region', { name: title }).getByRole('listitem').filter({ hasText: RHIAN.name }).filter({ hasText: BOARD })

/**
 * At phone width: the page does not scroll sideways, and Rhian's card lies inside the "Here now"
 * strip and the window (the card used to keep its desktop width and run past both).
 */
const expectFitsPhone = async (page: Page, title: string, where: string): Promise<void> => {
  await page.setViewportSize(PHONE)
  const card = rhiansCard(page, title)
  await card.waitFor()
  await expect.poll(() => sidewaysOverflow(page), { message: `the page is wider than the phone (${where})` }).toBe(0)
  const [box, strip] = await Promise.all([card.boundingBox(), page.getByRole('region', { name: title }).boundingBox()])
  if (!box || !strip) throw new Error(`Rhian's card or the strip is not shown (${where})`)
  const right = (b: { x: number; width: number }): number => Math.round(b.x + b.width)
  expect(box.x, `Rhian's card starts inside the strip (${where})`).toBeGreaterThanOrEqual(Math.floor(strip.x))
  expect(right(box), `Rhian's card ends inside the strip (${where})`).toBeLessThanOrEqual(right(strip))
  expect(right(strip), `the strip ends inside the window (${where})`).toBeLessThanOrEqual(PHONE.width)
  await expectNoAxeViolations(page, `the presence strip at 390 px (${where})`)
}

describe('the presence strip on a phone', () => {
  it('keeps a long name and a long place inside a 390 px window, in English and in Welsh', async () => {
    await setUpProfile(rhian.page, RHIAN)
    await createWorkspaceThroughUi(rhian.page, { name: LAB, leadCouncil: 'Rhondda Cynon Taf' })
    await rhian.page.getByRole('button', { name: 'Start the partner map' }).click()
    await rhian.page.getByRole('heading', { level: 1, name: 'Partner map' }).waitFor()
    const link = await readInviteLink(rhian.page)
    await createBoardThroughUi(rhian.page, BOARD, { template: /What works/ })

    await joinByLink(gareth, link, GARETH)
    await gareth.page.getByRole('heading', { level: 1, name: LAB }).waitFor()
    await Promise.all([rhian, gareth].map((p) => waitForSyncLabel(p.page, 'Connected to 1 peer')))

    await expectFitsPhone(gareth.page, 'Here now', 'the overview')

    await gareth.page.setViewportSize(DESKTOP)
    await gareth.page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Partner map' }).click()
    await gareth.page.getByRole('heading', { level: 1, name: 'Partner map' }).waitFor()
    await expectFitsPhone(gareth.page, 'Here now', 'the partner map')

    await gareth.page.setViewportSize(DESKTOP)
    await gareth.page.getByRole('banner').getByRole('button', { name: 'Cymraeg', exact: true }).click()
    await expectFitsPhone(gareth.page, 'Yma nawr', 'the partner map in Welsh')

    expect([...rhian.errors, ...gareth.errors]).toEqual([])
  })
})
