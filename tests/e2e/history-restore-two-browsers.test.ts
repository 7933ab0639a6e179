/**
 * Issue 6, getting work back: two people, each in their own Chromium process, joined by the
 * invitation link and synced peer to peer through the loopback signalling server. Asha writes
 * a report and builds a partner map, and names a version before the review. Tom then deletes
 * the report's whole text and removes a partner. Asha sees both deletions arrive, looks at the
 * report's history, compares the version with now, and restores the report and the partner
 * map to it; Tom sees the text and the partner come back.
 */
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { caretAtEndOf, createReportThroughUi, reportText } from './support/editor-driver'
import { addPartnerThroughUi, closeDialog, partnerDialog, tableNames } from './support/partner-map-driver'
import { joinByLink, readInviteLink, waitForSyncLabel } from './support/signalling-peers'
import { useSyncedPeers } from './support/synced-peers'

const LAB = 'Oldham and Kirklees warm homes lab'
const REPORT = 'Warm homes interim report'
const VERSION = 'Before review'
const SUMMARY = 'Residents in cold homes ask the council first, then the food bank.'
const FINDING = 'Most households did not know about the boiler grant.'
const PARTNERS = ['Huddersfield Food Bank', 'Kirklees Council', 'Oldham Council']

const { peers: [asha, tom] } = useSyncedPeers(['Asha', 'Tom'])

const sidebarLink = (page: Page, name: string): Locator =>
  page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name, exact: true })

/** The report's text, block by block, without other people's caret labels. */
const reportBlocks = (page: Page): Promise<string> =>
  reportText(page).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove())
    return [...copy.children].map((block) => (block.textContent ?? '').trim()).filter(Boolean).join('\n')
  })

const focusedText = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')

const openHistory = async (page: Page, title: string): Promise<void> => {
  await page.getByRole('link', { name: 'History', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: `History of “${title}”` }).waitFor()
}

const versionRow = (page: Page, name: string): Locator =>
  page.getByRole('list', { name: 'Versions', exact: true }).getByRole('listitem').filter({ has: page.getByText(name, { exact: true }) })

/** Restores a version from the history page, confirming, and waits for the app to say so. */
const restoreVersion = async (page: Page, title: string, version: string): Promise<void> => {
  await page.getByRole('button', { name: `Restore ${version}`, exact: true }).click()
  const confirm = page.getByRole('dialog', { name: `Restore “${title}” to “${version}”?` })
  await confirm.waitFor()
  await expectNoAxeViolations(page, 'the restore confirmation')
  await confirm.getByRole('button', { name: 'Restore this version' }).click()
  await confirm.waitFor({ state: 'hidden' })
  await page.getByRole('status').filter({ hasText: `Restored “${title}” to “${version}”` }).waitFor()
  // The pressed button is redrawn away; focus goes to the message saying what happened.
  await expect.poll(() => focusedText(page)).toContain(`Restored “${title}” to “${version}”`)
}

