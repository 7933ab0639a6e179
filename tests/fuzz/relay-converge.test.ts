import { afterEach, describe, expect, it } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { makeWorkspaceSecret, type WorkspaceSecret } from '../../src/domain/ids'
import type { StoredRelayState } from '../../src/domain/relay-state'
import { forwardLocalChanges } from '../../src/sync/local-changes'
import { makeRelayTransport, type RelayTransport } from '../../src/sync/relay/relay-transport'
import type { RelayTiming } from '../../src/sync/relay/relay-timing'
import { trackState, type StateTracker } from '../../src/sync/state-summary'
import { InMemoryRelay, NO_FAULTS } from './in-memory-relay'
import { makePeerNetwork } from './in-memory-peers'
import { fuzzSeeds, makeRandom } from './seeded-random'

const DEVICES = 4
const STEPS = 120

/** Short timings so a run takes seconds; the logic is the app's. */
const TIMING: Partial<RelayTiming> = {
  batchMs: 5,
  reconcileMs: 150,
  ackTimeoutMs: 400,
  summaryRetryMs: 20,
  persistMs: 10,
  backoff: { baseMs: 5, maxMs: 80 },
  compactDelayMs: [5, 40],
  compactMinBytes: 1024,
  partBytes: 256
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

interface Device {
  doc: Y.Doc
  awareness: Awareness
  tracker: StateTracker
  transport: RelayTransport | null
  stopForwarding: () => void
  stored: StoredRelayState | null
}

/** The text, and the map's entries in key order (a Y.Map's own order depends on arrival). */
const contentOf = (doc: Y.Doc): string =>
  JSON.stringify({ text: doc.getText('t').toString(), map: Object.entries(doc.getMap('m').toJSON()).sort(([a], [b]) => a.localeCompare(b)) })

let cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/**
 * Devices that are never connected to each other (bar one pair of peers) edit one document
 * while the relay between them delays, duplicates, reorders and drops entries, loses APPENDs,
 * drops connections and restarts, and devices compact: once the faults stop, every device
 * must hold the same document.
 */
describe('devices syncing through a misbehaving relay', () => {
  for (const seed of fuzzSeeds(4, 11)) {
    it(`converge (seed ${seed})`, async () => {
      const random = makeRandom(seed)
      const relay = new InMemoryRelay(random)
      const secret: WorkspaceSecret = makeWorkspaceSecret()
      const devices: Device[] = Array.from({ length: DEVICES }, () => {
        const doc = new Y.Doc({ gc: false })
        return { doc, awareness: new Awareness(doc), tracker: trackState(doc, () => {}, (task) => task()), transport: null, stopForwarding: () => {}, stored: null }
      })
      const peers = makePeerNetwork(devices.slice(0, 2).map((d) => d.doc), random)
      const goOnline = (device: Device): void => {
        const transport = makeRelayTransport({
          urls: ['ws://relay.test/relay'],
          doc: device.doc,
          awareness: device.awareness,
          secret,
          relayState: device.stored,
          onRelayState: (state) => (device.stored = state),
          localSummary: () => device.tracker.summary(),
          online: () => true,
          socket: relay.socket,
          timing: TIMING,
          random: random.next
        })
        device.transport = transport
        // Peers' changes arrive with origin 'network' (in-memory-peers.ts): not this device's own.
        device.stopForwarding = forwardLocalChanges(device.doc, () => [transport, { isOwnOrigin: (o: unknown) => o === 'network', send: () => {} }])
        void transport.open()
      }
      const goOffline = async (device: Device): Promise<void> => {
        device.stopForwarding()
        await device.transport?.destroy()
        device.transport = null
      }
      cleanups.push(async () => {
        for (const device of devices) await goOffline(device)
        relay.close()
      })
      devices.forEach(goOnline)

      try {
        relay.faults = { delay: 0.3, maxDelayMs: 30, duplicate: 0.1, dropDelivery: 0.1, dropAppend: 0.05, disconnect: 0.01, ackFaults: 0.05 }
        for (let step = 0; step < STEPS; step++) {
          const device = random.pick(devices)
          const text = device.doc.getText('t')
          const roll = random.next()
          if (roll < 0.45) text.insert(random.int(text.length + 1), `${step}:${'x'.repeat(random.int(40))} `)
          else if (roll < 0.6 && text.length > 0) {
            const at = random.int(text.length)
            text.delete(at, Math.min(text.length - at, 1 + random.int(20)))
          } else if (roll < 0.75) device.doc.getMap('m').set(`k${random.int(10)}`, step)
          else if (roll < 0.82) peers.deliverOne()
          else if (roll < 0.87) {
            if (device.transport) await goOffline(device)
            else goOnline(device)
          } else if (roll < 0.89) relay.dropAll()
          await pause(random.int(8))
        }
        // Compaction ran while the relay misbehaved (else this would test far less than it says).
        await expect.poll(() => relay.stats.compactions, { timeout: 120_000, interval: 20 }).toBeGreaterThan(0)
        const compactedUnderFaults = relay.stats.compactions
        // The faults stop; everyone comes online; the relay restarts once (as devices that
        // missed a last entry find out only on their next connection); peers deliver the rest.
        relay.faults = NO_FAULTS
        for (const device of devices) if (!device.transport) goOnline(device)
        await pause(50)
        relay.dropAll()
        peers.settle()
        await expect
          .poll(() => new Set(devices.map((d) => contentOf(d.doc))).size, { timeout: 120_000, interval: 50 })
          .toBe(1)
        expect(new Set(devices.map((d) => Y.encodeStateVector(d.doc).join(','))).size).toBe(1)
        // Every device ends with the relay holding all it has.
        await expect.poll(() => devices.map((d) => d.transport?.status().state), { timeout: 120_000, interval: 50 }).toEqual(devices.map(() => 'synced'))
        // And a device that starts from the relay alone, after all that, gets the same document.
        expect(compactedUnderFaults).toBeGreaterThan(0)
        const fresh: Device = (() => {
          const doc = new Y.Doc({ gc: false })
          return { doc, awareness: new Awareness(doc), tracker: trackState(doc, () => {}, (task) => task()), transport: null, stopForwarding: () => {}, stored: null }
        })()
        devices.push(fresh)
        goOnline(fresh)
        await expect.poll(() => contentOf(fresh.doc), { timeout: 120_000, interval: 50 }).toBe(contentOf(devices[0]!.doc))
      } catch (error) {
        console.error(`relay-converge failed with seed ${seed} (replay: FUZZ_SEED=${seed}); relay stats ${JSON.stringify(relay.stats)}`)
        for (const d of devices) console.error(JSON.stringify(d.transport?.status()), JSON.stringify(d.stored), JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(d.doc))]), d.doc.store.pendingStructs ? 'pending' : '', d.doc.store.pendingDs ? 'pendingDs' : '', contentOf(d.doc).length, contentOf(d.doc).slice(0, 300))
        throw error
      }
    }, 240_000)
  }
})
