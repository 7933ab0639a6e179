/**
 * Issue 12's relay figures in real Chromium on the built app (relay-join.bench.ts has them at Node
 * level, without IndexedDB or rendering). The app, signalling and the relay run on one loopback
 * port (tests/e2e/support/relay.ts); the relay is on PGlite, or on PostgreSQL when
 * MUTUAL_TEST_DATABASE_URL is set (in a schema of its own, dropped afterwards). Each device is a
 * Chromium process on a profile of its own; no two are ever open together, so nothing can travel
 * peer to peer.
 *
 * - join: the bench lab (6 months, or MUTUAL_BENCH_LAB_MONTHS's; same seed and file as sync-initial.bench.ts) is imported by its
 *   first member, whose device uploads it and closes. A new device opens the invitation; the clock
 *   runs from the click on "Join workspace" until the sidebar lists every note and report
 *   (sync-initial's clock). Target ≤ 3 s (≤ 5 s at 24 months), printed beside the same join over WebRTC.
 * - catch-up: the new device closes; the first member opens the lab again and works a day (a new
 *   note of MUTUAL_BENCH_DAY_BURSTS bursts of typing, default 60) and closes. The device opens the
 *   lab again; the clock runs from opening it until the new note is listed, and until the note,
 *   opened from the sidebar, shows the day's last sentence.
 *
 * Where the join's time goes comes from the relay's socket (first and last message received, seen
 * by a wrapper around WebSocket) and the app's own performance marks.
 */
import { cpus, loadavg } from 'node:os'
import type { Page } from 'playwright-core'
import { it } from 'vitest'
import { setUpProfile } from '../e2e/support/app-driver'
import { createNoteThroughUi, noteText, settle } from '../e2e/support/editor-driver'
import { workspaceIdOf } from '../e2e/support/indexeddb-probes'
import { startRelayedAppServer } from '../e2e/support/relay'
import { dropRelayDatabase, uniqueRelaySchema } from '../e2e/support/relay-database'
import { makeDevices, waitUntilRelayHolds } from '../e2e/support/relay-devices'
import { fillProfile, readInviteLink } from '../e2e/support/signalling-peers'
import { openFromSidebar } from '../e2e/support/workspace-tour'
import { TEST_DATABASE_URL, requirePostgres } from '../unit/relay/support/test-stores'
import { benchSeed } from './seed/random'
import { benchLabMonths, describeBenchWorkspace } from './seed/workspace'
import { summariseProfile, type CpuProfile } from './support/cpu-profile'
import { writeBenchLabFile } from './support/bench-lab-file'
import { joinTarget } from './support/join-target'
import { againstTarget, reportFigures } from './support/report'
import { joinOverWebrtc, sidebarComplete } from './support/webrtc-join'

const DAY_BURSTS = Number(process.env.MUTUAL_BENCH_DAY_BURSTS ?? 60)
const DAY_NOTE = 'A day at the depot'
const LONG = 10 * 60_000
/** MUTUAL_BENCH_PROFILE=1: the joining page's CPU profile over the join, by area and function (slows the join). */
const PROFILE = process.env.MUTUAL_BENCH_PROFILE === '1'
const DIST = process.env.MUTUAL_DIST ?? 'dist'

/** What the page's relay socket received, recorded by RELAY_SOCKET_PROBE. */
interface RelayTraffic {
  openedAt: number | null
  firstMessageAt: number | null
  lastMessageAt: number | null
  messages: number
  bytes: number
  /** The first 50 messages: [ms, bytes] each, in the page's performance.now(). */
  timeline: [number, number][]
  /** Decryptions of 64 KB or more (the relay's large entries): [started, finished, bytes]. */
  decrypts: [number, number, number][]
  /** IndexedDB writes of 64 KB or more (the received update stored): [ms, bytes]. */
  largeWrites: [number, number][]
}

/**
 * Runs in every page before the app: wraps WebSocket so that messages on the relay's socket are
 * counted with their times (performance.now() of the page), and notes when large entries are
 * decrypted and large updates written to IndexedDB, without changing what the app gets.
 */
