import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { RELAY } from '../crdt/origins'
import type { AttachmentHash } from '../domain/attachments/attachment'
import type { WorkspaceId, WorkspaceSecret } from '../domain/ids'
import type { PresenceUser, PresenceView } from '../domain/presence'
import type { StoredRelayState } from '../domain/relay-state'
import type { IceServer } from '../domain/sync-settings'
import { INITIAL_SYNC_STATUS, type RelayStatus, type SyncStatus } from '../domain/sync-status'
import { makeAttachmentExchange, type AttachmentSource } from './attachment-exchange'
import { makeLocalPresence } from './local-presence'
import { startMaintenance } from './maintenance'
import { makeRelayTransport, type RelayTransport } from './relay/relay-transport'
import { relayDocumentTrust, relayTrustOf } from './relay/relay-trust'
import type { RelayArtifactsOptions } from './relay/relay-artifacts'
import { makeTrustChannel } from './trust/trust-channel'
import { makeRefusedIncomingRecord } from './trust/refused-incoming-record'
import { makeRelayFiles, type RelayFileSource } from './relay/relay-files'
import { browserSocket, type RelaySocketFactory } from './relay/relay-socket'
import type { RelayTiming } from './relay/relay-timing'
import { makeConsoleBudget } from './console-budget'
import { makeDocumentSet, type DocumentSet } from './document-set'
import { startSeenDigest } from './seen-digest'
import { covers, trackState, type StoredSummary } from './state-summary'
import { forwardLocalChanges } from './local-changes'
import { mark } from './sync-marks'
import { makeStateAsks } from './state-asks'
import { makeSyncStatus, sameStatus } from './sync-status-view'
import { makeWebrtcTransport, type WebrtcTransport } from './webrtc-transport'
import type { TrustSetup } from './trust/trust-setup'
import type { OnRejected } from './y-webrtc-hardening'

export { MAX_PEER_CONNECTIONS } from './webrtc-transport'

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
  /** The relays of this workspace (ws:// or wss://); none (or absent) is peer-to-peer only. */
  relayUrls?: readonly string[]
}

export interface WorkspaceSyncOptions extends ConnectionSettings {
  doc: Y.Doc
  /**
   * An artifact's document as this device stores it, held until released (the composition
   * root's storage): the relay applies entries for documents not attached through it, so none
   * is lost. Absent: such entries wait on the relay (relay-artifacts.ts).
   */
  holdArtifact?: RelayArtifactsOptions['hold']
  /** The artifact documents this device stores (the composition root's storage): a relay compaction carries each one's state. */
  storedArtifacts?: RelayArtifactsOptions['stored']
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
  /** Where this device is with each relay (cursor, what the relay holds), as stored on this device. */
  relayState?: StoredRelayState | null
  /** Called (at most every few seconds, and on destroy) with what to store for relayState. */
  onRelayState?: (state: StoredRelayState) => void
  /** True once what the doc holds so far is stored on this device (the relay cursor waits for it). */
  whenStored?: () => Promise<boolean>
  onRejected?: OnRejected
  network?: NetworkWatch
  /** A WebRTC implementation where the platform has none (Node, for tests and benchmarks). */
  wrtc?: unknown
  /** A WebSocket where the platform has none (Node: the `ws` package). */
  relaySocket?: RelaySocketFactory
  /** This device's attachment bytes, which peers may ask for (storage/attachment-store.ts); with
   * `hashes`, they are also uploaded, sealed, to the relays (relay/relay-files.ts). */
  attachmentSource?: AttachmentSource & { hashes?: RelayFileSource['hashes'] }
  /** Shorter relay timings for tests. */
  relayTiming?: Partial<RelayTiming>
  /** Signs this device's changes and checks others' (docs/trust.md); absent: unsigned, as before. */
  trust?: TrustSetup
}

