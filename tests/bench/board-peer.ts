/**
 * One workshop participant for the board benchmark, in its own Node process: a workspace
 * Y.Doc synced by the app's own sync (src/sync/workspace-sync.ts: y-webrtc, encrypted room,
 * presence) over real WebRTC (@roamhq/wrtc) via the loopback signalling server, and changed
 * only through the app's own src/crdt/board.ts. The parent (board-room.bench.ts) bundles this
 * file, forks one process per person and drives them over IPC (board-peer-protocol.ts).
 */
import { createHash } from 'node:crypto'
import wrtc from '@roamhq/wrtc'
import Peer from 'simple-peer/simplepeer.min.js'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { WebrtcProvider } from 'y-webrtc'
import { PROFILE_COLOURS } from '../../src/domain/colours'
import { deriveRoomName } from '../../src/sync/room-name'
import { startWorkspaceSync, type WorkspaceSync } from '../../src/sync/workspace-sync'
import { connectionStats, type ConnectionStats } from '../../src/sync/connection-stats'
import { BOARD, addStickyNote, boardMap, placeDot, readBoard, type BoardActor } from '../../src/crdt/board'
import { makeWorkspaceDoc } from '../../src/crdt/workspace-doc'
import { STICKY_COLOURS } from '../../src/domain/board'
import type { ArtifactId, WorkspaceId, WorkspaceSecret } from '../../src/domain/ids'
import { makeRandom } from '../fuzz/seeded-random'
import { noteText, zeroCounts, type Counts, type FromPeer, type PeerGo, type PeerInit, type ToPeer } from './board-peer-protocol'

const send = (message: FromPeer): void => {
  process.send?.(message)
}

// Node 20 has no global WebSocket; y-webrtc's signalling client (lib0/websocket) needs one.
;(globalThis as unknown as { WebSocket: unknown }).WebSocket = WebSocket

const counts: Counts = zeroCounts()
const sizeOf = (data: unknown): number =>
  typeof data === 'string' ? Buffer.byteLength(data) : ((data as { byteLength?: number }).byteLength ?? 0)
// Every WebRTC data-channel message goes through simple-peer's send; every signalling message
// through the WebSocket's send. Counting there counts what this peer put on the wire.
const peerSend = Peer.prototype.send
// y-webrtc's first byte says what a message is: 0 sync (then 0 step 1, 1 step 2, 2 update),
// 1 awareness, 3 awareness query.
Peer.prototype.send = function (this: unknown, chunk: unknown) {
  counts.dataMessages += 1
  counts.dataBytes += sizeOf(chunk)
  const bytes = chunk instanceof Uint8Array ? chunk : null
  if (bytes?.[0] === 0) {
    if (bytes[1] === 2) counts.docUpdates += 1
    else counts.syncSteps += 1
  } else if (bytes?.[0] === 1) counts.awareness += 1
  else counts.other += 1
  return peerSend.call(this, chunk)
}
const wsSend = WebSocket.prototype.send
WebSocket.prototype.send = function (this: WebSocket, data: unknown, ...rest: unknown[]) {
  counts.signallingMessages += 1
  counts.signallingBytes += sizeOf(data)
  return (wsSend as (...args: unknown[]) => void).call(this, data, ...rest)
} as typeof WebSocket.prototype.send

// The app's sync creates its y-webrtc provider inside; catch it as it connects, to read which
// peers it is connected to.
let provider: WebrtcProvider | null = null
const connect = WebrtcProvider.prototype.connect
WebrtcProvider.prototype.connect = function (this: WebrtcProvider) {
  provider = this
  // The app's sync sets its own cap (MAX_PEER_CONNECTIONS); the bench can try another.
  if (init?.maxConns) this.maxConns = init.maxConns
  return connect.call(this)
}
let sync: WorkspaceSync | null = null
let doc: Y.Doc | null = null
let init: PeerInit | null = null
let joinedCounts: Counts = { ...counts }
let goCounts: Counts = { ...counts }
const cpuMs = (): number => {
  const used = process.cpuUsage()
  return Math.round((used.user + used.system) / 1000)
}
let joinedCpu = 0
let goCpu = 0
let goStats: ConnectionStats = { ...connectionStats }
const timers = new Set<ReturnType<typeof setTimeout>>()

const stop = (code = 0): void => {
  for (const t of timers) clearTimeout(t)
  if (init?.transport === 'bare') provider?.destroy()
  const closing = sync?.destroy().catch(() => undefined) ?? Promise.resolve()
  void closing.finally(() => process.exit(code))
  setTimeout(() => process.exit(code), 2_000).unref()
}
process.on('disconnect', () => stop(0))
process.on('uncaughtException', (error) => {
  send({ type: 'error', message: String(error?.stack ?? error) })
  stop(1)
})

const memberIdOf = (index: number): string => index.toString(16).padStart(32, '0')
const nameOf = (index: number): string => `Participant ${index + 1}`

const later = (ms: number, fn: () => void): void => {
  const t = setTimeout(() => {
    timers.delete(t)
    fn()
  }, Math.max(0, ms))
  timers.add(t)
}

