import { syncEn } from '../../domain/i18n/areas/sync.en'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { RELAY } from '../../crdt/origins'
import type { WorkspaceSecret } from '../../domain/ids'
import { MAX_REMEMBERED_RELAYS, type StoredRelayCursor, type StoredRelayState } from '../../domain/relay-state'
import { RELAY_OFF, type RelayState, type RelayStatus } from '../../domain/sync-status'
import type { StateSummary } from '../state-summary'
import type { LocalChange, Transport, TransportLifecycle } from '../transport'
import { startRelayConnection, type RelayConnection } from './relay-connection'
import type { RelayTrust } from './relay-trust'
import type { RelayArtifactsOptions } from './relay-artifacts'
import { deriveRelayKeys } from './relay-keys'
import { browserSocket, type RelaySocketFactory } from './relay-socket'
import { DEFAULT_RELAY_TIMING, type RelayTiming } from './relay-timing'
import { checkRelayUpdate, readyRelayUpdateCheck, type UpdateCheck } from './relay-update-check'

export interface RelayTransportOptions {
  urls: readonly string[]
  doc: Y.Doc
  awareness: Awareness
  secret: WorkspaceSecret
  relayState: StoredRelayState | null
  onRelayState?: (state: StoredRelayState) => void
  /**
   * See RelayConnectionOptions.whenStored. Absent: the doc is not stored by this device (tests,
   * benchmarks), so there is nothing to wait for.
   */
  whenStored?: () => Promise<boolean>
  localSummary: () => StateSummary | null
  online: () => boolean
  socket?: RelaySocketFactory
  timing?: Partial<RelayTiming>
  checkUpdate?: UpdateCheck
  random?: () => number
  /** See RelayConnectionOptions.backlogOnItsWay; `source` names the relay. */
  backlogOnItsWay?: (source: string) => () => void
  /** See RelayConnectionOptions.trust: absent while signed sync is off. */
  trust?: RelayTrust
  /** See RelayConnectionOptions.artifacts. */
  artifacts?: RelayArtifactsOptions
}

export interface RelayTransport extends Transport<RelayStatus> {
  /** What each relay is known to hold: a copy this device need not worry about losing. */
  heldSummaries(): StateSummary[]
  /** Upload now whatever a relay lacks (the core's maintenance asks every so often). */
  reconcile(): void
  /** Saves each relay's cursor now (the page is being hidden or closed). */
  flush(): void
}

/** Better first: the state shown when several relays are set is the best of them. */
const RANK: RelayState[] = ['synced', 'sending', 'connecting', 'unavailable', 'full', 'unreachable', 'refused', 'off']

/** Several relays as one status: a refusal always shows (someone tampered); otherwise the best. */
export const combineRelayStatus = (statuses: readonly RelayStatus[]): RelayStatus => {
  if (statuses.length === 0) return RELAY_OFF
  const refused = statuses.find((s) => s.state === 'refused')
  const best = refused ?? [...statuses].sort((a, b) => RANK.indexOf(a.state) - RANK.indexOf(b.state))[0] as RelayStatus
  const heldAts = statuses.map((s) => s.heldAt).filter((at): at is number => at !== null)
  return { ...best, heldAt: heldAts.length > 0 ? Math.max(...heldAts) : null, gap: statuses.some((s) => s.gap), filesFull: statuses.some((s) => s.filesFull) }
}

/**
 * The relay transport: one connection per configured relay (usually one), each with its own
 * cursor, remembered per workspace through `onRelayState`.
 */
export const RELAY_KEYS_PROBLEM = syncEn['sync.relayProblem.keys']

const nothingToStore = (): Promise<boolean> => Promise.resolve(true)

export const makeRelayTransport = (options: RelayTransportOptions): RelayTransport => {
  const timing: RelayTiming = { ...DEFAULT_RELAY_TIMING, ...options.timing }
  const listeners = new Set<() => void>()
  const cursors = new Map<string, StoredRelayCursor>((options.relayState?.relays ?? []).map((c) => [c.url, c]))
  let connections: RelayConnection[] = []
  let lifecycle: TransportLifecycle = 'idle'
  let setupProblem: string | null = null
  const notify = (): void => listeners.forEach((listener) => listener())

  const remember = (cursor: StoredRelayCursor): void => {
    cursors.delete(cursor.url)
    cursors.set(cursor.url, cursor)
    // The configured relays stay; of the others, the most recently used.
    const keep = [...cursors.values()].filter((c) => options.urls.includes(c.url) || c === cursor)
    const others = [...cursors.values()].filter((c) => !keep.includes(c))
    const relays = [...others, ...keep].slice(-MAX_REMEMBERED_RELAYS)
    options.onRelayState?.({ relays })
  }

  return {
    name: 'relay',
    lifecycle: () => lifecycle,
    isOwnOrigin: (origin) => origin === RELAY,
    async open() {
      if (lifecycle !== 'idle' && lifecycle !== 'closed') return
      lifecycle = 'opening'
      setupProblem = null
      // A secret the keys cannot be made from (a damaged stored workspace) must not leave the
      // relay silently off: the person is told, and the rest of sync carries on without it.
      const keys = options.urls.length > 0 ? await deriveRelayKeys(options.secret).catch(() => null) : null
      if ((lifecycle as TransportLifecycle) !== 'opening') return
      if (options.urls.length > 0 && !keys) setupProblem = RELAY_KEYS_PROBLEM
      const onItsWay = options.backlogOnItsWay
      connections = keys
        ? [...new Set(options.urls)].map((url) =>
            startRelayConnection({
              url,
              doc: options.doc,
              awareness: options.awareness,
              keys,
              cursor: cursors.get(url) ?? null,
              onCursor: remember,
              whenStored: options.whenStored ?? nothingToStore,
              localSummary: options.localSummary,
              onStatus: notify,
              socket: options.socket ?? browserSocket,
              timing,
              checkUpdate: options.checkUpdate ?? checkRelayUpdate,
              // A check of the caller's own is readied by the caller.
              readyCheck: options.checkUpdate ? undefined : readyRelayUpdateCheck,
              ...(onItsWay ? { backlogOnItsWay: () => onItsWay(`relay ${url}`) } : {}),
              online: options.online,
              random: options.random ?? Math.random,
              ...(options.trust ? { trust: options.trust } : {}),
              ...(options.artifacts ? { artifacts: options.artifacts } : {})
            })
          )
        : []
      lifecycle = 'open'
      notify()
    },
    send(change: LocalChange) {
      for (const connection of connections) connection.send(change)
    },
    status: () =>
      setupProblem ? { ...RELAY_OFF, state: 'refused', problem: setupProblem } : combineRelayStatus(connections.map((c) => c.status())),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    networkChanged() {
      for (const connection of connections) connection.networkChanged()
    },
    heldSummaries: () => connections.map((c) => c.held()),
    reconcile() {
      for (const connection of connections) connection.reconcile()
    },
    flush() {
      for (const connection of connections) connection.flush()
    },
    async close() {
      if (lifecycle === 'destroyed') return
      for (const connection of connections) connection.destroy()
      connections = []
      lifecycle = 'closed'
    },
    async destroy() {
      if (lifecycle === 'destroyed') return
      for (const connection of connections) connection.destroy()
      connections = []
      lifecycle = 'destroyed'
      listeners.clear()
    }
  }
}
