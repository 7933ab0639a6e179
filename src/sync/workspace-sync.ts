import { WebrtcProvider, type SignalingConn } from 'y-webrtc'
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { WorkspaceId, WorkspaceSecret } from '../domain/ids'
import { parsePresenceState, type PresenceUser, type PresenceView } from '../domain/presence'
import type { IceServer } from '../domain/sync-settings'
import { INITIAL_SYNC_STATUS, type SignallingState, type SyncStatus } from '../domain/sync-status'
import { deriveRoomName } from './room-name'
import { covers, digestSummary, readStoredSummary, storeSummary, trackState, type StateSummary, type StoredSummary } from './state-summary'
import { dropSilentConnections, guardNewSignallingConns, hardenProvider, reviveProvider, type OnRejected } from './y-webrtc-hardening'
import { resyncPeers } from './resync-peers'
import { shareClock } from './clock-presence'

/** Whether the browser has a network, and when that changes. */
export interface NetworkWatch {
  online(): boolean
  subscribe(listener: () => void): () => void
}

const browserNetwork: NetworkWatch = {
  online: () => (typeof navigator === 'undefined' ? true : navigator.onLine),
  subscribe: (listener) => {
    if (typeof window === 'undefined') return () => {}
    window.addEventListener('online', listener)
    window.addEventListener('offline', listener)
    return () => {
      window.removeEventListener('online', listener)
      window.removeEventListener('offline', listener)
    }
  }
}

export interface ConnectionSettings {
  signallingUrls: readonly string[]
  iceServers: readonly IceServer[]
}

export interface WorkspaceSyncOptions extends ConnectionSettings {
  doc: Y.Doc
  workspaceId: WorkspaceId
  secret: WorkspaceSecret
  user: PresenceUser
  /** The same for every tab of one browser profile: tabs are not separate devices. */
  deviceId: string
  /** The state another device last confirmed holding, as stored on this device. */
  acknowledged?: StoredSummary | null
  lastSyncedAt?: number | null
  /** Called (at most every few seconds) when another device confirms this device's state. */
  onAcknowledged?: (summary: StoredSummary, at: number) => void
  onRejected?: OnRejected
  network?: NetworkWatch
  /** A WebRTC implementation where the platform has none (Node, for tests and benchmarks). */
  wrtc?: unknown
}

export interface WorkspaceSync {
  /** Presence: also what the editor's collaboration caret uses. Never saved. */
  readonly awareness: Awareness
  status(): SyncStatus
  subscribe(listener: () => void): () => void
  /** Tells the others what this person is looking at. */
  setView(view: PresenceView): void
  /**
   * What to add to this device's clock to read another device's (by its device id), as far as
   * their presence tells; 0 for this device and for devices not heard from enough.
   */
  clockOffset(device: string | undefined): number
  /** New signalling servers or ICE servers: reconnects with them. */
  reconfigure(settings: ConnectionSettings): Promise<void>
  destroy(): Promise<void>
}

/**
 * What was refused, for whoever looks at the console (a member's device sending something odd
 * is worth knowing about); at most a few lines a minute, so a flood cannot fill the log.
 */
const warnRejected = (() => {
  let windowStart = 0
  let count = 0
  return (source: 'signalling' | 'tab' | 'peer', reason: string): void => {
    const now = Date.now()
    if (now - windowStart > 60_000) {
      windowStart = now
      count = 0
    }
    const from = { signalling: 'the signalling server', tab: 'another tab', peer: 'a connected device' }[source]
    if (++count <= 50) console.warn(`Mutual sync ignored ${reason}, from ${from}.`)
  }
})()

/** y-webrtc allows one provider per room per page; a reopened workspace waits for the old one. */
const closingRooms = new Map<string, Promise<void>>()

const EMPTY_SUMMARY: StateSummary = { sv: new Map(), deleted: 0 }

/**
 * How many WebRTC connections a device opens itself (y-webrtc's maxConns, whose default is 20
 * to 34). y-webrtc passes every change it receives on to all of its connections, so in a full
 * mesh each change crosses the room about N × (N − 1) times: in a workshop room of 30 that
 * swamped every device and the room did not settle. About 8 each keeps the room one sparse,
 * connected mesh where every change still reaches everyone within a hop or two, for a
 * fraction of the messages (tests/bench/board-room.bench.ts). Groups of up to 9 devices are
 * still a full mesh. y-webrtc still answers connections that others open, so a device may
 * end with a few more; tabs of one browser talk over BroadcastChannel and do not count. A full
 * device still answers a device its group cannot reach (domain/peer-mesh.ts, through the
 * `peer` id in presence), so people arriving one by one do not split the room in two.
 */
