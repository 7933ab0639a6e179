/**
 * Issue 3's benchmark: keystroke-to-peer latency. A types into a note; the clock runs from
 * the keydown on A (the event's own timestamp) to the text being in B's editor (B's
 * MutationObserver sees it) and painted (B's next animation frame). A and B are separate
 * Chromium processes on this machine, so their clocks (time origin + now) are the same clock.
 *
 * Beside it, the floor: the same measurement between two bare pages with only y-webrtc, Yjs
 * and TipTap (tests/bench/support/sync-floor-peer.ts), plus when the change reached the
 * floor's remote Y.Doc. 200 keystrokes each (MUTUAL_BENCH_KEYSTROKES), one at a time.
 * Targets: p95 ≤ 16 ms (one frame), and ≤ 1.3× the floor.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { cpus, loadavg } from 'node:os'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { startSyncedAppServer } from '../e2e/support/signalling'
import { closePeers, noteEditor, openPeer, openSharedNote, type Peer } from '../e2e/support/signalling-peers'
import { buildPageScript } from './support/page-script'
import { againstTarget, reportFigures, summarise } from './support/report'

const KEYSTROKES = Number(process.env.MUTUAL_BENCH_KEYSTROKES ?? 200)
const TARGETS = { p95Ms: 16, toFloor: 1.3 }
const LETTERS = 'thequickbrownfoxjumpsoverthelazydog'

interface Probe {
  keydowns: number[]
  arm(expected: string): void
  arrived: Promise<{ dom: number; paint: number }> | null
}

/** On the typing side: when each keydown happened, by the event's own clock. */
const installKeydownLog = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __probe: Partial<Probe> }
    w.__probe = { keydowns: [] }
    document.addEventListener('keydown', (e) => w.__probe.keydowns?.push(performance.timeOrigin + e.timeStamp), { capture: true })
  })

/** On the receiving side: resolves when the editor's text (carets aside) contains `expected`. */
const installArrivalProbe = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const w = window as unknown as { __probe?: Partial<Probe> }
    const probe = (w.__probe ??= { keydowns: [] })
    const target = document.querySelector(sel) as HTMLElement
    const text = (): string => {
      const copy = target.cloneNode(true) as HTMLElement
      copy.querySelectorAll('[class*="collaboration-carets"]').forEach((c) => c.remove())
      return copy.textContent ?? ''
    }
    let waiting: { expected: string; resolve: (t: { dom: number; paint: number }) => void } | null = null
    const check = (): void => {
      if (!waiting || !text().includes(waiting.expected)) return
      const dom = performance.timeOrigin + performance.now()
      const done = waiting.resolve
      waiting = null
      requestAnimationFrame(() => done({ dom, paint: performance.timeOrigin + performance.now() }))
    }
    new MutationObserver(check).observe(target, { subtree: true, childList: true, characterData: true })
    probe.arm = (expected: string) => {
      probe.arrived = new Promise((resolve) => {
        waiting = { expected, resolve }
        check()
      })
    }
  }, selector)

interface Latency {
  dom: number[]
  paint: number[]
}

/** Types one key at a time on `typist`, waiting for each to arrive at `receiver`. */
const measure = async (typist: Page, receiver: Page, count: number, prefix: string): Promise<Latency> => {
  const dom: number[] = []
  const paint: number[] = []
  let typed = prefix
  for (let i = 0; i < count; i++) {
    const key = LETTERS[i % LETTERS.length] as string
    typed += key
    await receiver.evaluate((s) => (window as unknown as { __probe: Probe }).__probe.arm(s), typed)
    await typist.keyboard.press(key)
    const arrived = await receiver.evaluate(() => (window as unknown as { __probe: Probe }).__probe.arrived)
    const keydown = await typist.evaluate(() => (window as unknown as { __probe: Probe }).__probe.keydowns.at(-1) ?? 0)
    if (!arrived) throw new Error('the receiver was not armed')
    dom.push(arrived.dom - keydown)
    paint.push(arrived.paint - keydown)
  }
  return { dom, paint }
}

const NOTE = 'Latency bench notes'

