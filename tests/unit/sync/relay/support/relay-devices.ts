import { rmSync } from 'node:fs'
import { afterAll, beforeAll } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { makeRelayDataDir } from '../../../../e2e/support/relay-data-dir'
import { WebSocket } from '../../../relay/support/relay-client'
import { DEFAULT_RELAY_LIMITS } from '../../../../../scripts/relay/limits.mjs'
import { openPgliteStore } from '../../../../../scripts/relay/pglite-store.mjs'
import { openPgliteThread, type PgliteThread } from '../../../../../scripts/relay/pglite-thread.mjs'
import { startRelayServer } from '../../../../../scripts/relay-server.mjs'
import type { RelayLimits } from '../../../../../scripts/relay/limits.mjs'
import type { RelayStore } from '../../../../../scripts/relay/store.mjs'
import type { WorkspaceSecret } from '../../../../../src/domain/ids'
import type { StoredRelayState } from '../../../../../src/domain/relay-state'
import { forwardLocalChanges } from '../../../../../src/sync/local-changes'
import type { RelaySocket } from '../../../../../src/sync/relay/relay-socket'
import type { RelayTiming } from '../../../../../src/sync/relay/relay-timing'
import { makeRelayTransport, type RelayTransport } from '../../../../../src/sync/relay/relay-transport'
import type { RelayTrust } from '../../../../../src/sync/relay/relay-trust'
import type { RelayArtifactsOptions } from '../../../../../src/sync/relay/relay-artifacts'
import { trackState, type StateTracker } from '../../../../../src/sync/state-summary'

/**
 * The real relay (scripts/relay-server.mjs over PGlite in a temporary folder) and devices
 * (a Y.Doc with the app's relay transport over the `ws` package's WebSocket) for tests and
 * benchmarks. Nothing of the relay is mocked.
 */
export const nodeSocket = (url: string): RelaySocket => new WebSocket(url) as unknown as RelaySocket

export interface TestRelay {
  url: string
  port: number
  db: PgliteThread
  schema: string
  store: RelayStore
  /** Stops the relay's HTTP server (the database stays). */
  stop(): Promise<void>
  /** Starts it again on the same port, over the same database. */
  restart(): Promise<void>
  close(): Promise<void>
}

let schemas = 0

/**
 * One PGlite cluster for every relay of a test file, opened before its first test and closed
 * after its last. Setting a cluster up (PGlite's initdb) takes seconds, more on a busy machine;
 * each relay keeps all its data in a schema of its own, so relays in turn need no more than that.
 */
export const usePgliteCluster = (): (() => PgliteThread) => {
  let folder: string | null = null
  let db: PgliteThread | null = null
  beforeAll(async () => {
    folder = await makeRelayDataDir('mutual-relay-client-test-')
    db = await openPgliteThread({ dataDir: folder })
  })
  afterAll(async () => {
    await db?.close()
    if (folder) rmSync(folder, { recursive: true, force: true })
  })
  return () => {
    if (!db) throw new Error('The PGlite cluster is not open')
    return db
  }
}

/**
 * A relay over PGlite in a schema of its own: in `cluster` (see usePgliteCluster), which it
 * leaves open, or else in a cluster of its own in a temporary folder, which close() removes.
 */
export const startPgliteRelay = async (limits: Partial<RelayLimits> = {}, cluster?: PgliteThread): Promise<TestRelay> => {
  const folder = cluster ? null : await makeRelayDataDir('mutual-relay-client-test-')
  const db = cluster ?? (await openPgliteThread({ dataDir: folder as string }))
  const schema = `relay_client_${process.pid}_${++schemas}`
  const store = await openPgliteStore({
    db,
    schema,
    maxRoomBytes: limits.maxRoomBytes ?? DEFAULT_RELAY_LIMITS.maxRoomBytes,
    maxRooms: limits.maxRooms ?? DEFAULT_RELAY_LIMITS.maxRooms,
    queryTimeoutMs: 60_000
  })
  let running: Awaited<ReturnType<typeof startRelayServer>> | null = await startRelayServer({ host: '127.0.0.1', port: 0, store, limits })
  const url = running.url
  const port = Number(new URL(url).port)
  return {
    url,
    port,
    db,
    schema,
    store,
    async stop() {
      await running?.close()
      running = null
    },
    async restart() {
      running = await startRelayServer({ host: '127.0.0.1', port, store, limits })
    },
    async close() {
      await running?.close()
      running = null
      await store.close()
      if (cluster) return
      await db.close()
      if (folder) rmSync(folder, { recursive: true, force: true })
    }
  }
}

export interface TestDevice {
  doc: Y.Doc
  awareness: Awareness
  transport: RelayTransport
  stored: StoredRelayState | null
  destroy(): Promise<void>
}

/** Short timings so tests wait on conditions for seconds, not minutes. */
export const TEST_TIMING: Partial<RelayTiming> = {
  batchMs: 20,
  reconcileMs: 300,
  summaryRetryMs: 20,
  persistMs: 20,
  backoff: { baseMs: 50, maxMs: 500 },
  compactDelayMs: [20, 60]
}

export const startDevice = (options: {
  url: string
  secret: WorkspaceSecret
  doc?: Y.Doc
  stored?: StoredRelayState | null
  timing?: Partial<RelayTiming>
  /** When the device's state summary gets counted (the app counts it once the page is idle); at once by default. */
  countSummary?: (count: () => void) => void
  /** The trust gate, as the app gives its relay with signed sync; absent, the device sends and reads unsigned entries. */
  trust?: RelayTrust
  /** As the app's sync core gives it (state-asks.ts): a large backlog holds asks to peers. */
  backlogOnItsWay?: (source: string) => () => void
  /** The artifact documents, as the app's sync core gives them (workspace-sync.ts). */
  artifacts?: RelayArtifactsOptions
}): TestDevice => {
  const doc = options.doc ?? new Y.Doc({ gc: false })
  const tracker: StateTracker = trackState(doc, () => {}, options.countSummary ?? ((task) => task()))
  const awareness = new Awareness(doc)
  const device: TestDevice = {
    doc,
    awareness,
    stored: options.stored ?? null,
    transport: null as unknown as RelayTransport,
    async destroy() {
      stopForwarding()
      await transport.destroy()
      tracker.destroy()
      awareness.destroy()
    }
  }
  const transport = makeRelayTransport({
    urls: [options.url],
    doc,
    awareness,
    secret: options.secret,
    relayState: device.stored,
    onRelayState: (state) => (device.stored = state),
    localSummary: () => tracker.summary(),
    online: () => true,
    socket: nodeSocket,
    timing: { ...TEST_TIMING, ...options.timing },
    ...(options.backlogOnItsWay ? { backlogOnItsWay: options.backlogOnItsWay } : {}),
    ...(options.trust ? { trust: options.trust } : {}),
    ...(options.artifacts ? { artifacts: options.artifacts } : {})
  })
  device.transport = transport
  const stopForwarding = forwardLocalChanges(doc, () => [transport])
  void transport.open()
  return device
}
