// An ERROR names the request it answers (its ref): a device tells a refused compaction from a
// refused change, and a compaction the relay cannot fit costs nothing but the compaction.
import { afterEach, expect, it } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { makeWorkspaceSecret } from '../../../../src/domain/ids'
import { forwardLocalChanges } from '../../../../src/sync/local-changes'
import { makeRelayTransport, type RelayTransport } from '../../../../src/sync/relay/relay-transport'
import { trackState } from '../../../../src/sync/state-summary'
import { InMemoryRelay } from '../../../fuzz/in-memory-relay'
import { makeRandom } from '../../../fuzz/seeded-random'

let cleanup: (() => Promise<void>) | null = null
afterEach(async () => {
  await cleanup?.()
  cleanup = null
})

it('keeps appending on the same connection, and says nothing is wrong, when a compaction does not fit', async () => {
  const relay = new InMemoryRelay(makeRandom(8))
  relay.compactionsDoNotFit = true
  const doc = new Y.Doc({ gc: false })
  const tracker = trackState(doc, () => {}, (task) => task())
  let connections = 0
  const transport: RelayTransport = makeRelayTransport({
    urls: ['ws://relay.test/relay'],
    doc,
    awareness: new Awareness(doc),
    secret: makeWorkspaceSecret(),
    relayState: null,
    localSummary: () => tracker.summary(),
    online: () => true,
    socket: (url) => {
      connections++
      return relay.socket(url)
    },
    timing: { batchMs: 5, compactDelayMs: [1, 5], compactMinBytes: 256, persistMs: 10, backoff: { baseMs: 5, maxMs: 50 } }
  })
  const stop = forwardLocalChanges(doc, () => [transport])
  cleanup = async () => {
    stop()
    await transport.destroy()
    tracker.destroy()
    relay.close()
  }
  await transport.open()
  const text = doc.getText('t')
  for (let i = 0; i < 40 && relay.stats.refusedCompactions === 0; i++) {
    text.insert(text.length, `Finding ${i}: the depot route changes on Tuesdays. `)
    await expect.poll(() => transport.status().state, { timeout: 60_000, interval: 5 }).toBe('synced')
  }
  expect(relay.stats.refusedCompactions).toBeGreaterThan(0)
  // The refusal was about the compaction only: no "relay full", no reconnect, and changes go on.
  text.insert(0, 'After the refusal. ')
  await expect.poll(() => transport.status().state, { timeout: 60_000, interval: 5 }).toBe('synced')
  expect(transport.status().problem).toBeNull()
  expect(connections).toBe(1)
})
