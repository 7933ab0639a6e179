/**
 * Issue 8's workshop benchmark: 40 participants (MUTUAL_BENCH_WORKSHOP_PEOPLE) on one board,
 * everything through one relay and nothing peer-to-peer. The relay is the real one
 * (scripts/relay-server.mjs on PGlite, in a process of its own so its CPU time can be read from
 * /proc). Each participant is a lightweight Node client in this process: a workspace Y.Doc
 * changed only through the app's src/crdt/board.ts, synced by the app's relay transport
 * (src/sync/relay) with presence (a pointer that moves with each action). No browser: 40
 * Chromium pages do not fit on two shared cores, and what the relay does is the same.
 *
 * Within a window (MUTUAL_BENCH_WORKSHOP_WINDOW_MS, default 60 s) each adds 10 sticky notes
 * and then places 5 dots, at seeded random moments. Printed: how long after the last action
 * every board is identical (target ≤ 1 s), and the relay's CPU time, in all and per participant.
 * Figures only; a failure to converge prints the reason and the boards' counts.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { join } from 'node:path'
import { it } from 'vitest'
import * as Y from 'yjs'
import { STICKY_COLOURS } from '../../src/domain/board'
import { addStickyNote, placeDot, readBoard, type BoardActor } from '../../src/crdt/board'
import { makeWorkspaceDoc } from '../../src/crdt/workspace-doc'
import { makeWorkspaceSecret } from '../../src/domain/ids'
import { startRelayProcess, stopRelayProcesses } from '../e2e/support/relay-process'
import { makeRandom } from '../fuzz/seeded-random'
import { startDevice, type TestDevice } from '../unit/sync/relay/support/relay-devices'
import { benchSeed } from './seed/random'
import { againstTarget, reportFigures } from './support/report'
import { makeWorkshopBoard } from './support/workshop-board'

const PEOPLE = Number(process.env.MUTUAL_BENCH_WORKSHOP_PEOPLE ?? 40)
const WINDOW_MS = Number(process.env.MUTUAL_BENCH_WORKSHOP_WINDOW_MS ?? 60_000)
const NOTES = 10
const DOTS = 5
const TARGET_MS = 1000
/** How long to wait for the boards to agree before printing why they did not. */
const GIVE_UP_MS = 5 * 60_000
/** The app's timings, but reconnects: the bench measures the relay, not backoff. */
const TIMING = { backoff: { baseMs: 50, maxMs: 500 } }

/** CPU time (user + system, every thread) of a process, from /proc, in ms. */
const cpuMsOf = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after "pid (comm) ".
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

