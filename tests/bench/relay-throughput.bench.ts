/**
 * Issue 12's (#8) benchmark: the relay. One relay process (scripts/relay-server.mjs, started as a
 * child process as it is deployed, so the clients here do not share its event loop) over PGlite
 * and over PostgreSQL (MUTUAL_TEST_DATABASE_URL; scripts/test-postgres.sh starts one):
 *  - 100 active rooms (MUTUAL_BENCH_RELAY_ROOMS), each with a writer and a reader; every writer
 *    appends 50 entries of ~400 bytes (MUTUAL_BENCH_RELAY_APPENDS, a sealed keystroke batch), 4 in
 *    flight. Printed: appends/s (ACKs), deliveries/s (ENTRY frames at the readers), the
 *    append-to-delivery latency (send on the writer to ENTRY on the reader) median, p95, p99, and
 *    the relay process's CPU time per 1,000 appends.
 *  - a simulated month of edits in one room (MUTUAL_BENCH_RELAY_DAYS × MUTUAL_BENCH_RELAY_EDITS
 *    random-sized sealed updates) with the devices' compaction rule from docs/relay-protocol.md
 *    (compact when the log since the snapshot is bigger than the snapshot and at least 256 KiB):
 *    the bytes the relay keeps for the room beside the size of the room's compacted state.
 * A quick look at a tiny scale: MUTUAL_BENCH_RELAY_ROOMS=5 MUTUAL_BENCH_RELAY_APPENDS=5
 * MUTUAL_BENCH_RELAY_DAYS=1 MUTUAL_BENCH_RELAY_EDITS=20.
 * Figures only; nothing here fails on a time.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { dropRelayDatabase, relayProcessOptions, uniqueRelaySchema, type RelayDatabase } from '../e2e/support/relay-database'
import { startRelayProcess, stopRelayProcesses } from '../e2e/support/relay-process'
import { appendFrame, closeTestClients, fakeSealed, joinRoom, newToken } from '../unit/relay/support/relay-client'
import { openTestDatabase, requirePostgres, TEST_DATABASE_URL, type StoreKind } from '../unit/relay/support/test-stores'
import { reportFigures, summarise } from './support/report'

const ROOMS = Number(process.env.MUTUAL_BENCH_RELAY_ROOMS ?? 100)
const APPENDS = Number(process.env.MUTUAL_BENCH_RELAY_APPENDS ?? 50)
const IN_FLIGHT = 4
const ENTRY_BYTES = 400
const DAYS = Number(process.env.MUTUAL_BENCH_RELAY_DAYS ?? 30)
const EDITS_PER_DAY = Number(process.env.MUTUAL_BENCH_RELAY_EDITS ?? 300)
const COMPACT_FLOOR_BYTES = 256 * 1024

/** Nearest-rank percentile of samples in ms. */
const percentile = (samples: number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b)
  return Math.round((sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0) * 10) / 10
}

/** Stamps a fake sealed blob with its ref, so the reader can tell which send it was. */
const stamped = (ref: number): Buffer => {
  const sealed = fakeSealed(ENTRY_BYTES)
  sealed.writeUInt32BE(ref, 1)
  return sealed
}

/** The issue's words for this figure, printed beside it. */
const ISSUE_WORDING =
  'Relay throughput on this machine, one process, with PGlite and with PostgreSQL: appends per second, deliveries per second, and p99 append-to-delivery latency with 100 active rooms.'

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
const cpuMsOf = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after "pid (comm) ", in clock ticks (100 a second).
  return (Number(fields[11]) + Number(fields[12])) * 10
}

const relayDatabaseFor = async (kind: StoreKind): Promise<RelayDatabase> => {
  if (kind === 'pglite') return { kind, dataDir: mkdtempSync(join(tmpdir(), 'mutual-bench-relay-')) }
  await requirePostgres()
  return { kind, databaseUrl: TEST_DATABASE_URL, schema: uniqueRelaySchema() }
}

