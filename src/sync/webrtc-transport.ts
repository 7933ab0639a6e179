import { WebrtcProvider, type SignalingConn, type WebrtcConn } from 'y-webrtc'
import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { WorkspaceId, WorkspaceSecret } from '../domain/ids'
import type { IceServer } from '../domain/sync-settings'
import type { SignallingState } from '../domain/sync-status'
import type { AttachmentExchange, PeerLink } from './attachment-exchange'
import { sendToPeer } from './adapters/y-webrtc-internals'
import { makeDocumentRoom, type DocumentRoom } from './document-room'
import type { DocumentSet } from './document-set'
import { deriveRoomName } from './room-name'
import { makeResyncHold } from './resync-hold'
import type { StateAsks } from './state-asks'
import { resyncPeers } from './resync-peers'
import { mark } from './sync-marks'
import type { Transport, TransportLifecycle } from './transport'
import { makeTrustChannel, type TrustChannel } from './trust/trust-channel'
import { ROOM_SIGNING_LIMITS } from './room-signing-limits'
import type { TrustSetup } from './trust/trust-setup'
import { dropSilentConnections, guardNewSignallingConns, hardenProvider, reviveProvider, type OnRejected } from './y-webrtc-hardening'
import { roomTrust, sendSignedChanges } from './y-webrtc-trust'

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

/** Failed attempts to reach every signalling server before saying it cannot be reached. */
const UNREACHABLE_AFTER = 3
/** Announcing again: every 2 polls (4 s) while alone, every 15 (30 s) with peers. */
const REVIVE_ALONE_POLLS = 2
const REVIVE_WITH_PEERS_POLLS = 15
/** Asking connected peers for anything this device lacks: every 5 polls (10 s), see resyncPeers and resync-hold.ts. */
const RESYNC_POLLS = 5

/** y-webrtc allows one provider per room per page; a reopened workspace waits for the old one. */
const closingRooms = new Map<string, Promise<void>>()

export interface PeerSettings {
  signallingUrls: readonly string[]
  iceServers: readonly IceServer[]
}

export interface WebrtcStatus {
  signalling: SignallingState
  /** Open direct connections to other devices. */
  peers: number
  /** Whether other tabs of this browser can be heard (BroadcastChannel open). */
  tabsReachable: boolean
}

export interface WebrtcTransportOptions {
  doc: Y.Doc
  awareness: Awareness
  workspaceId: WorkspaceId
  secret: WorkspaceSecret
  settings: PeerSettings
  onRejected: OnRejected
  /** Whom this device reaches, directly or through others (peer ids from presence). */
  reachablePeers: () => string[]
  /** This device's signalling peer id is known: presence carries it (domain/peer-mesh.ts). */
  onPeerId: (peer: string) => void
  /** After a pause (offline) or reconnect, y-webrtc has cleared the local presence. */
  restorePresence: () => void
  online: () => boolean
  /** Answers and receives attachment frames from peers (attachment-exchange.ts). */
  attachments?: AttachmentExchange
  wrtc?: unknown
  /** Signed changes (docs/trust.md): without it, changes travel unsigned, as before trust. */
  trust?: TrustSetup
  /** One whole state at a time, across this device's transports (state-asks.ts). */
  asks?: StateAsks
  /** The session's artifact documents, carried over the same connections (document-room.ts). */
  documents?: DocumentSet
}

export interface WebrtcTransport extends Transport<WebrtcStatus> {
  /** Every poll of the sync core: announce again, resync peers, drop silent connections. */
  maintain(polls: number, alone: boolean): void
  /** The open peer connections, for asking them for attachments. */
  peerLinks(): PeerLink[]
}

/**
 * Peers (WebRTC, found through signalling servers) and tabs (BroadcastChannel) as one
 * transport: the y-webrtc room named by the workspace id's hash, encrypted with the workspace
 * secret, hardened by y-webrtc-hardening.ts (which checks every message before y-webrtc acts
 * on it). y-webrtc sends every document change and presence change itself, and applies what
 * it receives with its room as the origin.
 */