describe('getting deleted work back from history, on two devices', () => {
  it('Asha writes a report and builds a partner map; Tom joins by the invitation', async () => {
    await setUpProfile(asha.page, { name: 'Asha Patel', organisation: 'Oldham Council', colour: 'Green' })
    await createWorkspaceThroughUi(asha.page, { name: LAB, leadCouncil: 'Oldham Council' })
    await createReportThroughUi(asha.page, REPORT)
    const editor = reportText(asha.page)
    await caretAtEndOf(editor, 'Summary')
    await asha.page.keyboard.press('ArrowDown')
    await asha.page.keyboard.type(SUMMARY)
    await caretAtEndOf(editor, 'Findings')
    await asha.page.keyboard.press('ArrowDown')
    await asha.page.keyboard.type(FINDING)

    await asha.page.getByRole('button', { name: 'Start the partner map' }).click()
    await asha.page.getByRole('heading', { level: 1, name: 'Partner map' }).waitFor()
    for (const name of PARTNERS) {
      await closeDialog(await addPartnerThroughUi(asha.page, { name, type: name.includes('Council') ? 'Council' : 'VCSE organisation' }))
    }
    await expect.poll(() => tableNames(asha.page)).toEqual(PARTNERS)

    const link = await readInviteLink(asha.page)
    await joinByLink(tom, link, { name: 'Tom Hughes', organisation: 'Kirklees Council', colour: 'Purple' })
    await tom.page.getByRole('heading', { level: 1, name: LAB }).waitFor()
    await Promise.all([asha, tom].map((p) => waitForSyncLabel(p.page, 'Connected to 1 peer')))
  })

  it('Asha names a version before the review, and Tom sees it', async () => {
    await sidebarLink(asha.page, 'Overview').click()
    await asha.page.getByLabel('Name this version').fill(VERSION)
    await asha.page.getByRole('button', { name: 'Save version' }).click()
    await asha.page.getByRole('status').filter({ hasText: `Saved version “${VERSION}”.` }).waitFor()
    await tom.page.getByRole('list', { name: 'Versions of this workspace' }).getByText(VERSION, { exact: true }).waitFor()
  })

  it('Tom deletes the whole report and a partner; Asha sees both deletions arrive', async () => {
    await sidebarLink(asha.page, REPORT).click()
    await expect.poll(() => reportBlocks(asha.page)).toContain(FINDING)

    await sidebarLink(tom.page, REPORT).click()
    const editor = reportText(tom.page)
    await expect.poll(() => reportBlocks(tom.page), { timeout: 60_000 }).toContain(FINDING)
    await editor.click()
    await tom.page.keyboard.press('ControlOrMeta+a')
    await tom.page.keyboard.press('Delete')
    await expect.poll(() => reportBlocks(tom.page)).toBe('')
    await expect.poll(() => reportBlocks(asha.page), { timeout: 60_000 }).toBe('')

    await sidebarLink(tom.page, 'Partner map').click()
    await tom.page.getByRole('heading', { level: 1, name: 'Partner map' }).waitFor()
    await expect.poll(() => tableNames(tom.page), { timeout: 60_000 }).toEqual(PARTNERS)
    await tom.page.getByRole('table', { name: /^Partners/ }).getByRole('button', { name: 'Oldham Council', exact: true }).click()
    const oldham = partnerDialog(tom.page, 'Oldham Council')
    await oldham.getByRole('button', { name: 'Move Oldham Council to the bin' }).click()
    await oldham.waitFor({ state: 'hidden' })
    await tom.page.getByRole('navigation', { name: 'Workspace' }).getByRole('heading', { name: 'Bin (1)' }).waitFor()

    await sidebarLink(asha.page, 'Partner map').click()
    await expect.poll(() => tableNames(asha.page), { timeout: 60_000 }).toEqual(['Huddersfield Food Bank', 'Kirklees Council'])
  })

  it('Asha compares the report with the named version and restores it; Tom sees the text again', async () => {
    await sidebarLink(asha.page, REPORT).click()
    await reportText(asha.page).waitFor()
    await openHistory(asha.page, REPORT)
    await versionRow(asha.page, VERSION).waitFor()
    await expectNoAxeViolations(asha.page, 'the report’s history')

    await asha.page.getByRole('button', { name: `Compare with now: ${VERSION}`, exact: true }).click()
    const compare = asha.page.getByRole('region', { name: `Changes since “${VERSION}”` })
    await compare.waitFor()
    // It opens below the list of versions, so focus goes to its heading.
    await expect.poll(() => focusedText(asha.page)).toBe(`Changes since “${VERSION}”`)
    // Tom's deletion shows as removed text, named as his for screen readers.
    const removed = compare.locator('del', { hasText: FINDING })
    await removed.waitFor()
    expect(await removed.innerText()).toContain('removed by Tom Hughes')
    await expectNoAxeViolations(asha.page, 'the comparison with now')
    // On a short screen (or zoomed in) the text scrolls inside its box, which the keyboard must reach.
    const viewport = asha.page.viewportSize()
    await asha.page.setViewportSize({ width: 1280, height: 320 })
    const box = compare.getByRole('region', { name: 'Changes to the text' })
    await expect.poll(() => box.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true)
    await expectNoAxeViolations(asha.page, 'the comparison with now, scrolling in its box')
    if (viewport) await asha.page.setViewportSize(viewport)

    await asha.page.getByRole('button', { name: `View ${VERSION}`, exact: true }).click()
    const asItWas = asha.page.getByRole('region', { name: `As it was in “${VERSION}”` })
    await asItWas.getByText(SUMMARY).waitFor()
    expect(await asItWas.locator('del, ins').count()).toBe(0)

    await restoreVersion(asha.page, REPORT, VERSION)
    // What Tom's deletion left is kept as a version too, so the restore can itself be undone.
    await versionRow(asha.page, `Before restoring “${REPORT}” to “${VERSION}”`).waitFor()
    await expectNoAxeViolations(asha.page, 'the report’s history after a restore')

    await asha.page.getByRole('link', { name: `Back to “${REPORT}”` }).click()
    await expect.poll(() => reportBlocks(asha.page)).toContain(FINDING)
    await sidebarLink(tom.page, REPORT).click()
    await expect.poll(() => reportBlocks(tom.page), { timeout: 60_000 }).toContain(FINDING)
    const text = await reportBlocks(tom.page)
    expect(text).toContain(SUMMARY)
    expect(text).toContain('Findings')
  })

  it('Asha restores the partner map; the partner Tom binned comes back for him', async () => {
    await sidebarLink(asha.page, 'Partner map').click()
    await asha.page.getByRole('heading', { level: 1, name: 'Partner map' }).waitFor()
    await openHistory(asha.page, 'Partner map')
    await versionRow(asha.page, VERSION).waitFor()
    await expectNoAxeViolations(asha.page, 'the partner map’s history')

    // Before restoring, Asha checks what the map looked like: Oldham Council is gone since.
    await asha.page.getByRole('button', { name: `Compare with now: ${VERSION}`, exact: true }).click()
    const compare = asha.page.getByRole('region', { name: `Changes since “${VERSION}”` })
    const partners = compare.getByRole('list', { name: 'Partners' }).getByRole('listitem')
    await expect.poll(() => partners.allInnerTexts()).toEqual([
      expect.stringMatching(/^Huddersfield Food Bank\s+VCSE organisation$/),
      expect.stringMatching(/^Kirklees Council\s+Council$/),
      expect.stringMatching(/^Oldham Council\s+Council\s+moved to the bin since this version$/)
    ])
    await compare.locator('del', { hasText: 'Oldham Council' }).waitFor()
    await expectNoAxeViolations(asha.page, 'the partner map compared with now')
    await compare.getByRole('button', { name: 'Close', exact: true }).click()
    await compare.waitFor({ state: 'hidden' })
    // Focus goes back to the button that opened the comparison.
    await expect.poll(() => asha.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Compare with now: ${VERSION}`)

    await restoreVersion(asha.page, 'Partner map', VERSION)

    await asha.page.getByRole('link', { name: 'Back to “Partner map”' }).click()
    await expect.poll(() => tableNames(asha.page)).toEqual(PARTNERS)
    await sidebarLink(tom.page, 'Partner map').click()
    await expect.poll(() => tableNames(tom.page), { timeout: 60_000 }).toEqual(PARTNERS)
    // Back on the map, so no longer in the bin.
    await tom.page.getByRole('navigation', { name: 'Workspace' }).getByRole('heading', { name: 'Bin (0)' }).waitFor()
    expect(asha.errors).toEqual([])
    expect(tom.errors).toEqual([])
  })
})
