/**
 * Issue 13, defect 2: a person's caret stays where they put it while someone else types
 * elsewhere. Two people, each in their own Chromium process, write one CCIN report. Ben's
 * caret waits in an empty line (under "Findings", a new line made with Enter, a new heading,
 * a new list item) while Asha writes a sentence higher up; then Ben types, and his words
 * must land in his own line. Asha sees Ben's caret label stay in that line too, also while she
 * adds lines above it herself. And a click of Ben's while Asha types is never undone by her
 * change arriving before his editor has read the click.
 */
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { ASHA, BEN, blockOutline, caretAtEndOf, createReportThroughUi, reportText, settle } from './support/editor-driver'
import { joinByLink, readInviteLink, waitForSyncLabel } from './support/signalling-peers'
import { useSyncedPeers } from './support/synced-peers'

const people = { asha: { ...ASHA, colour: 'Green' }, ben: { ...BEN, colour: 'Purple' } }

const { peers: [asha, ben] } = useSyncedPeers(['Asha', 'Ben'])

/** The blocks from the heading `title` up to (not including) the next heading of the same tag. */
const sectionOf = (blocks: string[], heading: string): string[] => {
  const start = blocks.indexOf(heading)
  if (start < 0) throw new Error(`No "${heading}" in ${JSON.stringify(blocks)}`)
  const tag = heading.slice(0, heading.indexOf(':'))
  const end = blocks.findIndex((block, i) => i > start && block.startsWith(`${tag}: `))
  return blocks.slice(start, end < 0 ? undefined : end)
}

/** Waits until this person's screen shows `text` (another person's typing has arrived). */
const seen = async (page: Page, text: string): Promise<void> => {
  await expect.poll(async () => (await blockOutline(reportText(page))).some((b) => b.includes(text)), { timeout: 30_000 }).toBe(true)
}

/** The text of the top-level block holding this person's own caret, as their screen shows it. */
const blockWithOwnCaret = (page: Page): Promise<string> =>
  reportText(page).evaluate((root) => {
    const anchor = window.getSelection()?.anchorNode ?? null
    let block = anchor instanceof Element ? anchor : (anchor?.parentElement ?? null)
    while (block && block.parentElement !== root) block = block.parentElement
    if (!block) return '(outside the text)'
    const copy = block.cloneNode(true) as HTMLElement
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove())
    return `${block.tagName.toLowerCase()}: ${(copy.textContent ?? '').trim()}`
  })

/**
 * Where another person's caret label is drawn on this screen: the text of the top-level
 * block before the one it is in (its section's heading or the line above), and its own text.
 */
const labelPlace = (page: Page, name: string): Promise<string> =>
  reportText(page).evaluate((root, who) => {
    const caret = [...root.querySelectorAll('.collaboration-carets__caret')].find((c) => c.textContent === who)
    let block = caret?.parentElement ?? null
    while (block && block.parentElement !== root) block = block.parentElement
    if (!caret || !block) return '(no label)'
    const text = (element: Element | null): string => {
      if (!element) return ''
      const copy = element.cloneNode(true) as HTMLElement
      copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove())
      return (copy.textContent ?? '').trim()
    }
    return `${text(block.previousElementSibling)} / ${text(block)}`
  }, name)

/** Asha writes `sentence` at the end of the block starting with `blockText` (or the empty line below it). */
const ashaWrites = async (blockText: string, sentence: string, lineBelow: boolean): Promise<void> => {
  await caretAtEndOf(reportText(asha.page), blockText)
  if (lineBelow) await asha.page.keyboard.press('ArrowDown')
  await asha.page.keyboard.type(sentence, { delay: 10 })
  // Ben has all of it before he types again: his caret has been through every change.
  await seen(ben.page, sentence)
}

/** Asha starts a new report from the CCIN template and both have it open: each case starts afresh. */
const openNewReport = async (title: string): Promise<void> => {
  await createReportThroughUi(asha.page, title)
  await ben.page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: title }).click()
  await reportText(ben.page).getByRole('heading', { name: 'Findings' }).waitFor()
  await expect.poll(() => blockOutline(reportText(ben.page))).toEqual(await blockOutline(reportText(asha.page)))
}

/** Ben's section "Findings" as both of them see it, once Asha's screen has caught up. */
const expectFindings = async (expected: string[]): Promise<void> => {
  expect(sectionOf(await blockOutline(reportText(ben.page)), 'h2: Findings')).toEqual(expected)
  await expect.poll(async () => sectionOf(await blockOutline(reportText(asha.page)), 'h2: Findings'), { timeout: 30_000 }).toEqual(expected)
}