it(`relay workshop: ${PEOPLE} participants on one board through one relay`, async () => {
  const seed = benchSeed()
  const dataDir = mkdtempSync(join(tmpdir(), 'mutual-bench-workshop-'))
  const relay = await startRelayProcess({ dataDir })
  const devices: TestDevice[] = []
  const figures: Record<string, unknown> = {
    seed,
    level:
      'node participants (Y.Doc + src/crdt/board + the app relay transport, presence on) in one process; the real relay (PGlite) in its own process; loopback; no browser',
    people: PEOPLE,
    notesEach: NOTES,
    dotsEach: DOTS,
    windowMs: WINDOW_MS
  }
  try {
    const { workspaceId, boardId, columnIds, initialUpdate: initial } = makeWorkshopBoard(DOTS)
    const secret = makeWorkspaceSecret()

    const cpuAtStart = cpuMsOf(relay.pid())
    const joinStarted = performance.now()
    for (let index = 0; index < PEOPLE; index++) {
      const doc = makeWorkspaceDoc(workspaceId)
      Y.applyUpdate(doc, initial)
      const device = startDevice({ url: relay.url, secret, doc, timing: TIMING })
      device.awareness.setLocalStateField('user', { name: `Participant ${index + 1}`, colour: '#1d4ed8' })
      devices.push(device)
    }
    while (devices.some((d) => d.transport.status().state !== 'synced')) {
      if (performance.now() - joinStarted > GIVE_UP_MS) throw new Error(`Not every participant reached the relay: ${JSON.stringify(devices.map((d) => d.transport.status().state))}`)
      await sleep(20)
    }
    figures.allJoinedMs = Math.round(performance.now() - joinStarted)
    const cpuAtGo = cpuMsOf(relay.pid())

    // The workshop: notes in the first 60% of the window, dots in the rest.
    let lastActionAt = 0
    // Whether this one thread (40 devices' decrypting and applying) keeps up: its event-loop delay.
    const loopDelay = monitorEventLoopDelay({ resolution: 20 })
    loopDelay.enable()
    const go = performance.now() + 200
    const actions: Promise<void>[] = []
    devices.forEach((device, index) => {
      const random = makeRandom(seed * 1000 + index)
      const me: BoardActor = { memberId: `participant-${index}`, name: `Participant ${index + 1}`, organisation: 'Bench council' }
      const act = (at: number, action: () => boolean): Promise<void> =>
        sleep(Math.max(0, go + at - performance.now())).then(async () => {
          // A dot needs a note to land on that this participant has not dotted yet: try again shortly.
          while (!action()) await sleep(100)
          device.awareness.setLocalStateField('pointer', { x: random.int(1200), y: random.int(800) })
          lastActionAt = Math.max(lastActionAt, performance.now())
        })
      for (let k = 0; k < NOTES; k++) {
        const at = random.next() * 0.6 * WINDOW_MS
        actions.push(
          act(at, () => {
            const columnId = columnIds[random.int(columnIds.length)] as string
            const colour = STICKY_COLOURS[random.int(STICKY_COLOURS.length)]?.value as string
            return addStickyNote(device.doc, boardId, { text: `Idea ${k + 1} from participant ${index + 1}`, colour, columnId }, me, Date.now()) !== null
          })
        )
      }
      for (let k = 0; k < DOTS; k++) {
        const at = (0.6 + random.next() * 0.4) * WINDOW_MS
        actions.push(
          act(at, () => {
            const state = readBoard(device.doc, boardId)
            const mine = new Set(state?.dots.filter((d) => d.voterId === me.memberId).map((d) => d.noteId))
            const pool = (state?.notes ?? []).filter((n) => n.deletedAt === null && !mine.has(n.id) && n.authorId !== me.memberId)
            return pool.length > 0 && placeDot(device.doc, boardId, random.pick(pool).id, me)
          })
        )
      }
    })
    await Promise.all(actions)

    const expectedNotes = PEOPLE * NOTES
    const expectedDots = PEOPLE * DOTS
    const counts = () =>
      devices.map((d) => {
        const state = readBoard(d.doc, boardId)
        return { notes: state?.notes.length ?? 0, dots: state?.dots.length ?? 0 }
      })
    // The state vectors first (cheap): reading 40 boards of 400 notes is not, and doing that
    // every few ms on the participants' one thread held up the very deliveries it waits for.
    const identical = (): boolean => {
      const first = Y.encodeStateVector(devices[0]!.doc)
      return (
        devices.every((d) => Buffer.compare(Y.encodeStateVector(d.doc), first) === 0) &&
        counts().every((c) => c.notes === expectedNotes && c.dots === expectedDots)
      )
    }
    figures.harnessLoopDelayDuringActionsMs = { p50: Math.round(loopDelay.percentile(50) / 1e6), p99: Math.round(loopDelay.percentile(99) / 1e6), max: Math.round(loopDelay.max / 1e6) }
    loopDelay.reset()
    // After the last action: how many boards are complete, each second, to see where the time goes.
    const timeline: { atMs: number; sameAsFirst: number; waitingToSend: number }[] = []
    let nextSample = performance.now()
    while (!identical()) {
      if (performance.now() >= nextSample) {
        nextSample += 1000
        timeline.push({
          atMs: Math.round(performance.now() - lastActionAt),
          sameAsFirst: devices.filter((d) => Buffer.compare(Y.encodeStateVector(d.doc), Y.encodeStateVector(devices[0]!.doc)) === 0).length,
          waitingToSend: devices.filter((d) => d.transport.status().state !== 'synced').length
        })
      }
      if (performance.now() - lastActionAt > GIVE_UP_MS) {
        figures.failed = { reason: 'the boards did not become identical', counts: counts(), relay: devices.map((d) => d.transport.status().state) }
        return
      }
      await sleep(20)
    }
    const identicalMs = Math.round(performance.now() - lastActionAt)
    figures.afterLastAction = { timeline, harnessLoopDelayMs: { p50: Math.round(loopDelay.percentile(50) / 1e6), p99: Math.round(loopDelay.percentile(99) / 1e6), max: Math.round(loopDelay.max / 1e6) } }
    loopDelay.disable()
    const cpuAtEnd = cpuMsOf(relay.pid())
    figures.identicalAfterLastAction = againstTarget(identicalMs, TARGET_MS, 'ms')
    figures.relayCpuMs = {
      workshop: Math.round(cpuAtEnd - cpuAtGo),
      workshopPerParticipant: Math.round((cpuAtEnd - cpuAtGo) / PEOPLE),
      includingJoins: Math.round(cpuAtEnd - cpuAtStart),
      includingJoinsPerParticipant: Math.round((cpuAtEnd - cpuAtStart) / PEOPLE)
    }
  } catch (error) {
    figures.failed = { reason: error instanceof Error ? error.message : String(error) }
    throw error
  } finally {
    figures.machine = { cpus: cpus().length, loadavg: loadavg().map((n) => Math.round(n * 100) / 100) }
    reportFigures('relay-workshop', figures)
    for (const device of devices) await device.destroy()
    await relay.stop()
    await stopRelayProcesses()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