it('issue 3: keystroke-to-peer latency, app against the bare y-webrtc + Yjs + TipTap floor', async () => {
  const loadBefore = loadavg()[0] ?? 0
  const server = await startSyncedAppServer()
  const floorScript = await buildPageScript('./sync-floor-peer.ts', 'MutualSyncFloor')
  let a: Peer | undefined
  let b: Peer | undefined
  let floorServer: Server | undefined
  try {
    ;[a, b] = await Promise.all([openPeer(server.url, 'A'), openPeer(server.url, 'B')])
    const [pa, pb] = [a.page, b.page]

    // The app: A and B with the same note open, connected.
    await openSharedNote(a, b, 'Latency lab', NOTE)
    const editorA = noteEditor(pa)
    await editorA.click()
    await pa.keyboard.press('Control+End')
    await pa.keyboard.press('Enter')
    await pa.keyboard.type('latency ')
    await installKeydownLog(pa)
    await installArrivalProbe(pb, '[role="textbox"][aria-label="Note text"]')
    const app = await measure(pa, pb, KEYSTROKES, 'latency ')
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])

    // The floor: two bare pages on a loopback server of their own (a page the browser did not
    // load from an address would be refused loopback by Local Network Access), the same
    // signalling server and the same ICE list.
    const floorHtml = `<!doctype html><html lang="en"><head><title>Floor</title></head><body><div id="editor"></div><script>${floorScript.replace(/<\/script/gi, '<\\/script')}</script></body></html>`
    floorServer = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      response.end(floorHtml)
    })
    await new Promise<void>((resolve) => floorServer?.listen(0, '127.0.0.1', resolve))
    const floorUrl = `http://127.0.0.1:${(floorServer.address() as AddressInfo).port}/`
    const floorPages: Page[] = []
    for (const peer of [a, b]) {
      const page = await (await peer.browser.newContext()).newPage()
      page.on('pageerror', (e) => console.error(`floor page error: ${e.message}`))
      await page.goto(floorUrl)
      await page.evaluate(
        ({ url }) => (window as any).MutualSyncFloor.start('floor-room', 'floor-password', url, document.getElementById('editor')),
        { url: server.signallingUrl }
      )
      floorPages.push(page)
    }
    const [fa, fb] = floorPages as [Page, Page]
    await Promise.all([fa, fb].map((p) => p.waitForFunction(() => (window as any).MutualSyncFloor.connectedPeers() === 1, undefined, { timeout: 60_000 }))).catch(
      async (error: unknown) => {
        const states = await Promise.all([fa, fb].map((p) => p.evaluate(() => (window as any).MutualSyncFloor.describe())))
        throw new Error(`The floor pages did not connect: ${JSON.stringify(states)}: ${String(error)}`)
      }
    )
    await fa.getByRole('textbox', { name: 'Floor text' }).click()
    await fa.keyboard.type('latency ')
    await fb.getByText('latency').waitFor()
    await installKeydownLog(fa)
    await installArrivalProbe(fb, '[role="textbox"][aria-label="Floor text"]')
    const remoteBefore = await fb.evaluate(() => (window as any).MutualSyncFloor.remoteUpdates.length as number)
    const floor = await measure(fa, fb, KEYSTROKES, 'latency ')
    const keydowns = await fa.evaluate(() => (window as any).__probe.keydowns as number[])
    const remote = (await fb.evaluate(() => (window as any).MutualSyncFloor.remoteUpdates as number[])).slice(remoteBefore)
    const floorDoc = remote.length === keydowns.length ? remote.map((t, i) => t - (keydowns[i] as number)) : []

    const appDom = summarise(app.dom)
    const appPaint = summarise(app.paint)
    const floorDom = summarise(floor.dom)
    const floorPaint = summarise(floor.paint)
    const ratio = Math.round((appPaint.p95Ms / floorPaint.p95Ms) * 100) / 100
    reportFigures('sync-keystroke', {
      issue: 3,
      keystrokes: KEYSTROKES,
      browser: `Chromium ${a.browser.version()}`,
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', loadAverage: [loadBefore, loadavg()[0] ?? 0].map((l) => Math.round(l * 100) / 100) },
      app: {
        what: 'keydown on A (event timestamp) to the character in B’s note editor (DOM), and to B’s next animation frame (painted)',
        dom: appDom,
        painted: appPaint
      },
      floor: {
        what: 'the same between two bare pages with only y-webrtc + Yjs + TipTap (StarterKit, Collaboration)',
        dom: floorDom,
        painted: floorPaint,
        intoRemoteYDoc: floorDoc.length ? summarise(floorDoc) : 'not matched one-to-one'
      },
      paintedP95ToFloor: ratio,
      targets: {
        p95Ms: againstTarget(appPaint.p95Ms, TARGETS.p95Ms, 'ms (painted, p95)'),
        toFloor: againstTarget(ratio, TARGETS.toFloor, 'times the floor (painted, p95)')
      }
    })
  } finally {
    await closePeers([a, b])
    await server.close()
    floorServer?.close()
  }
})