export const MAX_PEER_CONNECTIONS = 8

/**
 * The "seen" digest goes to every device through presence, and y-webrtc passes each presence
 * change on to all its connections too: published after every burst of edits, digests
 * outnumbered document updates 3 to 1 in a busy room. A digest is only useful when the
 * document has settled (two devices match only when they hold the same state), so a device
 * publishes once its document has been quiet for DIGEST_QUIET_MS, at most once every
 * DIGEST_MIN_INTERVAL_MS, at least every DIGEST_MAX_WAIT_MS while edits keep coming (a room
 * that is never quiet still hears from it), and only when the digest changed.
 */
const DIGEST_QUIET_MS = 1000
const DIGEST_MIN_INTERVAL_MS = 4000
const DIGEST_MAX_WAIT_MS = 10_000
const ACK_PERSIST_MS = 5000
const SYNCED_RESOLUTION_MS = 10_000
const POLL_MS = 2000
/** Announcing again: every 2 polls (4 s) while alone, every 15 (30 s) with peers. */
const REVIVE_ALONE_POLLS = 2
const REVIVE_WITH_PEERS_POLLS = 15
/** Asking connected peers for anything this device lacks: every 5 polls (10 s), see resyncPeers. */
const RESYNC_POLLS = 5
/** Failed attempts to reach every signalling server before saying it cannot be reached. */
const UNREACHABLE_AFTER = 3

const sameStatus = (a: SyncStatus, b: SyncStatus): boolean =>
  a.signalling === b.signalling &&
  a.peers === b.peers &&
  a.tabs === b.tabs &&
  a.unseenChanges === b.unseenChanges &&
  a.lastSyncedAt === b.lastSyncedAt

/** Timing marks read by the sync benchmarks (tests/bench/sync-*.bench.ts); first of each only. */
const marked = new Set<string>()
const mark = (name: string): void => {
  if (marked.has(name) || typeof performance === 'undefined' || typeof performance.mark !== 'function') return
  marked.add(name)
  performance.mark(`mutual:sync:${name}`)
}

/**
 * Live sync of one workspace: a y-webrtc room named by the workspace id's hash, encrypted
 * with the workspace secret, reaching other devices through signalling servers and other tabs
 * through BroadcastChannel; presence through awareness; and the bookkeeping behind "this
 * device has changes nobody else has seen". Live sync pauses while the browser is offline.
 */
