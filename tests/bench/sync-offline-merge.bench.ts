/**
 * Issue 3's benchmark: offline merge. Two people (two Chromium processes) have the same note
 * open, both go offline, and each types MUTUAL_BENCH_MERGE_EDITS keystrokes (default 10,000)
 * into it: every keystroke is one edit (one Yjs transaction), as a person makes them. Then
 * both come back online at once; the clock runs until each editor shows the other's last
 * words and both editors hold the same text. Target: ≤ 1 s.
 *
 * Loopback signalling (the app server's /signal), no ICE servers. The typing itself is not
 * timed as part of the figure; it is reported beside it.
 */
import { cpus, loadavg } from 'node:os'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { startSyncedAppServer } from '../e2e/support/signalling'
import { closePeers, noteEditor, openPeer, openSharedNote, waitForSyncLabel, type Peer } from '../e2e/support/signalling-peers'
import { againstTarget, reportFigures } from './support/report'

const EDITS = Number(process.env.MUTUAL_BENCH_MERGE_EDITS ?? 10_000)
const TARGET_MS = 1000
const NOTE = 'Merge bench notes'

/** `count` keystrokes of plausible notes, a new paragraph every dozen words, ending in `marker`. */
const keystrokes = (who: string, count: number, marker: string): string => {
  const words = ['pantry', 'route', 'surplus', 'volunteers', 'collection', 'Tuesday', 'depot', 'council', 'van', 'partners', 'data', 'map']
  let text = ''
  let i = 0
  while (text.length < count - marker.length - 1) {
    const word = `${words[i % words.length]}${who}`
    text += i % 12 === 11 ? `${word}\n` : `${word} `
    i++
  }
  text = text.slice(0, count - marker.length - 1)
  return `${text} ${marker}`
}

const editor = noteEditor

/** The note's text block by block, without other people's carets (their name labels are in the DOM). */
const editorText = (page: Page): Promise<string> =>
  editor(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement
    copy.querySelectorAll('[class*="collaboration-carets"]').forEach((caret) => caret.remove())
    return Array.from(copy.children, (block) => block.textContent ?? '').join('\n')
  })

it('issue 3: offline merge of two peers’ 10,000 edits each, after reconnecting', async () => {
  const loadBefore = loadavg()[0] ?? 0
  const server = await startSyncedAppServer()
  let a: Peer | undefined
  let b: Peer | undefined
  try {
    ;[a, b] = await Promise.all([openPeer(server.url, 'A'), openPeer(server.url, 'B')])
    const [pa, pb] = [a.page, b.page]
    await openSharedNote(a, b, 'Offline merge lab', NOTE)

    // Both offline; each types into the end of the note.
    await Promise.all([a.context.setOffline(true), b.context.setOffline(true)])
    await Promise.all([waitForSyncLabel(pa, 'Offline'), waitForSyncLabel(pb, 'Offline')])
    const markers = { a: 'END-OF-ASHA-OFFLINE', b: 'END-OF-TOM-OFFLINE' }
    const typeInto = async (page: Page, text: string): Promise<number> => {
      await editor(page).click()
      await page.keyboard.press('Control+End')
      const started = performance.now()
      await page.keyboard.type(text)
      await editor(page).getByText(text.slice(text.lastIndexOf(' ') + 1)).waitFor({ timeout: 600_000 })
      return performance.now() - started
    }
    const [typingA, typingB] = await Promise.all([
      typeInto(pa, keystrokes('A', EDITS, markers.a)),
      typeInto(pb, keystrokes('B', EDITS, markers.b))
    ])
    expect(await editorText(pa)).not.toContain(markers.b)
    expect(await editorText(pb)).not.toContain(markers.a)

    // Back online together: time until both show everything, and the same thing.
    const started = performance.now()
    await Promise.all([a.context.setOffline(false), b.context.setOffline(false)])
    const reconnected = Promise.all([waitForSyncLabel(pa, 'Connected to 1 peer'), waitForSyncLabel(pb, 'Connected to 1 peer')]).then(
      () => performance.now() - started
    )
    const shows = (page: Page, marker: string) =>
      page.waitForFunction(
        (m) => {
          const el = document.querySelector('[role="textbox"][aria-label="Note text"]')
          if (!el) return false
          // Other people's carets (with their names) sit inside the text: leave them out.
          const copy = el.cloneNode(true) as HTMLElement
          copy.querySelectorAll('[class*="collaboration-carets"]').forEach((caret) => caret.remove())
          return (copy.textContent ?? '').includes(m)
        },
        marker,
        { polling: 'raf', timeout: 120_000 }
      )
    await Promise.all([shows(pa, markers.b), shows(pb, markers.a)]).catch(async (error: unknown) => {
      // Say what each side had when it gave up, so a failure can be understood.
      const state = async (page: Page) => ({ label: await page.locator('.sync-pill').innerText(), chars: (await editorText(page)).length })
      throw new Error(`The two did not converge: A ${JSON.stringify(await state(pa))}, B ${JSON.stringify(await state(pb))}: ${String(error)}`)
    })
    const mergedMs = performance.now() - started
    const reconnectMs = await reconnected
    const [textA, textB] = await Promise.all([editorText(pa), editorText(pb)])
    expect(textA).toBe(textB)
    expect(textA).toContain(markers.a)
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])

    reportFigures('sync-offline-merge', {
      issue: 3,
      editsPerPeer: EDITS,
      browser: `Chromium ${a.browser.version()}`,
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', loadAverage: [loadBefore, loadavg()[0] ?? 0].map((l) => Math.round(l * 100) / 100) },
      merge: {
        what: 'both devices back online (setOffline false) to each editor showing the other’s last words, with the same text in both',
        ms: Math.round(mergedMs)
      },
      reconnect: { what: 'same start to both showing “Connected to 1 peer”', ms: Math.round(reconnectMs) },
      typing: {
        what: `time to type ${EDITS} keystrokes into the note editor while offline (each keystroke one edit), per device`,
        msPerDevice: [Math.round(typingA), Math.round(typingB)]
      },
      mergedCharacters: textA.length,
      targets: { mergeMs: againstTarget(Math.round(mergedMs), TARGET_MS, 'ms') }
    })
  } finally {
    await closePeers([a, b])
    await server.close()
  }
})