const RELAY_SOCKET_PROBE = `(() => {
  const traffic = { openedAt: null, firstMessageAt: null, lastMessageAt: null, messages: 0, bytes: 0, timeline: [], decrypts: [], largeWrites: [] }
  window.__relayTraffic = traffic
  const Native = window.WebSocket
  class Probed extends Native {
    constructor(url, protocols) {
      super(url, protocols)
      if (!String(url).includes('/relay')) return
      this.addEventListener('open', () => { if (traffic.openedAt === null) traffic.openedAt = performance.now() })
      this.addEventListener('message', (event) => {
        const now = performance.now()
        if (traffic.firstMessageAt === null) traffic.firstMessageAt = now
        traffic.lastMessageAt = now
        traffic.messages += 1
        const data = event.data
        const bytes = typeof data === 'string' ? data.length : data.byteLength ?? data.size ?? 0
        traffic.bytes += bytes
        if (traffic.timeline.length < 50) traffic.timeline.push([now, bytes])
      })
    }
  }
  window.WebSocket = Probed
  const LARGE = 64 * 1024
  const sizeOf = (value) => (value && (value.byteLength ?? (value.update && value.update.byteLength) ?? (value.value && value.value.byteLength))) || 0
  const decrypt = crypto.subtle.decrypt.bind(crypto.subtle)
  crypto.subtle.decrypt = async (algorithm, key, data) => {
    const at = performance.now()
    const plain = await decrypt(algorithm, key, data)
    if (data.byteLength >= LARGE && traffic.decrypts.length < 20) traffic.decrypts.push([at, performance.now(), data.byteLength])
    return plain
  }
  for (const name of ['add', 'put']) {
    const write = IDBObjectStore.prototype[name]
    IDBObjectStore.prototype[name] = function (value, key) {
      const bytes = sizeOf(value)
      if (bytes >= LARGE && traffic.largeWrites.length < 20) traffic.largeWrites.push([performance.now(), bytes])
      return key === undefined ? write.call(this, value) : write.call(this, value, key)
    }
  }
})()`

const readTraffic = (page: Page): Promise<RelayTraffic> => page.evaluate(() => (window as unknown as { __relayTraffic: RelayTraffic }).__relayTraffic)

/** The app's marks (mutual:*), in ms after `since` (the page's performance.now()). */
const marksSince = (page: Page, since: number): Promise<Record<string, number>> =>
  page.evaluate(
    (from) =>
      Object.fromEntries(
        performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('mutual:') && m.startTime >= from)
          .map((m) => [m.name.replace('mutual:', ''), Math.round(m.startTime - from)])
      ),
    since
  )

const nowIn = (page: Page): Promise<number> => page.evaluate(() => performance.now())

const relative = (value: number | null, since: number): number | null => (value === null ? null : Math.round(value - since))

/** The relay socket's traffic in ms after `since`: when it opened, received its first and last message, and each message. */
const describeTraffic = (traffic: RelayTraffic, since: number) => ({
  openedMs: relative(traffic.openedAt, since),
  firstMessageMs: relative(traffic.firstMessageAt, since),
  lastMessageMs: relative(traffic.lastMessageAt, since),
  messages: traffic.messages,
  bytes: traffic.bytes,
  messagesMsBytes: traffic.timeline.map(([at, bytes]) => [Math.round(at - since), bytes]),
  largeDecryptsMsMsBytes: traffic.decrypts.map(([from, to, bytes]) => [Math.round(from - since), Math.round(to - since), bytes]),
  largeIndexedDbWritesMsBytes: traffic.largeWrites.map(([at, bytes]) => [Math.round(at - since), bytes])
})

