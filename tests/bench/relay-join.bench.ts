/**
 * Issue 8's benchmarks, through the relay with nobody else online. A step that does not finish
 * within 5 minutes stops the bench, which then prints the step and the device's relay status. Node level: a Y.Doc with
 * the app's relay transport (src/sync/relay) over the `ws` WebSocket, against the real relay
 * (scripts/relay-server.mjs) on PGlite in a temporary folder, on loopback. No browser: the
 * figures leave out IndexedDB and rendering (sync-initial.bench.ts measures those for WebRTC).
 *
 * - join: the 6-month bench lab (tests/bench/seed, as in issue 2) is uploaded by one device,
 *   which then goes away; a fresh device joins and the clock runs until its state vector and
 *   deletions match the lab's. Target: ≤ 3 s. Printed beside the same join over WebRTC
 *   (sync-initial.bench.ts's last figures on this machine when there are some, else the issue's 4.6 s).
 * - catch-up: the joined device goes away; another member works a day (MUTUAL_BENCH_DAY_EDITS
 *   bursts of typing, default 400, each appended as it would be); the device comes back with
 *   its saved cursor, and the clock runs until it holds that day.
 */
import { cpus, loadavg } from 'node:os'
import { it } from 'vitest'
import * as Y from 'yjs'
import { startDevice, startPgliteRelay, type TestDevice } from '../unit/sync/relay/support/relay-devices'
import { checkBenchWorkspace, describeBenchWorkspace, makeBenchWorkspace } from './seed/workspace'
import { benchSeed, makeSeededRandom } from './seed/random'
import { againstTarget, reportFigures } from './support/report'
import { webrtcJoin } from './support/webrtc-join'

const JOIN_TARGET_MS = 3000
const DAY_EDITS = Number(process.env.MUTUAL_BENCH_DAY_EDITS ?? 400)
/** The app's own timings but reconnects: the bench measures transfer, not backoff. */
const TIMING = { backoff: { baseMs: 50, maxMs: 500 } }

/** How long a step may take before the bench gives up and prints why. */
const GIVE_UP_MS = 5 * 60_000

const sameState = (a: Y.Doc, b: Y.Doc): boolean => Buffer.compare(Y.encodeStateVector(a), Y.encodeStateVector(b)) === 0

it('issue 8: a fresh device joins the bench lab through the relay, and catches up a day of work', async () => {
  const seed = benchSeed()
  const figures: Record<string, unknown> = {
    seed,
    level: 'node (Y.Doc + the app relay transport + the real relay on PGlite, loopback; no browser, no IndexedDB)'
  }
  let step = 'making the bench lab'
  const devices: TestDevice[] = []
  /** Waits for `condition`; past GIVE_UP_MS the bench stops and prints what it was waiting for. */
  const waitFor = async (condition: () => boolean, what: string, device?: TestDevice): Promise<void> => {
    step = what
    const started = performance.now()
    while (!condition()) {
      if (performance.now() - started > GIVE_UP_MS) {
        throw new Error(`Gave up after ${GIVE_UP_MS / 1000} s waiting for ${what}; the device's relay status: ${JSON.stringify(device?.transport.status() ?? null)}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }
  const lab = makeBenchWorkspace({ seed })
  checkBenchWorkspace(lab)
  step = 'starting the relay'
  const relay = await startPgliteRelay()
  try {
    // The lab's device uploads everything and leaves.
    let started = performance.now()
    const owner = startDevice({ url: relay.url, secret: lab.secret, doc: lab.doc, timing: TIMING })
    devices.push(owner)
    await waitFor(() => owner.transport.status().state === 'synced', 'the lab uploaded', owner)
    const uploadMs = Math.round(performance.now() - started)
    await owner.destroy()
    const stored = (await relay.db.query<{ entries: number; bytes: number }>(`SELECT log_entries AS entries, log_bytes + snapshot_bytes AS bytes FROM "${relay.schema}".relay_rooms`)).rows[0]

    // A fresh device joins with nobody online.
    started = performance.now()
    const joiner = startDevice({ url: relay.url, secret: lab.secret, timing: TIMING })
    devices.push(joiner)
    let firstUpdateMs: number | null = null
    joiner.doc.once('update', () => (firstUpdateMs = Math.round(performance.now() - started)))
    await waitFor(() => sameState(joiner.doc, lab.doc), 'the lab received', joiner)
    const joinMs = Math.round(performance.now() - started)
    await waitFor(() => joiner.transport.status().state === 'synced', 'the joiner in step', joiner)
    const cursor = joiner.stored
    const joinerState = Y.encodeStateAsUpdate(joiner.doc)
    await joiner.destroy()

    // Another member's day, appended as they work, while the joiner is away.
    const member = new Y.Doc({ gc: false })
    Y.applyUpdate(member, joinerState)
    const worker = startDevice({ url: relay.url, secret: lab.secret, doc: member, stored: null, timing: TIMING })
    devices.push(worker)
    await waitFor(() => worker.transport.status().state === 'synced', 'the member connected', worker)
    const random = makeSeededRandom(seed + 8)
    const day = member.getText('bench-day-of-work')
    for (let i = 0; i < DAY_EDITS; i++) {
      day.insert(random.int(day.length + 1), `Finding ${i}: the depot route changes on Tuesdays. `)
      if (i % 10 === 9 && day.length > 40) day.delete(random.int(day.length - 20), 12)
      // Each burst reaches the relay as its own entry, as a person's typing would.
      await waitFor(() => worker.transport.status().state === 'synced', 'a burst appended', worker)
    }
    const dayEntries = (await relay.db.query<{ head: number }>(`SELECT head FROM "${relay.schema}".relay_rooms`)).rows[0]
    await worker.destroy()

    const back = new Y.Doc({ gc: false })
    Y.applyUpdate(back, joinerState)
    started = performance.now()
    const returning = startDevice({ url: relay.url, secret: lab.secret, doc: back, stored: cursor, timing: TIMING })
    devices.push(returning)
    await waitFor(() => sameState(back, member) && back.getText('bench-day-of-work').toString() === day.toString(), 'the day received', returning)
    const catchUpMs = Math.round(performance.now() - started)

    const webrtc = webrtcJoin()
    Object.assign(figures, {
      workspace: describeBenchWorkspace(lab),
      labUpdateBytes: Y.encodeStateAsUpdate(lab.doc).length,
      relay: { storedEntries: Number(stored?.entries ?? 0), storedBytes: Number(stored?.bytes ?? 0) },
      uploadMs,
      join: { ...againstTarget(joinMs, JOIN_TARGET_MS, 'ms'), firstUpdateMs },
      joinOverWebrtc: { ms: webrtc.ms, source: webrtc.source, relayToWebrtc: Math.round((joinMs / webrtc.ms) * 100) / 100 },
      catchUp: { edits: DAY_EDITS, relayHeadAfterDay: Number(dayEntries?.head ?? 0), ms: catchUpMs }
    })
  } catch (error) {
    figures.failed = { step, reason: error instanceof Error ? error.message : String(error) }
    throw error
  } finally {
    figures.machine = { cpus: cpus().length, loadavg: loadavg().map((n) => Math.round(n * 100) / 100) }
    // Figures, or the reason there are none: always printed.
    reportFigures('relay-join', figures)
    for (const device of devices) await device.destroy()
    await relay.close()
  }
})