const throughput = async (kind: StoreKind) => {
  const database = await relayDatabaseFor(kind)
  try {
    // Loopback clients all come from one address, and the writers append faster than a person types.
    const relay = await startRelayProcess({
      ...relayProcessOptions(database),
      env: { MUTUAL_RELAY_MAX_CONNECTIONS_PER_ADDRESS: '10000', MUTUAL_RELAY_MAX_CONNECTIONS: '10000', MUTUAL_RELAY_FRAMES_PER_SECOND: '100000' }
    } as Parameters<typeof startRelayProcess>[0])
    const rooms = []
    for (let i = 0; i < ROOMS; i++) {
      const token = newToken()
      rooms.push({ writer: await joinRoom(relay.url, token), reader: await joinRoom(relay.url, token) })
    }
    const latencies: number[] = []
    let acks = 0
    let deliveries = 0
    let lastAck = 0
    let lastDelivery = 0
    const cpuBefore = cpuMsOf(relay.pid())
    const started = performance.now()
    await Promise.all(
      rooms.map(
        ({ writer, reader }) =>
          new Promise<void>((resolve) => {
            const sentAt = new Map<number, number>()
            let next = 0
            let received = 0
            const sendOne = () => {
              if (next >= APPENDS) return
              sentAt.set(next, performance.now())
              writer.client.send(appendFrame(next, stamped(next)))
              next++
            }
            writer.client.ws.on('message', () => {
              for (const frame of writer.client.inbox.splice(0)) {
                if (frame.type !== 'ack') continue
                acks++
                lastAck = performance.now()
                sendOne()
              }
            })
            reader.client.ws.on('message', () => {
              for (const frame of reader.client.inbox.splice(0)) {
                if (frame.type !== 'entry') continue
                const at = performance.now()
                latencies.push(at - (sentAt.get(frame.sealed.readUInt32BE(1)) ?? at))
                deliveries++
                lastDelivery = at
                if (++received === APPENDS) resolve()
              }
            })
            for (let i = 0; i < IN_FLIGHT; i++) sendOne()
          })
      )
    )
    const relayCpuMs = cpuMsOf(relay.pid()) - cpuBefore
    expect(deliveries).toBe(ROOMS * APPENDS)
    const latency = summarise(latencies)
    return {
      relay: 'one relay process (scripts/relay-server.mjs), the clients in another',
      rooms: ROOMS,
      appendsPerRoom: APPENDS,
      appendsPerSecond: Math.round((acks / (lastAck - started)) * 1000),
      deliveriesPerSecond: Math.round((deliveries / (lastDelivery - started)) * 1000),
      p99AppendToDeliveryMs: percentile(latencies, 0.99),
      appendToDeliveryMs: { median: latency.medianMs, p95: latency.p95Ms, p99: percentile(latencies, 0.99), max: latency.maxMs },
      relayCpuMsPerThousandAppends: Math.round((relayCpuMs / acks) * 1000)
    }
  } finally {
    closeTestClients()
    await stopRelayProcesses()
    if (database.kind === 'pglite') rmSync(database.dataDir, { recursive: true, force: true })
    else await dropRelayDatabase(database)
  }
}

/** A month of edits in one room, compacted as devices do: what the relay keeps for it. */
const monthOfEdits = async (kind: StoreKind) => {
  const database = await openTestDatabase(kind)
  try {
    const store = await database.open()
    const room = randomBytes(32)
    // The compacted state grows more slowly than the updates (text replaced, notes moved).
    let stateBytes = 20 * 1024
    let snapshotBytes = 0
    let compactions = 0
    let appendedBytes = 0
    for (let edit = 0; edit < DAYS * EDITS_PER_DAY; edit++) {
      const size = 100 + Math.floor(Math.random() * 2_900)
      const result = await store.append(room, fakeSealed(size))
      if (!result.ok) throw new Error(result.message)
      appendedBytes += size
      stateBytes += Math.round(size * 0.1)
      const { logBytes, head } = await store.roomState(room)
      if (logBytes > snapshotBytes && logBytes >= COMPACT_FLOOR_BYTES) {
        const compacted = await store.compact(room, head, fakeSealed(stateBytes))
        if (!compacted.ok) throw new Error(compacted.message)
        snapshotBytes = stateBytes
        compactions++
      }
    }
    const { logBytes, logEntries } = await store.roomState(room)
    const keptBytes = snapshotBytes + logBytes
    return {
      days: DAYS,
      editsPerDay: EDITS_PER_DAY,
      appendedBytes,
      compactions,
      compactedStateBytes: stateBytes,
      relayKeepsBytes: keptBytes,
      logEntriesAfterSnapshot: logEntries,
      keptToStateRatio: Math.round((keptBytes / stateBytes) * 100) / 100
    }
  } finally {
    await database.close()
  }
}

it(`relay: ${ROOMS} active rooms on one relay process, ${APPENDS} appends each; a ${DAYS}-day month of edits (PGlite and PostgreSQL)`, async () => {
  const loadBefore = Math.round((loadavg()[0] ?? 0) * 100) / 100
  const figures: Record<string, unknown> = {}
  for (const kind of ['pglite', 'postgres'] as const) {
    const measured = await throughput(kind)
    figures[kind] = {
      // The issue's three figures first, then the detail.
      appendsPerSecond: measured.appendsPerSecond,
      deliveriesPerSecond: measured.deliveriesPerSecond,
      p99AppendToDeliveryMs: measured.p99AppendToDeliveryMs,
      activeRooms: measured.rooms,
      throughput: measured,
      month: await monthOfEdits(kind)
    }
  }
  reportFigures('relay-throughput', {
    issue: { number: 12, team: '#8', wording: ISSUE_WORDING },
    machine: { cpus: cpus().length, loadBefore, loadAfter: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
    entryBytes: ENTRY_BYTES,
    inFlightPerWriter: IN_FLIGHT,
    ...figures
  })
})