export interface WorkspaceSync {
  /** Presence: also what the editor's collaboration caret uses. Never saved. */
  readonly awareness: Awareness
  /** The documents this session carries: the workspace's, and the artifact documents attached to it (document-set.ts). */
  readonly documents: DocumentSet
  status(): SyncStatus
  subscribe(listener: () => void): () => void
  /** Tells the others what this person is looking at. */
  setView(view: PresenceView): void
  /**
   * What to add to this device's clock to read another device's (by its device id), as far as
   * their presence tells; 0 for this device and for devices not heard from enough.
   */
  clockOffset(device: string | undefined): number
  /** Saves now what sync keeps on this device (the relay cursor): the page is being hidden or closed. */
  flush(): void
  /** Asks connected peers, then the relays, for an attachment this device lacks: verified bytes, or null. */
  fetchAttachment(hash: AttachmentHash): Promise<Uint8Array | null>
  /** Uploads soon, sealed, whatever attachments of this device the relays lack (a file was added). */
  uploadAttachments(): void
  /** New signalling, ICE or relay servers: reconnects with them. */
  reconfigure(settings: ConnectionSettings): Promise<void>
  /**
   * Resolves once another device or a relay has reported holding everything this device holds
   * now (a re-key entry must be in the old rooms before this device leaves them).
   */
  whenHeldElsewhere(): Promise<void>
  /**
   * The workspace moved to a new secret (docs/trust.md, "Removing a member"): reconnects in the
   * rooms derived from it, with no relay cursor, so this device's whole state goes up there.
   */
  rekey(secret: WorkspaceSecret): Promise<void>
  destroy(): Promise<void>
}

/**
 * What was refused, for whoever looks at the console (a member's device sending something odd
 * is worth knowing about); at most a few lines a minute, so a flood cannot fill the log.
 */
const warnRejected = (() => {
  const warn = makeConsoleBudget()
  return (source: 'signalling' | 'tab' | 'peer', reason: string): void => {
    const from = { signalling: 'the signalling server', tab: 'another tab', peer: 'a connected device' }[source]
    warn(`Mutual sync ignored ${reason}, from ${from}.`)
  }
})()

/**
 * Live sync of one workspace: the sync core. It opens the transports (peers and tabs through
 * y-webrtc; the relay, when one is set), hands them this device's own changes, keeps presence
 * and the "seen" digest, and says how things stand. Live sync pauses while the browser is
 * offline (tabs of one browser stay in step).
 */