const start = (message: PeerInit): void => {
  init = message
  const current = makeWorkspaceDoc(message.workspaceId as WorkspaceId)
  doc = current
  Y.applyUpdate(current, Buffer.from(message.initialUpdate, 'base64'))
  const board = boardMap(current, message.boardId as ArtifactId)
  if (!board) throw new Error('The initial update has no board')
  const notes = board.get(BOARD.notes) as Y.Map<unknown>
  const dots = board.get(BOARD.dots) as Y.Map<unknown>
  const expectedNotes = message.total * message.notesPerPeer
  const expectedDots = message.total * message.dotsPerPeer
  let complete = false
  current.on('update', () => {
    if (!complete && notes.size === expectedNotes && dots.size === expectedDots) {
      complete = true
      send({ type: 'complete', at: Date.now() })
    }
  })

  const memberId = memberIdOf(message.index)
  if (message.transport === 'bare') {
    // Same room settings as the app's sync, without its presence and hardening.
    void deriveRoomName(message.secret as WorkspaceSecret).then((room) => {
      const bare = new WebrtcProvider(room, current, {
        signaling: [message.signalling],
        password: message.secret,
        filterBcConns: true,
        ...(message.maxConns ? { maxConns: message.maxConns } : {}),
        peerOpts: { wrtc, config: { iceServers: [] } }
      })
      bare.awareness.setLocalStateField('user', { name: nameOf(message.index), memberId })
    })
  } else sync = startWorkspaceSync({
    doc: current,
    workspaceId: message.workspaceId as WorkspaceId,
    secret: message.secret as WorkspaceSecret,
    signallingUrls: [message.signalling],
    iceServers: [],
    user: {
      name: nameOf(message.index),
      color: PROFILE_COLOURS[message.index % PROFILE_COLOURS.length]?.value ?? '#374151',
      organisation: 'Bench council',
      memberId
    },
    deviceId: `bench-device-${message.index}`,
    wrtc
  })
  joinedCounts = { ...counts }
  joinedCpu = cpuMs()
  send({ type: 'joined', at: Date.now() })

  let last = ''
  const report = setInterval(() => {
    const room = provider?.room
    if (!room) return
    const conns = [...room.webrtcConns.entries()]
    const connected = conns.filter(([, c]) => c.connected).length
    // Open links. (Not y-webrtc's per-connection `synced`: it is set only while the room as a
    // whole is unsynced, so a link that opens after that never shows it, though it syncs.)
    const synced = conns.filter(([, c]) => c.connected).map(([id]) => id).sort()
    const key = `${connected}/${synced.join(',')}`
    if (key !== last) {
      last = key
      send({ type: 'conns', at: Date.now(), peerId: room.peerId, connected, synced })
    }
  }, 100)
  report.unref()
}

const workshop = (go: PeerGo): void => {
  const setup = init
  const current = doc
  if (!setup || !current) throw new Error('go before init')
  goCounts = { ...counts }
  goCpu = cpuMs()
  goStats = { ...connectionStats }
  const random = makeRandom(setup.seed * 1000 + setup.index)
  const me: BoardActor = { memberId: memberIdOf(setup.index), name: nameOf(setup.index), organisation: 'Bench council' }
  const boardId = setup.boardId as ArtifactId
  // Notes in the first 60% of the window, dots in the last 40%, at seeded random moments.
  const noteTimes = Array.from({ length: setup.notesPerPeer }, () => random.next() * 0.6 * go.windowMs).sort((a, b) => a - b)
  const dotTimes = Array.from({ length: setup.dotsPerPeer }, () => (0.6 + random.next() * 0.4) * go.windowMs).sort((a, b) => a - b)
  let lastActionAt = 0
  let placed = 0
  let written = 0
  let retries = 0
  const finishIfDone = (): void => {
    if (written === setup.notesPerPeer && placed === setup.dotsPerPeer)
      send({ type: 'acted', lastActionAt, notes: written, dots: placed, dotRetries: retries })
  }
  noteTimes.forEach((offset, k) =>
    later(go.at + offset - Date.now(), () => {
      const columnId = setup.columnIds[random.int(setup.columnIds.length)] as string
      const colour = STICKY_COLOURS[random.int(STICKY_COLOURS.length)]?.value as string
      addStickyNote(current, boardId, { text: noteText(setup.index, k), colour, columnId }, me, Date.now())
      lastActionAt = Date.now()
      written += 1
      finishIfDone()
    })
  )
  const placeOne = (): void => {
    const state = readBoard(current, boardId)
    const mine = new Set(state?.dots.filter((d) => d.voterId === me.memberId).map((d) => d.noteId))
    const candidates = (state?.notes ?? []).filter((n) => n.deletedAt === null && !mine.has(n.id))
    // Someone else's note when there is one: people vote for others' ideas.
    const others = candidates.filter((n) => n.authorId !== me.memberId)
    const pool = others.length > 0 ? others : candidates
    if (pool.length === 0 || !placeDot(current, boardId, random.pick(pool).id, me)) {
      retries += 1
      later(200, placeOne)
      return
    }
    lastActionAt = Date.now()
    placed += 1
    finishIfDone()
  }
  dotTimes.forEach((offset) => later(go.at + offset - Date.now(), placeOne))
}

const final = (): void => {
  const setup = init
  const current = doc
  if (!setup || !current) throw new Error('final before init')
  const state = readBoard(current, setup.boardId as ArtifactId)
  const texts = (state?.notes ?? []).map((n) => n.text).sort()
  send({
    type: 'final',
    digest: createHash('sha256').update(JSON.stringify(state)).digest('hex'),
    notes: state?.notes.length ?? 0,
    dots: state?.dots.length ?? 0,
    noteTexts: createHash('sha256').update(texts.join('\n')).digest('hex'),
    counts: { joined: joinedCounts, go: goCounts, now: { ...counts } },
    cpuMs: { joined: joinedCpu, go: goCpu, now: cpuMs() },
    connections: { go: goStats, now: { ...connectionStats } }
  })
}

process.on('message', (message: ToPeer) => {
  try {
    switch (message.type) {
      case 'init':
        start(message)
        break
      case 'go':
        workshop(message)
        break
      case 'final':
        final()
        break
      case 'stop':
        stop(0)
        break
    }
  } catch (error) {
    send({ type: 'error', message: String(error instanceof Error ? error.stack : error) })
  }
})
