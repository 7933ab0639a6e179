/**
 * Issue 7's benchmark: a workshop room. 30 participants (MUTUAL_BENCH_BOARD_PEERS), each a
 * separate Node process running the app's sync (src/sync, y-webrtc) over a real WebRTC stack
 * (@roamhq/wrtc), meet through the loopback signalling server (scripts/signalling-server.mjs)
 * and, within one minute (MUTUAL_BENCH_BOARD_WINDOW_MS), each add 10 sticky notes and place 5
 * dots on one board, through the app's own src/crdt/board.ts. MUTUAL_BENCH_BOARD_SYNC=bare
 * runs the same room over a plain y-webrtc provider instead, for comparison;
 * MUTUAL_BENCH_BOARD_MAXCONNS=<n> overrides each peer's cap on the connections it opens
 * (y-webrtc's maxConns: the app's sync sets MAX_PEER_CONNECTIONS; bare y-webrtc defaults to
 * 20 to 34).
 *
 * Prints, separately: how long until every peer can reach every other (and how meshed the
 * room is); how long after the last action until every peer holds every note and dot; whether
 * every board is then identical; and how many messages each peer sent, by kind. The ICE
 * server list is empty: peers reach each other on this machine only. All peers share this
 * machine's cores, which a real room does not. Every child is stopped whatever happens.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { expect, it } from 'vitest'
import { makeWorkspaceSecret } from '../../src/domain/ids'
import { noteText, type Counts, type FromPeer, type ToPeer } from './board-peer-protocol'
import { makeWorkshopBoard } from './support/workshop-board'
import { MAX_PEER_CONNECTIONS } from '../../src/sync/workspace-sync'
import type { ConnectionStats } from '../../src/sync/connection-stats'
import { startSignallingServer } from '../../scripts/signalling-server.mjs'
import { benchSeed } from './seed/random'
import { againstTarget, reportFigures, summarise } from './support/report'

const root = fileURLToPath(new URL('../..', import.meta.url))
const PEERS = Number(process.env.MUTUAL_BENCH_BOARD_PEERS ?? 30)
const WINDOW_MS = Number(process.env.MUTUAL_BENCH_BOARD_WINDOW_MS ?? 60_000)
/**
 * MUTUAL_BENCH_BOARD_JOIN_EVERY_MS=<n>: people arrive one by one, n ms apart, as in a real
 * room (a capped mesh must not split into groups that never meet); 0, the default, launches
 * everyone at once.
 */
const JOIN_EVERY_MS = Number(process.env.MUTUAL_BENCH_BOARD_JOIN_EVERY_MS ?? 0)
const TRANSPORT = process.env.MUTUAL_BENCH_BOARD_SYNC === 'bare' ? 'bare' : 'app'
const MAX_CONNS = process.env.MUTUAL_BENCH_BOARD_MAXCONNS ? Number(process.env.MUTUAL_BENCH_BOARD_MAXCONNS) : null
/** MUTUAL_BENCH_BOARD_PROFILE=1: profile the first peer's CPU and print where its time went. */
const PROFILE = process.env.MUTUAL_BENCH_BOARD_PROFILE === '1'
const NOTES_PER_PEER = 10
const DOTS_PER_PEER = 5
const TARGET_CONVERGED_MS = 2_000
/** Limits that keep the run bounded on a slow machine; hitting one is reported, not hidden. */
const CONNECT_LIMIT_MS = 120_000
const MESH_SETTLE_MS = 5_000
const SETTLE_LIMIT_MS = 120_000

/** Bundles the peer script for Node: our TS inlined, packages (yjs, y-webrtc, wrtc) left external. */
const bundlePeer = async (): Promise<string> => {
  const outDir = join(root, 'node_modules/.cache/mutual-bench-board')
  mkdirSync(outDir, { recursive: true })
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: fileURLToPath(new URL('./board-peer.ts', import.meta.url)),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'board-peer.mjs' } }
    }
  })
  return join(outDir, 'board-peer.mjs')
}

