/**
 * Found by QA: in the first minutes after a second device joined by invitation, while the two
 * were syncing, the first device's overview said "Another member’s device last synced: never".
 * Nothing was wrong: another device counts as synced once it reports holding everything this
 * one holds, which a device that has just joined does only once it has received all of it.
 * "Never" read as a verdict. Until that first confirmation the line now says "not yet", and,
 * while a device is connected, that the two are comparing. The joiner's legitimate changes are
 * not mistaken for refused ones either: neither device shows the "not accepted" notice.
 *
 * Two Chromium processes and the app's loopback signalling server.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { joinByLink, readInviteLink, waitForSyncLabel } from './support/signalling-peers'
import { useSyncedPeers } from './support/synced-peers'

const LAB = 'Warm spaces lab'
const LINE_START = 'Another member’s device last synced:'

const { peers: [asha, tom] } = useSyncedPeers(['asha', 'tom'])

const peerLine = (page: Page) =>
  page.getByRole('region', { name: 'Keeping this work safe' }).getByRole('listitem').filter({ hasText: LINE_START })

/**
 * Every wording the line takes on this page from now on, in order, so a wording shown only for
 * a moment is seen too (the page only records what it shows; nothing is read on a timer).
 */
const recordPeerLine = (page: Page): Promise<() => Promise<string[]>> =>
  page
    .evaluate((start) => {
      const shown: string[] = []
      const read = (): void => {
        const item = [...document.querySelectorAll('li')].find((li) => li.textContent?.startsWith(start))
        const text = item?.textContent?.trim()
        if (text && shown.at(-1) !== text) shown.push(text)
      }
      read()
      new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true })
      ;(window as unknown as { peerLineShown: string[] }).peerLineShown = shown
    }, LINE_START)
    .then(() => () => page.evaluate(() => [...(window as unknown as { peerLineShown: string[] }).peerLineShown]))

describe('“Another member’s device last synced” before the first confirmation', () => {
  it('says “not yet”, not “never”, on the first device while one that joined by invitation is syncing', async () => {
    await setUpProfile(asha.page, { name: 'Asha Patel', organisation: 'Oldham Council' })
    await createWorkspaceThroughUi(asha.page, { name: LAB, leadCouncil: 'Oldham Council' })
    await waitForSyncLabel(asha.page, 'Online · nobody else here')
    await peerLine(asha.page).waitFor()
    const shown = await recordPeerLine(asha.page)
    expect(await peerLine(asha.page).innerText()).toBe(`${LINE_START} not yet`)

    await joinByLink(tom, await readInviteLink(asha.page), { name: 'Tom Hughes', organisation: 'Kirklees Council' })
    await tom.page.getByRole('heading', { level: 1, name: LAB }).waitFor()
    // Once Tom's device holds everything Asha's does, it says so: a time, read live.
    const synced = new RegExp(`^${LINE_START} (now|.+ ago)$`)
    await peerLine(asha.page).filter({ hasText: synced }).waitFor({ timeout: 120_000 })
    const wordings = await shown()
    expect(wordings.filter((text) => /never/.test(text))).toEqual([])
    // Before the first confirmation: "not yet", then, with Tom's device connected, comparing.
    expect(wordings.slice(0, 2)).toEqual([`${LINE_START} not yet`, `${LINE_START} not yet (comparing with the device connected now)`])
    expect(wordings.at(-1)).toMatch(synced)
    await expectNoAxeViolations(asha.page, 'the overview once another member’s device has synced')

    // Tom's join, member record and first changes were all accepted: nothing to warn about.
    for (const page of [asha.page, tom.page]) expect(await page.getByRole('alert').filter({ hasText: 'were not accepted' }).count()).toBe(0)
    expect([...asha.errors, ...tom.errors]).toEqual([])
  })
})