export const makeWebrtcTransport = (options: WebrtcTransportOptions): WebrtcTransport => {
  const { doc, awareness } = options
  let provider: WebrtcProvider | null = null
  let roomName: string | null = null
  let unharden: (() => void) | null = null
  let channel: TrustChannel | null = null
  let documentRoom: DocumentRoom | null = null
  let stopSigning: (() => void) | null = null
  let watchedConns: SignalingConn[] = []
  let lifecycle: TransportLifecycle = 'idle'
  const resyncHold = makeResyncHold()
  const listeners = new Set<() => void>()
  const notify = (): void => listeners.forEach((listener) => listener())

  const watchConns = (): void => {
    for (const conn of (provider?.signalingConns ?? []) as SignalingConn[]) {
      if (watchedConns.includes(conn)) continue
      conn.on('connect', notify)
      conn.on('disconnect', notify)
      watchedConns.push(conn)
    }
  }
  const unwatchConns = (): void => {
    for (const conn of watchedConns) {
      conn.off('connect', notify)
      conn.off('disconnect', notify)
    }
    watchedConns = []
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
    options.restorePresence()
  }
  const resume = (): void => {
    if (!provider || provider.shouldConnect) return
    provider.connect()
    guardNewSignallingConns(provider)
    watchConns()
    options.restorePresence()
  }

  const status = (): WebrtcStatus => {
    const conns = (provider?.signalingConns ?? []) as SignalingConn[]
    let signalling: SignallingState
    if (!options.online()) signalling = 'offline'
    else if (options.settings.signallingUrls.length === 0) signalling = 'none'
    else if (conns.some((c) => c.connected)) signalling = 'online'
    else if (conns.length > 0 && conns.every((c) => c.unsuccessfulReconnects >= UNREACHABLE_AFTER)) signalling = 'unreachable'
    else signalling = 'connecting'
    const room = provider?.room ?? null
    const peers = room ? [...room.webrtcConns.values()].filter((c) => c.connected).length : 0
    if (signalling === 'online') mark('signalling-online')
    if (peers > 0) mark('peer-connected')
    return { signalling, peers, tabsReachable: room?.bcconnected ?? false }
  }

  const linkOf = (conn: WebrtcConn): PeerLink => ({ id: conn.remotePeerId, send: (frame) => sendToPeer(conn, frame) })
  const peerLinks = (): PeerLink[] => {
    const room = provider?.room
    return room ? [...room.webrtcConns.values()].filter((c) => c.connected).map(linkOf) : []
  }

  const close = async (): Promise<void> => {
    const p = provider
    provider = null
    if (!p || !roomName) return
    unharden?.()
    unharden = null
    stopSigning?.()
    stopSigning = null
    channel?.destroy()
    channel = null
    documentRoom?.destroy()
    documentRoom = null
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

  return {
    name: 'webrtc',
    lifecycle: () => lifecycle,
    isOwnOrigin: (origin) => provider !== null && origin === provider.room,
    async open() {
      if (lifecycle !== 'idle' && lifecycle !== 'closed') return
      lifecycle = 'opening'
      roomName ??= await deriveRoomName(options.secret)
      const name = roomName
      await closingRooms.get(name)
      if (lifecycle !== 'opening' || provider) return
      const { settings } = options
      const created = new WebrtcProvider(name, doc, {
        signaling: [...settings.signallingUrls],
        password: options.secret,
        awareness,
        maxConns: MAX_PEER_CONNECTIONS,
        filterBcConns: true,
        peerOpts: { config: { iceServers: settings.iceServers.map((s) => ({ ...s })) }, ...(options.wrtc ? { wrtc: options.wrtc } : {}) }
      })
      provider = created
      lifecycle = 'open'
      mark('provider-created')
      const trust = options.trust
      const opened = trust
        ? makeTrustChannel({
            ...trust,
            doc,
            workspaceId: options.workspaceId,
            origin: created.room,
            apply: (update, origin) => Y.applyUpdate(doc, update, origin),
            limits: ROOM_SIGNING_LIMITS
          })
        : null
      channel = opened
      if (opened && trust?.onRefused) opened.onRefused(trust.onRefused)
      if (opened && trust?.onUnsent) opened.onUnsent(trust.onUnsent)
      const attachments = options.attachments
      const documents = options.documents
      documentRoom = documents
        ? makeDocumentRoom({
            documents,
            links: () => peerLinks(),
            onRejected: (reason) => options.onRejected('peer', reason),
            workspaceId: options.workspaceId,
            ...(trust ? { trust } : {})
          })
        : null
      unharden = hardenProvider(
        created,
        name,
        options.onRejected,
        notify,
        options.reachablePeers,
        opened && roomTrust(opened, undefined, resyncHold),
        (conn, frame) => (attachments ? attachments.receive(linkOf(conn), frame) : options.onRejected('peer', 'a file message, which this device does not take')),
        options.asks,
        documentRoom
      )
      if (options.online()) watchConns()
      else pause()
      void Promise.resolve(created.key).then((key) => {
        const room = created.room
        if (opened && room && key && channel === opened) stopSigning = sendSignedChanges(room, key, opened, (origin) => origin === room)
        // The room (and its signalling id) exists once the key is derived: tell the others.
        const peer = created.room?.peerId
        if (peer && provider === created) options.onPeerId(peer)
        notify()
      })
      notify()
    },
    // y-webrtc observes the document and sends every change itself, local or not (it is
    // also how a change from the relay reaches peers who have no relay).
    send: () => {},
    status,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    networkChanged(online) {
      if (online) resume()
      else pause()
    },
    maintain(polls, alone) {
      if (!provider || !options.online()) return
      if (polls % (alone ? REVIVE_ALONE_POLLS : REVIVE_WITH_PEERS_POLLS) === 0) void reviveProvider(provider, !alone).catch(() => {})
      // Consulted while alone too: an ask that waited out a hold is then dropped, not kept for
      // peers met later (connecting, they exchange what each lacks anyway).
      if (resyncHold.mayAsk(!alone && polls % RESYNC_POLLS === 0) && !alone) resyncPeers(provider)
      if (!alone && dropSilentConnections(provider) > 0) notify()
    },
    peerLinks,
    async close() {
      if (lifecycle === 'destroyed') return
      lifecycle = 'closed'
      await close()
    },
    async destroy() {
      if (lifecycle === 'destroyed') return
      lifecycle = 'destroyed'
      listeners.clear()
      await close()
    }
  }
}