/** Ben writes `text` in the empty line under Findings, then presses Enter for a new line. */
const benWritesUnderFindingsThenEnter = async (text: string): Promise<void> => {
  await caretAtEndOf(reportText(ben.page), 'Findings')
  await ben.page.keyboard.press('ArrowDown')
  await ben.page.keyboard.type(text, { delay: 10 })
  await ben.page.keyboard.press('Enter')
}

/** Waits until this person's screen shows the section `heading` as `lines`. */
const seenLines = async (page: Page, heading: string, lines: string[]): Promise<void> => {
  await expect.poll(async () => sectionOf(await blockOutline(reportText(page)), heading), { timeout: 30_000 }).toEqual(lines)
}

/** A 54-character sentence, as in the report of the defect. */
const SUMMARY = 'Food hubs in both towns now serve more people, weekly.'

describe('a caret stays in its line while someone else types higher up', () => {
  it('both people are in one workspace', async () => {
    expect(SUMMARY).toHaveLength(54)
    await setUpProfile(asha.page, people.asha)
    await createWorkspaceThroughUi(asha.page, { name: 'Food lab', leadCouncil: 'Oldham Council' })
    const link = await readInviteLink(asha.page)
    await joinByLink(ben, link, people.ben)
    await Promise.all([waitForSyncLabel(asha.page, 'Connected to 1 peer'), waitForSyncLabel(ben.page, 'Connected to 1 peer')])
  })

  it('an empty paragraph under Findings: Ben’s words go there, and Asha sees his caret there', async () => {
    await openNewReport('Empty line report')
    const b = reportText(ben.page)
    await caretAtEndOf(b, 'Findings')
    await ben.page.keyboard.press('ArrowDown')
    await settle(ben.page)
    expect(await blockWithOwnCaret(ben.page)).toBe('p: ')
    await expect.poll(() => labelPlace(asha.page, people.ben.name), { timeout: 30_000 }).toBe('Findings / ')

    await ashaWrites('Summary', SUMMARY, true)
    // Asha's sentence moved nothing of Ben's: his label is still in the line under Findings.
    await expect.poll(() => labelPlace(asha.page, people.ben.name), { timeout: 30_000 }).toBe('Findings / ')
    await ben.page.keyboard.type('Queues start before opening.', { delay: 10 })

    await expectFindings(['h2: Findings', 'p: Queues start before opening.'])
    expect(sectionOf(await blockOutline(b), 'h2: Summary')).toEqual(['h2: Summary', `p: ${SUMMARY}`])
    expect(sectionOf(await blockOutline(b), 'h2: Case studies')).toEqual(['h2: Case studies', 'p: '])
    await expect.poll(() => labelPlace(asha.page, people.ben.name), { timeout: 30_000 }).toBe('Findings / Queues start before opening.')
    await expectNoAxeViolations(asha.page, 'a report with another person’s caret in it')
  })

  it('Asha’s own new lines higher up leave Ben’s caret label in his line on her screen', async () => {
    await openNewReport('Label report')
    await caretAtEndOf(reportText(ben.page), 'Findings')
    await ben.page.keyboard.press('ArrowDown')
    await expect.poll(() => labelPlace(asha.page, people.ben.name), { timeout: 30_000 }).toBe('Findings / ')
    await caretAtEndOf(reportText(asha.page), 'Summary')
    await asha.page.keyboard.press('Enter')
    await asha.page.keyboard.press('Enter')
    await seenLines(ben.page, 'h2: Summary', ['h2: Summary', 'p: ', 'p: ', 'p: '])
    await expect.poll(() => labelPlace(asha.page, people.ben.name), { timeout: 30_000 }).toBe('Findings / ')
  })

  it('a new line made with Enter, then a pause: Ben’s words go on that line', async () => {
    await openNewReport('New line report')
    const b = reportText(ben.page)
    await benWritesUnderFindingsThenEnter('Queues start before opening.')
    // The pause: Asha has the new empty line before she writes.
    await expect
      .poll(async () => sectionOf(await blockOutline(reportText(asha.page)), 'h2: Findings'), { timeout: 30_000 })
      .toEqual(['h2: Findings', 'p: Queues start before opening.', 'p: '])

    await ashaWrites('Background', 'Two councils share one hub.', true)
    await expect.poll(() => labelPlace(asha.page, people.ben.name), { timeout: 30_000 }).toBe('Queues start before opening. / ')
    await ben.page.keyboard.type('Most come on foot.', { delay: 10 })

    await expectFindings(['h2: Findings', 'p: Queues start before opening.', 'p: Most come on foot.'])
    expect(sectionOf(await blockOutline(b), 'h2: Method')).toEqual(['h2: Method', 'p: '])
    expect(sectionOf(await blockOutline(b), 'h2: Case studies')).toEqual(['h2: Case studies', 'p: '])
  })

  it('a new, empty heading: Ben’s heading text goes into it, and no other heading changes', async () => {
    await openNewReport('Heading report')
    const b = reportText(ben.page)
    await benWritesUnderFindingsThenEnter('Most come on foot.')
    await ben.page.keyboard.press('Control+Alt+2')
    await expect.poll(async () => (await blockOutline(reportText(asha.page))).filter((block) => block === 'h3: '), { timeout: 30_000 }).toEqual(['h3: '])

    await ashaWrites('Summary', SUMMARY, true)
    await expect.poll(() => labelPlace(asha.page, people.ben.name), { timeout: 30_000 }).toBe('Most come on foot. / ')
    await ben.page.keyboard.type('Travel', { delay: 10 })

    await expectFindings(['h2: Findings', 'p: Most come on foot.', 'h3: Travel'])
    expect((await blockOutline(b)).filter((block) => block.startsWith('h'))).toEqual([
      'h2: Summary',
      'h2: Background',
      'h2: Method',
      'h2: Findings',
      'h3: Travel',
      'h2: Case studies',
      'h2: Recommendations',
      'h2: Values and principles',
      'h2: Next steps'
    ])
  })

  it('a new, empty list item: Ben’s words go into it, while Asha fills a list of her own higher up', async () => {
    await openNewReport('List report')
    const a = reportText(asha.page)
    const b = reportText(ben.page)
    // Asha starts two lists and leaves both empty for now: under Summary and under Next steps.
    await caretAtEndOf(a, 'Summary')
    await asha.page.keyboard.press('ArrowDown')
    await asha.page.keyboard.type('- ')
    await caretAtEndOf(a, 'Next steps')
    await asha.page.keyboard.press('ArrowDown')
    await asha.page.keyboard.type('- ')
    // Ben starts his under Findings.
    await caretAtEndOf(b, 'Findings')
    await ben.page.keyboard.press('ArrowDown')
    await ben.page.keyboard.type('- ')
    for (const editor of [a, b]) {
      await expect.poll(async () => (await blockOutline(editor)).filter((block) => block === 'ul: '), { timeout: 30_000 }).toEqual(['ul: ', 'ul: ', 'ul: '])
    }
    await settle(ben.page)
    expect(await blockWithOwnCaret(ben.page)).toBe('ul: ')

    await a.locator('ul').first().locator('p').click()
    await asha.page.keyboard.type('Longer opening hours', { delay: 10 })
    await seen(ben.page, 'Longer opening hours')
    await ben.page.keyboard.type('Buses', { delay: 10 })

    await expectFindings(['h2: Findings', 'ul: Buses'])
    expect(sectionOf(await blockOutline(b), 'h2: Summary')).toEqual(['h2: Summary', 'ul: Longer opening hours'])
    expect(sectionOf(await blockOutline(b), 'h2: Next steps')).toEqual(['h2: Next steps', 'ul: '])
    expect(asha.errors).toEqual([])
    expect(ben.errors).toEqual([])
  })

  it('a click while the other person is typing puts the caret where it was clicked, every time', async () => {
    await openNewReport('Click report')
    await caretAtEndOf(reportText(asha.page), 'Next steps')
    await asha.page.keyboard.press('ArrowDown')
    // Asha types without a pause while Ben clicks from heading to heading: each of her keys
    // reaches Ben's editor as a change, often between his click and the editor reading it.
    // She writes below every heading he clicks, so her lines never move them under his pointer.
    let typing = true
    const ashaTyping = (async () => {
      while (typing) await asha.page.keyboard.type('Food hubs ', { delay: 5 })
    })()
    const missed: string[] = []
    try {
      const headings = ['Findings', 'Method', 'Recommendations', 'Background']
      for (let i = 0; i < 24; i++) {
        const name = headings[i % headings.length]!
        const heading = reportText(ben.page).getByRole('heading', { name, exact: true })
        const box = await heading.boundingBox()
        if (!box) throw new Error(`"${name}" is not visible`)
        await heading.click({ position: { x: box.width - 2, y: box.height - 4 } })
        await ben.page.keyboard.press('End')
        const caretIn = await reportText(ben.page).evaluate(() => {
          const anchor = window.getSelection()?.anchorNode
          return (anchor instanceof Element ? anchor : anchor?.parentElement)?.closest('h2, h3, p, li')?.textContent ?? '(none)'
        })
        if (caretIn !== name) missed.push(`${name} -> ${caretIn}`)
      }
    } finally {
      typing = false
      await ashaTyping
    }
    expect(missed).toEqual([])
    expect(asha.errors).toEqual([])
    expect(ben.errors).toEqual([])
  })
})
