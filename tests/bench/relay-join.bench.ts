/**
 * Issue 8's benchmarks, through the relay with nobody else online. Node level: a Y.Doc with
 * the app's relay transport (src/sync/relay) over the `ws` WebSocket, against the real relay
 * (scripts/relay-server.mjs) on PGlite in a temporary folder, on loopback. No browser: the
 * figures leave out IndexedDB and rendering (sync-initial.bench.ts measures those for WebRTC).
 *
 * - join: the 6-month bench lab (tests/bench/seed, as in issue 2) is uploaded by one device,
 *   which then goes away; a fresh device joins and the clock runs until its state vector and
 *   deletions match the lab's. Target: ≤ 3 s.
 * - catch-up: the joined device goes away; another member works a day (MUTUAL_BENCH_DAY_EDITS
 *   bursts of typing, default 400, each appended as it would be); the device comes back with
 *   its saved cursor, and the clock runs until it holds that day.
 */
import { cpus, loadavg } from 'node:os'
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { startDevice, startPgliteRelay, type TestDevice } from '../unit/sync/relay/support/relay-devices'
import { checkBenchWorkspace, describeBenchWorkspace, makeBenchWorkspace } from './seed/workspace'
import { benchSeed, makeSeededRandom } from './seed/random'
import { againstTarget, reportFigures } from './support/report'

const JOIN_TARGET_MS = 3000
const DAY_EDITS = Number(process.env.MUTUAL_BENCH_DAY_EDITS ?? 400)
/** The app's own timings but reconnects: the bench measures transfer, not backoff. */
const TIMING = { backoff: { baseMs: 50, maxMs: 500 } }

const sameState = (a: Y.Doc, b: Y.Doc): boolean => Buffer.compare(Y.encodeStateVector(a), Y.encodeStateVector(b)) === 0
const waitFor = async (condition: () => boolean, what: string): Promise<void> => {
  await expect.poll(condition, { timeout: 10 * 60_000, interval: 5, message: what }).toBe(true)
}

it('issue 8: a fresh device joins the bench lab through the relay, and catches up a day of work', async () => {
  const seed = benchSeed()
  const lab = makeBenchWorkspace({ seed })
  checkBenchWorkspace(lab)
  const relay = await startPgliteRelay()
  const devices: TestDevice[] = []
  try {
    // The lab's device uploads everything and leaves.
    let started = performance.now()
    const owner = startDevice({ url: relay.url, secret: lab.secret, doc: lab.doc, timing: TIMING })
    devices.push(owner)
    await waitFor(() => owner.transport.status().state === 'synced', 'the lab uploaded')
    const uploadMs = Math.round(performance.now() - started)
    await owner.destroy()
    const stored = (await relay.db.query<{ entries: number; bytes: number }>(`SELECT log_entries AS entries, log_bytes + snapshot_bytes AS bytes FROM "${relay.schema}".relay_rooms`)).rows[0]

    // A fresh device joins with nobody online.
    started = performance.now()
    const joiner = startDevice({ url: relay.url, secret: lab.secret, timing: TIMING })
    devices.push(joiner)
    let firstUpdateMs: number | null = null
    joiner.doc.once('update', () => (firstUpdateMs = Math.round(performance.now() - started)))
    await waitFor(() => sameState(joiner.doc, lab.doc), 'the lab received')
    const joinMs = Math.round(performance.now() - started)
    await waitFor(() => joiner.transport.status().state === 'synced', 'the joiner in step')
    const cursor = joiner.stored
    const joinerState = Y.encodeStateAsUpdate(joiner.doc)
    await joiner.destroy()

    // Another member's day, appended as they work, while the joiner is away.
    const member = new Y.Doc({ gc: false })
    Y.applyUpdate(member, joinerState)
    const worker = startDevice({ url: relay.url, secret: lab.secret, doc: member, stored: null, timing: TIMING })
    devices.push(worker)
    await waitFor(() => worker.transport.status().state === 'synced', 'the member connected')
    const random = makeSeededRandom(seed + 8)
    const day = member.getText('bench-day-of-work')
    for (let i = 0; i < DAY_EDITS; i++) {
      day.insert(random.int(day.length + 1), `Finding ${i}: the depot route changes on Tuesdays. `)
      if (i % 10 === 9 && day.length > 40) day.delete(random.int(day.length - 20), 12)
      // Each burst reaches the relay as its own entry, as a person's typing would.
      await waitFor(() => worker.transport.status().state === 'synced', 'a burst appended')
    }
    const dayEntries = (await relay.db.query<{ head: number }>(`SELECT head FROM "${relay.schema}".relay_rooms`)).rows[0]
    await worker.destroy()

    const back = new Y.Doc({ gc: false })
    Y.applyUpdate(back, joinerState)
    started = performance.now()
    const returning = startDevice({ url: relay.url, secret: lab.secret, doc: back, stored: cursor, timing: TIMING })
    devices.push(returning)
    await waitFor(() => sameState(back, member) && back.getText('bench-day-of-work').toString() === day.toString(), 'the day received')
    const catchUpMs = Math.round(performance.now() - started)

    reportFigures('relay-join', {
      seed,
      level: 'node (Y.Doc + the app relay transport + the real relay on PGlite, loopback; no browser, no IndexedDB)',
      workspace: describeBenchWorkspace(lab),
      labUpdateBytes: Y.encodeStateAsUpdate(lab.doc).length,
      relay: { storedEntries: Number(stored?.entries ?? 0), storedBytes: Number(stored?.bytes ?? 0) },
      uploadMs,
      join: { ...againstTarget(joinMs, JOIN_TARGET_MS, 'ms'), firstUpdateMs },
      catchUp: { edits: DAY_EDITS, relayHeadAfterDay: Number(dayEntries?.head ?? 0), ms: catchUpMs },
      machine: { cpus: cpus().length, loadavg: loadavg().map((n) => Math.round(n * 100) / 100) }
    })
  } finally {
    for (const device of devices) await device.destroy()
    await relay.close()
  }
})