it('issue 12: a new device joins the bench lab through the relay in Chromium, and catches up a day of work', async () => {
  const seed = benchSeed()
  const usePostgres = Boolean(process.env.MUTUAL_TEST_DATABASE_URL)
  const schema = usePostgres ? uniqueRelaySchema() : undefined
  const figures: Record<string, unknown> = {
    issue: 12,
    seed,
    level: 'browser (the built app in Chromium, IndexedDB and rendering included; each device its own Chromium process)',
    relayStore: usePostgres ? `PostgreSQL (MUTUAL_TEST_DATABASE_URL, schema ${schema})` : 'PGlite in a temporary folder'
  }
  const loadBefore = loadavg().map((n) => Math.round(n * 100) / 100)
  let step = 'making the bench lab'
  const labMonths = benchLabMonths()
  const joinLimit = joinTarget(labMonths, 'relay')
  const { lab, file, path: filePath, remove } = writeBenchLabFile(seed, 'mutual-bench-relay-', labMonths)
  const notes = lab.notes.length
  const reports = lab.reports.length

  if (usePostgres) await requirePostgres()
  const server = await startRelayedAppServer(usePostgres ? { databaseUrl: TEST_DATABASE_URL, schema } : {})
  const devices = makeDevices()
  try {
    const openDevice = async (device: ReturnType<typeof devices.device>) => {
      const opened = await device.open()
      await opened.context.addInitScript(RELAY_SOCKET_PROBE)
      return opened
    }
    const memberDevice = devices.device()
    const newDevice = devices.device()

    // The first member imports the lab; the relay must hold all of it before she closes.
    step = 'the first member imports and uploads the lab'
    const member = await openDevice(memberDevice)
    await member.page.goto(server.url)
    await setUpProfile(member.page, { name: 'Bench Host', organisation: 'Oldham Council' })
    await member.page.getByLabel('Import a workspace file').setInputFiles(filePath)
    await member.page.locator('[data-workspace-ready]').waitFor({ timeout: LONG })
    let started = performance.now()
    await sidebarComplete(member.page, notes, reports)
    await waitUntilRelayHolds(member.page)
    const uploadMs = Math.round(performance.now() - started)
    const workspaceUrl = `${server.url}#/w/${workspaceIdOf(member.page)}`
    const link = await readInviteLink(member.page)
    await member.context.close()

    // A new device joins with nobody else online.
    step = 'the new device joins'
    const joiner = await openDevice(newDevice)
    await joiner.page.goto(link)
    await fillProfile(joiner.page, { name: 'Bench Joiner', organisation: 'Kirklees Council' })
    const joinButton = joiner.page.getByRole('button', { name: 'Join workspace' })
    await joinButton.waitFor()
    const cdp = PROFILE ? await joiner.context.newCDPSession(joiner.page) : null
    if (cdp) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
      await cdp.send('Profiler.start')
    }
    const clickedAt = await nowIn(joiner.page)
    started = performance.now()
    await joinButton.click()
    await joiner.page.getByRole('heading', { level: 1, name: lab.name }).waitFor({ timeout: LONG })
    const firstContentMs = Math.round(performance.now() - started)
    await sidebarComplete(joiner.page, notes, reports)
    const joinMs = Math.round(performance.now() - started)
    if (cdp) figures.joinProfile = summariseProfile((await cdp.send('Profiler.stop')).profile as unknown as CpuProfile, DIST, 30)
    const joinTraffic = await readTraffic(joiner.page)
    const joinMarks = await marksSince(joiner.page, clickedAt)
    await waitUntilRelayHolds(joiner.page)
    await joiner.context.close()

    // The first member works a day while the new device is closed.
    step = 'the first member works a day'
    const working = await openDevice(memberDevice)
    await working.page.goto(workspaceUrl)
    await sidebarComplete(working.page, notes, reports)
    await createNoteThroughUi(working.page, 'Site visit', DAY_NOTE)
    const editor = noteText(working.page)
    await editor.click()
    let lastSentence = ''
    for (let i = 0; i < DAY_BURSTS; i++) {
      lastSentence = `Finding ${i + 1}: the depot route changes on Tuesdays.`
      await working.page.keyboard.press('Control+End')
      await working.page.keyboard.insertText(` ${lastSentence}`)
      await settle(working.page)
    }
    await editor.getByText(lastSentence, { exact: false }).waitFor()
    await waitUntilRelayHolds(working.page)
    await working.context.close()

    // The new device opens the lab again and catches up through the relay.
    step = 'the new device catches up'
    const back = await openDevice(newDevice)
    await back.page.goto(server.url)
    const openedAt = await nowIn(back.page)
    started = performance.now()
    await back.page.goto(workspaceUrl)
    await sidebarComplete(back.page, notes + 1, reports)
    const listedMs = Math.round(performance.now() - started)
    // The sidebar lists the 25 most recently edited; a 24-month lab's generated dates run past
    // today, so a person finds the day's note among 801 by its name, as here.
    await back.page.getByRole('search', { name: 'Filter items' }).getByLabel('Filter by title or tag').fill(DAY_NOTE)
    await openFromSidebar(back.page, DAY_NOTE)
    await noteText(back.page).getByText(lastSentence, { exact: false }).waitFor({ timeout: LONG })
    const renderedMs = Math.round(performance.now() - started)
    const catchUpTraffic = await readTraffic(back.page)
    await back.context.close()

    const errors = [...member.errors, ...joiner.errors, ...working.errors, ...back.errors]
    if (errors.length > 0) throw new Error(`The app reported errors: ${errors.join('; ')}`)

    Object.assign(figures, {
      labMonths,
      workspace: { ...describeBenchWorkspace(lab), fileBytes: file.byteLength },
      uploadMs: { what: 'the first member’s sidebar complete after import to “Relay holds your changes”', ms: uploadMs },
      join: {
        what: 'click on “Join workspace” on a fresh profile to every note and report listed in the sidebar, nobody else online',
        ...againstTarget(joinMs, joinLimit.ms, 'ms'),
        targetSource: joinLimit.source,
        firstContentMs,
        relaySocket: describeTraffic(joinTraffic, clickedAt),
        marksMs: joinMarks
      },
      joinOverWebrtc: joinOverWebrtc(joinMs, labMonths),
      catchUp: {
        what: `opening the lab again to another member’s day (a new note, ${DAY_BURSTS} bursts of typing) listed, and to its last sentence shown once the note is opened from the sidebar`,
        bursts: DAY_BURSTS,
        listedMs,
        renderedMs,
        relaySocket: describeTraffic(catchUpTraffic, openedAt)
      }
    })
  } catch (error) {
    figures.failed = { step, reason: error instanceof Error ? error.message : String(error) }
    throw error
  } finally {
    figures.machine = { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', loadAverage: { before: loadBefore, after: loadavg().map((n) => Math.round(n * 100) / 100) } }
    // Figures, or the step that failed: always printed.
    reportFigures('relay-browser', figures)
    await devices.cleanUp()
    await server.close()
    if (schema) await dropRelayDatabase({ kind: 'postgres', databaseUrl: TEST_DATABASE_URL, schema })
    remove()
  }
}, 30 * 60_000)