/** Self time by function in a Node .cpuprofile, largest first. */
const topFunctions = (dir: string, top = 15): { fn: string; selfMs: number; share: number }[] => {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
  if (!file) return []
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]
    samples: number[]
    timeDeltas: number[]
  }
  const names = new Map(
    profile.nodes.map((n) => [
      n.id,
      `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\//, '')}:${n.callFrame.lineNumber + 1}`
    ])
  )
  const self = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const name = names.get(id) ?? '?'
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, ms]) => ({ fn, selfMs: Math.round(ms), share: Math.round((ms / total) * 1000) / 1000 }))
}

interface PeerRecord {
  child: ChildProcess
  joinedAt: number | null
  peerId: string | null
  synced: string[]
  acted: Extract<FromPeer, { type: 'acted' }> | null
  completeAt: number | null
  final: Extract<FromPeer, { type: 'final' }> | null
  errors: string[]
  /** How the process ended, when it ended before the bench stopped it (a crash shows here). */
  exitedEarly: string | null
}

const waitFor = async (what: string, condition: () => boolean, limitMs: number): Promise<boolean> => {
  const started = Date.now()
  while (!condition()) {
    if (Date.now() - started > limitMs) {
      process.stderr.write(`board bench: gave up waiting for ${what} after ${limitMs} ms\n`)
      return false
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return true
}

const diff = (a: Counts, b: Counts): Counts =>
  Object.fromEntries(Object.entries(a).map(([key, value]) => [key, value - b[key as keyof Counts]])) as unknown as Counts

/** Whether every peer can reach every other over open WebRTC connections (maybe in hops). */
const roomIsConnected = (peers: readonly PeerRecord[]): boolean => {
  const ids = peers.map((p) => p.peerId)
  if (ids.some((id) => id === null)) return false
  const links = new Map<string, Set<string>>(ids.map((id) => [id as string, new Set<string>()]))
  // A link counts once both ends report it open.
  const reported = new Set(peers.flatMap((p) => p.synced.map((other) => `${p.peerId}>${other}`)))
  for (const p of peers)
    for (const other of p.synced)
      if (reported.has(`${other}>${p.peerId}`)) links.get(p.peerId as string)?.add(other)
  const seen = new Set<string>([ids[0] as string])
  const queue = [ids[0] as string]
  while (queue.length > 0) for (const next of links.get(queue.pop() as string) ?? []) if (!seen.has(next) && seen.add(next)) queue.push(next)
  return seen.size === peers.length
}

/** null when no peer reported (all of them starved on a machine too busy for the room). */
const spread = (values: number[]) => {
  if (values.length === 0) return null
  const s = summarise(values)
  return { median: s.medianMs, p95: s.p95Ms, min: s.minMs, max: s.maxMs }
}

it(`a workshop room: ${PEERS} participants each add ${NOTES_PER_PEER} notes and place ${DOTS_PER_PEER} dots`, async () => {
  const seed = benchSeed()
  // Other work on this machine slows every peer; the load is printed with the figures.
  const loadBefore = Math.round((loadavg()[0] ?? 0) * 100) / 100
  const script = await bundlePeer()
  const signalling = await startSignallingServer({ host: '127.0.0.1', port: 0, maxConnectionsPerAddress: 1_000 })
  const peers: PeerRecord[] = []
  let stopping = false
  /** A peer that has died cannot be told anything; its death is reported with the figures. */
  const sendTo = (p: PeerRecord, message: ToPeer): void => {
    if (p.child.connected) p.child.send(message)
  }
  const profileDir = PROFILE ? mkdtempSync(join(tmpdir(), 'mutual-board-profile-')) : null
  try {
    // The board as everyone holds it when the workshop starts: the facilitator made it and
    // opened a vote of 5 dots, one per note.
    const board = makeWorkshopBoard(DOTS_PER_PEER)
    const { workspaceId, boardId, columnIds } = board
    const initialUpdate = Buffer.from(board.initialUpdate).toString('base64')
    const secret = makeWorkspaceSecret()

    const milestones: { everyoneHasOne: number | null; roomConnected: number | null; fullMesh: number | null } = {
      everyoneHasOne: null,
      roomConnected: null,
      fullMesh: null
    }
    let lastLinkChange = Date.now()
    const launchedAt = Date.now()
    for (let index = 0; index < PEERS; index++) {
      if (JOIN_EVERY_MS > 0 && index > 0) await new Promise((resolve) => setTimeout(resolve, JOIN_EVERY_MS))
      const execArgv = profileDir && index === 0 ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []
      const child = fork(script, [], { cwd: root, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv })
      // Children's own output goes to stderr so stdout keeps only the figures.
      child.stdout?.on('data', (chunk) => process.stderr.write(chunk))
      child.stderr?.on('data', (chunk) => process.stderr.write(chunk))
      const record: PeerRecord = {
        child,
        joinedAt: null,
        peerId: null,
        synced: [],
        acted: null,
        completeAt: null,
        final: null,
        errors: [],
        exitedEarly: null
      }
      child.on('exit', (code, signal) => {
        if (stopping) return
        record.exitedEarly = signal ? `signal ${signal}` : `exit code ${code}`
        process.stderr.write(`peer ${index + 1} ended early: ${record.exitedEarly}\n`)
      })
      child.on('message', (message: FromPeer) => {
        switch (message.type) {
          case 'joined':
            record.joinedAt = message.at
            break
          case 'conns':
            if (message.synced.join() !== record.synced.join()) lastLinkChange = Date.now()
            record.peerId = message.peerId
            record.synced = message.synced
            milestones.everyoneHasOne ??= peers.length === PEERS && peers.every((p) => p.synced.length > 0) ? message.at : null
            milestones.roomConnected ??= peers.length === PEERS && roomIsConnected(peers) ? message.at : null
            milestones.fullMesh ??= peers.length === PEERS && peers.every((p) => p.synced.length >= PEERS - 1) ? message.at : null
            break
          case 'acted':
            record.acted = message
            break
          case 'complete':
            record.completeAt = message.at
            break
          case 'final':
            record.final = message
            break
          case 'error':
            record.errors.push(message.message)
            process.stderr.write(`peer ${index + 1}: ${message.message}\n`)
            break
        }
      })
      peers.push(record)
      const init: ToPeer = {
        type: 'init',
        index,
        total: PEERS,
        workspaceId,
        signalling: signalling.url,
        secret,
        transport: TRANSPORT,
        maxConns: MAX_CONNS,
        initialUpdate,
        boardId,
        columnIds,
        notesPerPeer: NOTES_PER_PEER,
        dotsPerPeer: DOTS_PER_PEER,
        seed
      }
      child.send(init)
    }

    const allJoined = await waitFor('every peer to join', () => peers.every((p) => p.joinedAt !== null), CONNECT_LIMIT_MS)
    // Wait for a full mesh, within a limit; the workshop can start without one as long as
    // every peer can reach every other, since y-webrtc forwards what it receives.
    const roomConnected =
      allJoined && (await waitFor('every peer to reach every other', () => milestones.roomConnected !== null, CONNECT_LIMIT_MS))
    // Then let the mesh settle: a full mesh, or no new connection for a few seconds. (y-webrtc
    // never retries a pair whose first attempt stalled, e.g. when both dialled at once.)
    await waitFor(
      'the mesh to settle',
      () => milestones.fullMesh !== null || Date.now() - lastLinkChange > MESH_SETTLE_MS,
      CONNECT_LIMIT_MS
    )
    const firstJoin = Math.min(...peers.map((p) => p.joinedAt ?? Number.POSITIVE_INFINITY))
    const lastJoin = Math.max(...peers.map((p) => p.joinedAt ?? 0))
    const sinceLastJoin = (at: number | null): number | null => (at === null ? null : Math.max(0, at - lastJoin))
    const connectionsAtStart = peers.map((p) => p.synced.length)

    // Everyone starts together, a moment from now.
    const go = { type: 'go' as const, at: Date.now() + 500, windowMs: WINDOW_MS }
    for (const p of peers) sendTo(p, go)
    const goAt = Date.now()
    const allActed = await waitFor('every peer to finish its actions', () => peers.every((p) => p.acted !== null), WINDOW_MS + SETTLE_LIMIT_MS)
    const converged = await waitFor('every peer to hold every note and dot', () => peers.every((p) => p.completeAt !== null), SETTLE_LIMIT_MS)
    const settledAt = Date.now()
    for (const p of peers) sendTo(p, { type: 'final' })
    await waitFor('final reports', () => peers.every((p) => p.final !== null), 30_000)

    // Only meaningful when every peer said when it last acted and every peer converged.
    const lastAction = allActed ? Math.max(...peers.map((p) => p.acted?.lastActionAt ?? 0)) : null
    const convergedAt = converged ? Math.max(...peers.map((p) => p.completeAt ?? 0)) : null
    const cpu = (from: 'joined' | 'go', to: 'go' | 'now') =>
      spread(finals.map((f) => (f ? f.cpuMs[to] - f.cpuMs[from] : 0)))
    const cpuShare = (from: 'joined' | 'go', to: 'go' | 'now', wallMs: number) =>
      Math.round((finals.reduce((n, f) => n + (f ? f.cpuMs[to] - f.cpuMs[from] : 0), 0) / (wallMs * cpus().length)) * 100) / 100
    const expectedTexts = createHash('sha256')
      .update(
        Array.from({ length: PEERS }, (_, i) => Array.from({ length: NOTES_PER_PEER }, (_, k) => noteText(i, k)))
          .flat()
          .sort()
          .join('\n')
      )
      .digest('hex')
    const finals = peers.map((p) => p.final)
    const statsSpread = (at: 'go' | 'now') => {
      const present = finals.flatMap((f) => (f ? [f.connections[at]] : []))
      const keys = Object.keys(present[0] ?? {}) as (keyof ConnectionStats)[]
      return Object.fromEntries(keys.map((key) => [key, spread(present.map((s) => s[key]))]))
    }
    const digests = new Set(finals.map((f) => f?.digest))
    const everyNoteEverywhere = finals.every((f) => f?.noteTexts === expectedTexts && f.notes === PEERS * NOTES_PER_PEER)
    const everyDotEverywhere = finals.every((f) => f?.dots === PEERS * DOTS_PER_PEER)
    const workshopCounts = finals.map((f) => (f ? diff(f.counts.now, f.counts.go) : null)).filter((c): c is Counts => c !== null)
    const connectCounts = finals.map((f) => (f ? diff(f.counts.go, f.counts.joined) : null)).filter((c): c is Counts => c !== null)
    const convergedAfterLastActionMs = lastAction !== null && convergedAt !== null ? convergedAt - lastAction : null

    reportFigures(`board-room${TRANSPORT === 'bare' ? '-bare' : ''}${MAX_CONNS ? `-maxconns-${MAX_CONNS}` : ''}${JOIN_EVERY_MS > 0 ? '-one-by-one' : ''}`, {
      seed,
      machine: {
        cpus: cpus().length,
        loadAverage1mBefore: loadBefore,
        loadAverage1mAfter: Math.round((loadavg()[0] ?? 0) * 100) / 100
      },
      setup: {
        peers: PEERS,
        notesPerPeer: NOTES_PER_PEER,
        dotsPerPeer: DOTS_PER_PEER,
        windowMs: WINDOW_MS,
        transport:
          TRANSPORT === 'app'
            ? 'the app’s sync (src/sync/workspace-sync.ts: y-webrtc 10, presence, message checks) over @roamhq/wrtc'
            : 'bare y-webrtc 10 (same room name and key, no presence beyond a name) over @roamhq/wrtc',
        maxConnsPerPeer:
          MAX_CONNS ?? (TRANSPORT === 'app' ? `${MAX_PEER_CONNECTIONS} (the app’s MAX_PEER_CONNECTIONS)` : 'y-webrtc default (20 to 34, at random)'),
        processes: 'one Node process per peer; loopback signalling (scripts/signalling-server.mjs); no ICE servers',
        arrival: JOIN_EVERY_MS > 0 ? `one by one, ${JOIN_EVERY_MS} ms apart` : 'all at once'
      },
      connect: {
        allJoined,
        launchToLastJoinMs: lastJoin - launchedAt,
        firstToLastJoinMs: lastJoin - firstJoin,
        afterLastJoinMs: {
          everyPeerHasAConnection: sinceLastJoin(milestones.everyoneHasOne),
          everyPeerReachesEveryOther: sinceLastJoin(milestones.roomConnected),
          fullMesh: sinceLastJoin(milestones.fullMesh)
        },
        everyPeerReachesEveryOtherWithinLimit: roomConnected,
        fullMesh: milestones.fullMesh !== null,
        syncedConnectionsPerPeerAtStart: spread(connectionsAtStart),
        cpuMsPerPeer: cpu('joined', 'go'),
        cpuUseOfMachine: cpuShare('joined', 'go', goAt - lastJoin),
        /** The app's connection counters per peer up to the start (src/sync/connection-stats.ts). */
        connectionsPerPeer: statsSpread('go'),
        note: 'y-webrtc connects a pair once; a pair whose attempt stalled (both sides dialling at once) stays unconnected, and updates reach it through others.'
      },
      workshop: {
        everyPeerActed: allActed,
        /** Planned: the window. Longer means the peers' timers ran late on a busy machine. */
        actionsSpanMs: lastAction === null ? null : lastAction - go.at,
        cpuMsPerPeer: cpu('go', 'now'),
        cpuUseOfMachine: cpuShare('go', 'now', settledAt - goAt),
        dotRetries: peers.reduce((n, p) => n + (p.acted?.dotRetries ?? 0), 0),
        /** The same counters over the whole run. */
        connectionsPerPeerToEnd: statsSpread('now')
      },
      convergence: {
        converged,
        convergedAfterLastAction:
          convergedAfterLastActionMs === null ? null : againstTarget(convergedAfterLastActionMs, TARGET_CONVERGED_MS, 'ms'),
        perPeerAfterLastActionMs:
          lastAction === null || !converged ? null : spread(peers.map((p) => (p.completeAt ?? 0) - lastAction)),
        identicalBoards: digests.size === 1,
        everyPeerHasEveryNote: everyNoteEverywhere,
        everyPeerHasEveryDot: everyDotEverywhere
      },
      messagesPerPeer: {
        workshop: {
          dataChannel: spread(workshopCounts.map((c) => c.dataMessages)),
          dataChannelBytes: spread(workshopCounts.map((c) => c.dataBytes)),
          docUpdates: spread(workshopCounts.map((c) => c.docUpdates)),
          awareness: spread(workshopCounts.map((c) => c.awareness)),
          syncSteps: spread(workshopCounts.map((c) => c.syncSteps)),
          signalling: spread(workshopCounts.map((c) => c.signallingMessages))
        },
        connect: {
          dataChannel: spread(connectCounts.map((c) => c.dataMessages)),
          docUpdates: spread(connectCounts.map((c) => c.docUpdates)),
          awareness: spread(connectCounts.map((c) => c.awareness)),
          syncSteps: spread(connectCounts.map((c) => c.syncSteps)),
          signalling: spread(connectCounts.map((c) => c.signallingMessages))
        },
        note: 'y-webrtc forwards every doc and awareness update it applies to all its connections: messages grow with updates × connections.'
      },
      signallingServer: { url: 'loopback (scripts/signalling-server.mjs)' },
      peersEndedEarly: peers.flatMap((p, i) => (p.exitedEarly ? [{ peer: i + 1, how: p.exitedEarly }] : []))
    })

    // A bench fails on a real error, never on time: running out of the limits above (a machine
    // too busy for 30 peers) shows in the figures as converged: false, not as a failure.
    expect(peers.flatMap((p) => p.errors)).toEqual([])
    expect(peers.flatMap((p) => (p.exitedEarly ? [p.exitedEarly] : [])), 'peers that ended early').toEqual([])
    if (converged) {
      expect(everyNoteEverywhere, 'every peer holds every note').toBe(true)
      expect(everyDotEverywhere, 'every peer holds every dot').toBe(true)
      expect(digests.size, 'every peer holds the same board').toBe(1)
    } else process.stderr.write('board bench: the room did not converge within the limits; see the figures\n')
  } finally {
    stopping = true
    for (const p of peers) {
      if (p.child.exitCode === null && p.child.signalCode === null) {
        try {
          p.child.send({ type: 'stop' } satisfies ToPeer)
        } catch {
          /* already gone */
        }
      }
    }
    await waitFor('peers to exit', () => peers.every((p) => p.child.exitCode !== null || p.child.signalCode !== null), 5_000)
    for (const p of peers) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL')
    await signalling.close()
    if (profileDir) {
      // Written by the first peer as it exits.
      reportFigures('board-room-profile', { peer: 1, topSelfTime: topFunctions(profileDir) })
      rmSync(profileDir, { recursive: true, force: true })
    }
  }
})