export const startWorkspaceSync = (options: WorkspaceSyncOptions): WorkspaceSync => {
  const { doc } = options
  mark('start')
  const network = options.network ?? browserNetwork
  const onRejected: OnRejected = options.onRejected ?? warnRejected
  const awareness = new Awareness(doc)
  // What this device says about itself; set again after every reconnect, since y-webrtc
  // clears the local presence when it disconnects.
  const local: Record<string, unknown> = { user: options.user, view: { artifactId: null }, device: options.deviceId }
  const clock = shareClock(awareness, options.deviceId)
  const applyLocal = (): void => awareness.setLocalState({ ...(awareness.getLocalState() ?? {}), ...local })
  applyLocal()

  let settings: ConnectionSettings = { signallingUrls: [...options.signallingUrls], iceServers: [...options.iceServers] }
  let provider: WebrtcProvider | null = null
  let roomName: string | null = null
  let unharden: (() => void) | null = null
  let watchedConns: SignalingConn[] = []
  let destroyed = false
  let status: SyncStatus = INITIAL_SYNC_STATUS
  const listeners = new Set<() => void>()

  let acknowledged: StateSummary = readStoredSummary(options.acknowledged) ?? EMPTY_SUMMARY
  let lastSyncedAt = options.lastSyncedAt ?? null
  let published: { digest: string; summary: StateSummary } | null = null
  let persistTimer: ReturnType<typeof setTimeout> | null = null
  let persistPending = false

  const persistAcknowledged = (): void => {
    persistTimer = null
    if (!persistPending || lastSyncedAt === null) return
    persistPending = false
    options.onAcknowledged?.(storeSummary(acknowledged), lastSyncedAt)
  }

  /** Another device (not a tab of this browser) reports exactly the state this one published. */
  const checkAcknowledged = (): void => {
    if (!published) return
    for (const [clientId, raw] of awareness.getStates()) {
      if (clientId === doc.clientID) continue
      const state = parsePresenceState(raw)
      if (!state || state.device === options.deviceId || state.seen !== published.digest) continue
      // Still in step with the same state: "last synced" moves on every few seconds, not on every look.
      const now = Date.now()
      if (acknowledged === published.summary && lastSyncedAt !== null && now - lastSyncedAt < SYNCED_RESOLUTION_MS) return
      acknowledged = published.summary
      lastSyncedAt = now
      persistPending = true
      if (!persistTimer) persistTimer = setTimeout(persistAcknowledged, ACK_PERSIST_MS)
      return
    }
  }

  const refresh = (): void => {
    if (destroyed) return
    const p = provider
    const conns = (p?.signalingConns ?? []) as SignalingConn[]
    let signalling: SignallingState
    if (!network.online()) signalling = 'offline'
    else if (settings.signallingUrls.length === 0) signalling = 'none'
    else if (conns.some((c) => c.connected)) signalling = 'online'
    else if (conns.length > 0 && conns.every((c) => c.unsuccessfulReconnects >= UNREACHABLE_AFTER)) signalling = 'unreachable'
    else signalling = 'connecting'
    const room = p?.room ?? null
    const peers = room ? [...room.webrtcConns.values()].filter((c) => c.connected).length : 0
    if (signalling === 'online') mark('signalling-online')
    if (peers > 0) mark('peer-connected')
    // Other tabs of this browser, from their presence: a tab that closed without saying so
    // (browsers do not wait for y-webrtc's goodbye) drops out when its presence times out.
    let tabs = 0
    if (room?.bcconnected) {
      for (const [clientId, raw] of awareness.getStates()) {
        if (clientId !== doc.clientID && (raw as { device?: unknown } | null)?.device === options.deviceId) tabs++
      }
    }
    if (peers === 0 && tabs === 0 && (status.peers > 0 || status.tabs > 0 || signalling === 'offline')) forgetOthers()
    checkAcknowledged()
    const summary = tracker.summary()
    const next: SyncStatus = {
      signalling,
      peers,
      tabs,
      unseenChanges: summary === null ? 'unknown' : covers(acknowledged, summary) ? 'no' : 'yes',
      lastSyncedAt
    }
    if (sameStatus(next, status)) return
    status = next
    listeners.forEach((listener) => listener())
  }

  /** Whom this device reaches, directly or through others: everyone whose presence it holds. */
  const reachablePeers = (): string[] => {
    const peers: string[] = []
    // Validated like every other presence field: a peer's garbage names nobody.
    for (const raw of awareness.getStates().values()) {
      const peer = parsePresenceState(raw)?.peer
      if (peer) peers.push(peer)
    }
    return peers
  }

  /** With nobody connected, the presence of others is out of date: drop it now, not in 30 s. */
  const forgetOthers = (): void => {
    const others = [...awareness.getStates().keys()].filter((id) => id !== doc.clientID)
    if (others.length > 0) removeAwarenessStates(awareness, others, 'disconnected')
  }

  // "Seen" digests: published once the document settles (see DIGEST_QUIET_MS), so comparing
  // with another device's digest means comparing whole states.
  let digestTimer: ReturnType<typeof setTimeout> | null = null
  /** When the oldest and the newest change not yet in a published digest arrived (0: none). */
  let firstPendingAt = 0
  let lastChangeAt = 0
  let lastPublishedAt = 0
  const digestDueAt = (): number =>
    Math.max(lastPublishedAt + DIGEST_MIN_INTERVAL_MS, Math.min(lastChangeAt + DIGEST_QUIET_MS, firstPendingAt + DIGEST_MAX_WAIT_MS))
  const publishDigest = (): void => {
    if (digestTimer) clearTimeout(digestTimer)
    digestTimer = null
    firstPendingAt = 0
    const summary = tracker.summary()
    if (!summary || destroyed) return
    const digest = digestSummary(summary)
    if (published?.digest !== digest) {
      published = { digest, summary }
      lastPublishedAt = Date.now()
      local.seen = digest
      if (awareness.getLocalState()?.seen !== digest) awareness.setLocalStateField('seen', digest)
    }
    refresh()
  }
  /** One timer for a burst of changes: when it fires early (more changes came), it waits on. */
  const onDigestTimer = (): void => {
    digestTimer = null
    const wait = digestDueAt() - Date.now()
    if (wait > 0) digestTimer = setTimeout(onDigestTimer, wait)
    else publishDigest()
  }
  const onDocUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (provider?.room && origin === provider.room) mark('first-remote-update')
    lastChangeAt = Date.now()
    if (!firstPendingAt) firstPendingAt = lastChangeAt
    if (!digestTimer) digestTimer = setTimeout(onDigestTimer, Math.max(0, digestDueAt() - lastChangeAt))
  }
  const tracker = trackState(doc, publishDigest)
  doc.on('update', onDocUpdate)
  const onAwareness = (): void => refresh()
  awareness.on('change', onAwareness)

  const watchConns = (): void => {
    const conns = (provider?.signalingConns ?? []) as SignalingConn[]
    for (const conn of conns) {
      if (watchedConns.includes(conn)) continue
      conn.on('connect', refresh)
      conn.on('disconnect', refresh)
      watchedConns.push(conn)
    }
  }
  const unwatchConns = (): void => {
    for (const conn of watchedConns) {
      conn.off('connect', refresh)
      conn.off('disconnect', refresh)
    }
    watchedConns = []
  }

  const open = async (): Promise<void> => {
    roomName ??= await deriveRoomName(options.workspaceId)
    const name = roomName
    await closingRooms.get(name)
    if (destroyed || provider) return
    const created = new WebrtcProvider(name, doc, {
      signaling: [...settings.signallingUrls],
      password: options.secret,
      awareness,
      maxConns: MAX_PEER_CONNECTIONS,
      filterBcConns: true,
      peerOpts: { config: { iceServers: settings.iceServers.map((s) => ({ ...s })) }, ...(options.wrtc ? { wrtc: options.wrtc } : {}) }
    })
    provider = created
    mark('provider-created')
    unharden = hardenProvider(created, name, onRejected, refresh, reachablePeers)
    if (network.online()) watchConns()
    else pause()
    void Promise.resolve(created.key).then(() => {
      // The room (and its signalling id) exists once the key is derived: tell the others.
      const peer = created.room?.peerId
      if (peer && provider === created && !destroyed) {
        local.peer = peer
        awareness.setLocalStateField('peer', peer)
      }
      refresh()
    })
    refresh()
  }

  const close = async (): Promise<void> => {
    const p = provider
    provider = null
    if (!p || !roomName) return
    unharden?.()
    unharden = null
    unwatchConns()
    const name = roomName
    const done = (async () => {
      p.disconnect()
      p.destroy()
      // y-webrtc frees the room name once the key is settled (its own then() runs first).
      await p.key
    })()
    closingRooms.set(name, done)
    try {
      await done
    } finally {
      if (closingRooms.get(name) === done) closingRooms.delete(name)
    }
  }

  const pause = (): void => {
    if (!provider) return
    provider.disconnect()
    // y-webrtc keeps adding to this list on every connect(); start each session afresh.
    provider.signalingConns = []
    unwatchConns()
    // Offline is no reason for this browser's tabs to drift apart: BroadcastChannel needs no
    // network. disconnect() closed it with everything else; with no signalling connection left,
    // opening the room again reaches only the other tabs (resume() opens the rest).
    provider.room?.connect()
    applyLocal()
  }
  const resume = (): void => {
    if (!provider || provider.shouldConnect) return
    provider.connect()
    guardNewSignallingConns(provider)
    watchConns()
    applyLocal()
  }
  const onNetwork = (): void => {
    if (network.online()) resume()
    else pause()
    refresh()
  }
  const stopWatchingNetwork = network.subscribe(onNetwork)
  // Reconnect attempts to a signalling server raise no event; look now and then. And while
  // nobody is connected, say "here I am" again now and then (see reviveProvider).
  let polls = 0
  const poll = setInterval(() => {
    refresh()
    polls++
    if (!provider || !network.online()) return
    const alone = status.peers === 0
    if (polls % (alone ? REVIVE_ALONE_POLLS : REVIVE_WITH_PEERS_POLLS) === 0) {
      void reviveProvider(provider, !alone).catch(() => {})
    }
    if (!alone && polls % RESYNC_POLLS === 0) resyncPeers(provider)
    if (!alone && dropSilentConnections(provider) > 0) refresh()
  }, POLL_MS)

  let opening = open().catch(() => refresh())

  return {
    awareness,
    status: () => status,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    setView(view) {
      local.view = view
      awareness.setLocalStateField('view', view)
    },
    // shareClock never records this device's own readings, so its offset is 0.
    clockOffset: (device) => clock.offsets.offsetOf(device, Date.now()),
    async reconfigure(next) {
      settings = { signallingUrls: [...next.signallingUrls], iceServers: [...next.iceServers] }
      await opening
      await close()
      opening = open().catch(() => refresh())
      await opening
    },
    async destroy() {
      if (destroyed) return
      destroyed = true
      stopWatchingNetwork()
      clearInterval(poll)
      clock.stop()
      if (digestTimer) clearTimeout(digestTimer)
      if (persistTimer) clearTimeout(persistTimer)
      persistAcknowledged()
      doc.off('update', onDocUpdate)
      awareness.off('change', onAwareness)
      tracker.destroy()
      listeners.clear()
      await opening
      await close()
      awareness.destroy()
    }
  }
}