export const startWorkspaceSync = (options: WorkspaceSyncOptions): WorkspaceSync => {
  const { doc } = options
  mark('start')
  const network = options.network ?? browserNetwork
  const presence = makeLocalPresence(doc, options.user, options.deviceId)
  const { awareness } = presence
  const documents = makeDocumentSet(doc)
  let settings: Required<ConnectionSettings> = {
    signallingUrls: [...options.signallingUrls],
    iceServers: [...options.iceServers],
    relayUrls: [...(options.relayUrls ?? [])]
  }
  let relayState = options.relayState ?? null
  let secret = options.secret
  /** Waiting for the relay or a peer to hold a state this device had (whenHeldElsewhere). */
  const heldWaiters = new Set<() => boolean>()
  let destroyed = false
  let status: SyncStatus = INITIAL_SYNC_STATUS
  const listeners = new Set<() => void>()

  /** A relay sent an attachment that was altered (relay/relay-files.ts): shown until the page reloads. */
  let relayFileProblem: string | null = null
  /** A relay had no room for a photo or file (its room's file quota): shown until it stores one. */
  let relayFilesFull = false
  /**
   * What the trust check refused from other devices (changes, and states on WebRTC and from the
   * relay): the refusal stands, and the person sees it in the Sync status, not only the console.
   */
  const refusedIncoming = makeRefusedIncomingRecord({ onChange: () => refresh() })
  const trust: TrustSetup | undefined = options.trust && { ...options.trust, onRefusedIncoming: refusedIncoming.record }
  const refresh = (): void => {
    if (destroyed) return
    const peerStatus = webrtc.status()
    const tabs = peerStatus.tabsReachable ? presence.countTabs() : 0
    const liveRelay = { ...relay.status(), filesFull: relayFilesFull }
    const relayStatus: RelayStatus = relayFileProblem ? { ...liveRelay, state: 'refused', problem: relayFileProblem } : liveRelay
    // The relay carries presence too: while it is live, the others' presence is current.
    const relayLive = liveRelay.state === 'sending' || liveRelay.state === 'synced'
    if (peerStatus.peers === 0 && tabs === 0 && !relayLive && (status.peers > 0 || status.tabs > 0 || peerStatus.signalling === 'offline')) {
      presence.forgetOthers()
    }
    seen.check()
    const next = makeSyncStatus({
      signalling: peerStatus.signalling,
      peers: peerStatus.peers,
      tabs,
      local: tracker.summary(),
      acknowledged: seen.acknowledged(),
      relayHeld: relay.heldSummaries(),
      lastSyncedAt: seen.lastSyncedAt(),
      relay: relayStatus,
      refusedIncoming: refusedIncoming.summary()
    })
    for (const isHeld of [...heldWaiters]) if (isHeld()) heldWaiters.delete(isHeld)
    if (sameStatus(next, status)) return
    status = next
    listeners.forEach((listener) => listener())
  }

  const tracker = trackState(doc, () => seen.publishNow())
  const seen = startSeenDigest({
    doc,
    awareness,
    deviceId: options.deviceId,
    tracker: () => tracker,
    publish: (digest) => presence.set({ seen: digest }),
    acknowledged: options.acknowledged ?? null,
    lastSyncedAt: options.lastSyncedAt ?? null,
    onAcknowledged: options.onAcknowledged,
    onChange: refresh
  })

  const attachments = makeAttachmentExchange({
    links: () => webrtc.peerLinks(),
    source: options.attachmentSource ?? { read: async () => null },
    onRejected: (reason) => (options.onRejected ?? warnRejected)('peer', reason)
  })
  const attachmentHashes = options.attachmentSource?.hashes
  const makeFiles = (): ReturnType<typeof makeRelayFiles> | null =>
    attachmentHashes
    ? makeRelayFiles({
        urls: () => settings.relayUrls,
        secret,
        source: { hashes: attachmentHashes, read: (hash) => (options.attachmentSource as AttachmentSource).read(hash) },
        online: () => network.online(),
        onProblem: (message, kind) => {
          console.warn(`Mutual: ${message}`)
          // An altered file is shown like an altered entry: the person is told, in the Sync status.
          if (kind === 'altered') relayFileProblem = message
          // No room for files: the person is told what to do, in the Sync status (relay-notice.ts).
          if (kind === 'full') relayFilesFull = true
          refresh()
        },
        onStored: () => {
          if (!relayFilesFull) return
          relayFilesFull = false
          refresh()
        },
        socket: options.relaySocket ?? browserSocket
      })
    : null
  let relayFiles = makeFiles()
  // A relay's backlog and each peer's answer are the same lab: one whole state at a time.
  const asks = makeStateAsks()
  const makeWebrtc = (): WebrtcTransport =>
    makeWebrtcTransport({
      doc,
      awareness,
      workspaceId: options.workspaceId,
      secret,
      settings,
      onRejected: options.onRejected ?? warnRejected,
      reachablePeers: () => presence.reachablePeers(),
      onPeerId: (peer) => presence.set({ peer }),
      restorePresence: () => presence.restore(),
      online: () => network.online(),
      attachments,
      wrtc: options.wrtc,
      trust,
      asks,
      documents
    })
  // The relay's side of the trust gate (docs/trust.md, "Relay entries"), for the sync's whole
  // life: what the relay delivers is applied under RELAY only once it passes.
  const relayChannel = trust
    ? makeTrustChannel({ ...trust, doc, workspaceId: options.workspaceId, origin: RELAY, apply: (update, origin) => Y.applyUpdate(doc, update, origin) })
    : null
  const makeRelay = (): RelayTransport =>
    makeRelayTransport({
      urls: settings.relayUrls,
      doc,
      awareness,
      secret,
      relayState,
      onRelayState: (state) => {
        relayState = state
        options.onRelayState?.(state)
      },
      whenStored: options.whenStored,
      localSummary: () => tracker.summary(),
      online: () => network.online(),
      socket: options.relaySocket,
      timing: options.relayTiming,
      backlogOnItsWay: (source) => asks.awaiting(source),
      ...(relayChannel && trust ? { trust: relayTrustOf(relayChannel, trust, options.workspaceId) } : {}),
      artifacts: {
        documents,
        ...(trust ? { trustFor: relayDocumentTrust(trust, options.workspaceId) } : {}),
        ...(options.holdArtifact ? { hold: options.holdArtifact } : {}),
        ...(options.storedArtifacts ? { stored: options.storedArtifacts } : {})
      }
    })
  let webrtc = makeWebrtc()
  let relay = makeRelay()
  const transports = (): [WebrtcTransport, RelayTransport] => [webrtc, relay]
  let unsubscribers: (() => void)[] = []

  const stopForwarding = forwardLocalChanges(doc, transports, (origin) => {
    if (webrtc.isOwnOrigin(origin)) mark('first-remote-update')
  })
  const onAwareness = (): void => refresh()
  awareness.on('change', onAwareness)

  const openAll = async (): Promise<void> => {
    unsubscribers = transports().map((t) => t.subscribe(refresh))
    await Promise.all(transports().map((t) => t.open()))
    refresh()
  }
  const closeAll = async (): Promise<void> => {
    unsubscribers.forEach((stop) => stop())
    unsubscribers = []
    await Promise.all(transports().map((t) => t.destroy()))
  }

  const onNetwork = (): void => {
    for (const transport of transports()) transport.networkChanged(network.online())
    // Photos taken offline go up as soon as the device is back.
    if (network.online()) relayFiles?.uploadSoon()
    refresh()
  }
  const stopWatchingNetwork = network.subscribe(onNetwork)
  const stopMaintenance = startMaintenance((polls) => {
    refresh()
    webrtc.maintain(polls, status.peers === 0)
  })

  let opening = openAll().catch(() => refresh())
  relayFiles?.uploadSoon()

  /** Closes every transport and opens them again with the current settings and secret. */
  const reopen = async (): Promise<void> => {
    await opening
    await closeAll()
    if (destroyed) return
    // Closing y-webrtc's room cleared this device's presence (y-webrtc's disconnect does), and
    // nothing else puts it back: without this, after new settings nobody (through the relay or
    // a peer) would see this person here again until the page reloaded.
    presence.restore()
    webrtc = makeWebrtc()
    relay = makeRelay()
    opening = openAll().catch(() => refresh())
    relayFiles?.uploadSoon()
    await opening
  }

  return {
    awareness,
    documents,
    status: () => status,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    setView: (view) => presence.setView(view),
    clockOffset: (device) => presence.clockOffset(device),
    flush: () => relay.flush(),
    fetchAttachment: async (hash) => (await attachments.fetch(hash)) ?? (relayFiles && !destroyed ? relayFiles.fetch(hash) : null),
    uploadAttachments: () => relayFiles?.uploadSoon(),
    async reconfigure(next) {
      settings = { signallingUrls: [...next.signallingUrls], iceServers: [...next.iceServers], relayUrls: [...(next.relayUrls ?? [])] }
      await reopen()
    },
    whenHeldElsewhere() {
      const target = tracker.summary()
      const isHeld = (): boolean => {
        const local = target ?? tracker.summary()
        return local !== null && (covers(seen.acknowledged(), local) || relay.heldSummaries().some((held) => covers(held, local)))
      }
      // Tell the others what this device holds now, not at the next quiet moment: a device
      // waiting for the same answer hears it before this one leaves (and stops answering).
      seen.publishNow()
      if (isHeld()) return Promise.resolve()
      return new Promise<void>((resolve) => {
        heldWaiters.add(() => {
          if (!isHeld() && !destroyed) return false
          resolve()
          return true
        })
      })
    },
    async rekey(next) {
      secret = next
      // The cursor and what the relay holds belong to the old room; the new one starts empty.
      relayState = null
      relayFiles?.destroy()
      relayFiles = makeFiles()
      await reopen()
    },
    async destroy() {
      if (destroyed) return
      destroyed = true
      for (const isHeld of [...heldWaiters]) isHeld()
      heldWaiters.clear()
      stopWatchingNetwork()
      stopMaintenance()
      attachments.destroy()
      relayFiles?.destroy()
      seen.destroy()
      refusedIncoming.destroy()
      stopForwarding()
      awareness.off('change', onAwareness)
      tracker.destroy()
      listeners.clear()
      await opening
      await closeAll()
      relayChannel?.destroy()
      presence.destroy()
      asks.stop()
    }
  }
}
