/**
 * Issue 4, writing together: two people, each in their own Chromium process, joined by the
 * invitation link and synced peer to peer through the loopback signalling server, type into
 * the same report at the same time, see each other's carets with names, end with the same
 * text, and comment on it; undo takes back only one's own typing.
 */
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { caretAtEndOf, createReportThroughUi, pasteHtml, reportText, selectText, toolbarButton } from './support/editor-driver'
import { joinByLink, readInviteLink, waitForSyncLabel } from './support/signalling-peers'
import { useSyncedPeers } from './support/synced-peers'

const people = {
  asha: { name: 'Asha Patel', organisation: 'Oldham Council', colour: 'Green' },
  ben: { name: 'Ben Okafor', organisation: 'Preston City Council', colour: 'Purple' }
}

const { server, peers: [asha, ben] } = useSyncedPeers(['Asha', 'Ben'])

/** The document's text without the other people's caret labels drawn inside it. */
const documentText = (editor: Locator): Promise<string> =>
  editor.evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove())
    return [...copy.children].map((block) => block.textContent ?? '').join('\n')
  })

const converged = async (a: Page, b: Page): Promise<string> => {
  await expect.poll(async () => (await documentText(reportText(a))) === (await documentText(reportText(b))), { timeout: 30_000 }).toBe(true)
  return documentText(reportText(a))
}

const highlights = (page: Page): Promise<string[]> => reportText(page).locator('.comment-anchor').allInnerTexts()

describe('two people writing one report', () => {
  it('the second person joins by the invitation and opens the report', async () => {
    await setUpProfile(asha.page, people.asha)
    await createWorkspaceThroughUi(asha.page, { name: 'Food lab', leadCouncil: 'Oldham Council' })
    await createReportThroughUi(asha.page, 'Food lab report')
    const link = await readInviteLink(asha.page)
    await joinByLink(ben, link, people.ben)
    await Promise.all([waitForSyncLabel(asha.page, 'Connected to 1 peer'), waitForSyncLabel(ben.page, 'Connected to 1 peer')])
    await ben.page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Food lab report' }).click()
    await reportText(ben.page).getByRole('heading', { name: 'Findings' }).waitFor()
  })

  it('both type at once, in different sections and in the same paragraph, and end with the same text', async () => {
    const a = reportText(asha.page)
    const b = reportText(ben.page)
    await caretAtEndOf(a, 'Summary')
    await asha.page.keyboard.press('ArrowDown')
    await caretAtEndOf(b, 'Findings')
    await ben.page.keyboard.press('ArrowDown')
    await Promise.all([
      asha.page.keyboard.type('Residents trust the food hub on Market Street.', { delay: 15 }),
      ben.page.keyboard.type('Queues start before opening on three days a week.', { delay: 15 })
    ])
    let text = await converged(asha.page, ben.page)
    expect(text).toContain('Residents trust the food hub on Market Street.')
    expect(text).toContain('Queues start before opening on three days a week.')

    // Each sees the other's caret, labelled with their name.
    await reportText(asha.page).locator('.collaboration-carets__label', { hasText: 'Ben Okafor' }).waitFor()
    await reportText(ben.page).locator('.collaboration-carets__label', { hasText: 'Asha Patel' }).waitFor()

    // Now both in the Summary paragraph: Asha at its end, Ben at its start.
    await caretAtEndOf(b, 'Residents trust')
    await ben.page.keyboard.press('Home')
    await caretAtEndOf(a, 'Residents trust')
    await Promise.all([
      asha.page.keyboard.type(' Volunteers know people by name.', { delay: 15 }),
      ben.page.keyboard.type('In March, ', { delay: 15 })
    ])
    text = await converged(asha.page, ben.page)
    expect(text).toContain('In March, Residents trust the food hub on Market Street. Volunteers know people by name.')
    await expectNoAxeViolations(asha.page, 'a report with another person’s caret')
  })

  it('a comment made by one appears for the other and stays on its words while the other edits', async () => {
    await selectText(reportText(asha.page), 'food hub on Market Street')
    await toolbarButton(asha.page, 'Comment').click()
    await asha.page.getByLabel('Your comment').fill('Which hub? There are two.')
    await asha.page.getByRole('button', { name: 'Add comment' }).click()
    const benComments = ben.page.getByRole('region', { name: /^Comments/ })
    await benComments.getByText('Which hub? There are two.').waitFor()
    await expect.poll(() => highlights(ben.page)).toEqual(['food hub on Market Street'])

    // Ben edits around it: before it in the same sentence, and elsewhere.
    const b = reportText(ben.page)
    await selectText(b, 'trust')
    await ben.page.keyboard.type('really trust')
    await caretAtEndOf(b, 'Queues start')
    await ben.page.keyboard.type(' Some bring their children.')
    await converged(asha.page, ben.page)
    await expect.poll(() => highlights(asha.page)).toEqual(['food hub on Market Street'])
    await expect.poll(() => highlights(ben.page)).toEqual(['food hub on Market Street'])

    // Ben replies; Asha sees the reply in the same thread.
    const thread = benComments.getByRole('article', { name: /commented on “food hub on Market Street”/ })
    await thread.getByRole('button', { name: 'Reply to Asha Patel' }).click()
    await thread.getByLabel('Reply to Asha Patel').fill('The one by the bus station.')
    await thread.getByRole('button', { name: 'Reply', exact: true }).click()
    await asha.page.getByRole('region', { name: /^Comments/ }).getByText('The one by the bus station.').waitFor()
    await expectNoAxeViolations(ben.page, 'the other person’s report with a shared comment')
  })

  it('undo takes back only one’s own typing', async () => {
    const a = reportText(asha.page)
    const b = reportText(ben.page)
    await caretAtEndOf(b, 'Case studies')
    await ben.page.keyboard.press('ArrowDown')
    await ben.page.keyboard.type('Ben keeps this line.')
    await caretAtEndOf(a, 'Method')
    await asha.page.keyboard.press('ArrowDown')
    await asha.page.keyboard.type('Asha will undo this line.')
    await converged(asha.page, ben.page)
    await asha.page.keyboard.press('Control+z')
    await expect.poll(() => documentText(b)).not.toContain('Asha will undo this line.')
    const text = await converged(asha.page, ben.page)
    expect(text).toContain('Ben keeps this line.')
    expect(text).toContain('Some bring their children.')
  })

  it('a hostile paste by one is inert for both', async () => {
    await caretAtEndOf(reportText(asha.page), 'Recommendations')
    await asha.page.keyboard.press('ArrowDown')
    await pasteHtml(
      reportText(asha.page),
      `<p onmouseover="window.__pwned=1">Fund the <a href="javascript:window.__pwned=2">hubs</a><img src="${server.url}tracker.png" onerror="window.__pwned=3"><script>window.__pwned=4</script></p>`
    )
    await reportText(ben.page).getByText('Fund the hubs').waitFor()
    await reportText(ben.page).getByText('Fund the hubs').hover()
    for (const page of [asha.page, ben.page]) {
      const html = await reportText(page).innerHTML()
      // (ProseMirror draws its own <img class="ProseMirror-separator"> beside carets; it has no source.)
      expect(html.match(/javascript:|<script|<img[^>]*\ssrc=|\son[a-z]+=/gi)).toBeNull()
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull()
    }
    expect(asha.errors).toEqual([])
    expect(ben.errors).toEqual([])
  })
})
