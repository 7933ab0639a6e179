// A relay whose socket hangs (the upgrade accepted at TCP level, never answered; or opened and
// HELLO never answered) must not leave the device "connecting" for ever, nor keep another relay
// from bringing the workspace.
import { afterEach, describe, expect, it } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { makeWorkspaceSecret, type WorkspaceSecret } from '../../../../src/domain/ids'
import { forwardLocalChanges } from '../../../../src/sync/local-changes'
import type { RelaySocket, RelaySocketFactory } from '../../../../src/sync/relay/relay-socket'
import { makeRelayTransport, type RelayTransport } from '../../../../src/sync/relay/relay-transport'
import type { RelayTiming } from '../../../../src/sync/relay/relay-timing'
import { trackState } from '../../../../src/sync/state-summary'
import { InMemoryRelay } from '../../../fuzz/in-memory-relay'
import { makeRandom } from '../../../fuzz/seeded-random'

/** A socket that never opens or closes by itself; `answersOpen` opens it, then nothing more is ever said. */
class HungSocket implements RelaySocket {
  binaryType = 'blob'
  onopen: ((event: unknown) => void) | null = null
  onmessage: ((event: { data: unknown }) => void) | null = null
  onclose: ((event: unknown) => void) | null = null
  onerror: ((event: unknown) => void) | null = null
  closed = false
  sent = 0
  constructor(answersOpen: boolean) {
    if (answersOpen) setTimeout(() => this.onopen?.({}), 1)
  }
  send(): void {
    this.sent++
  }
  close(): void {
    this.closed = true
  }
}

/**
 * The browser's rule (RFC 6455 §4.1, kept by Chromium per address and port): only one socket
 * to a host may be connecting at a time; the next waits until that one opens or fails. In the
 * app both relays go through the app server's origin, so they share the host.
 */
const onePerHost = (make: RelaySocketFactory): RelaySocketFactory => {
  const waiting: (() => void)[] = []
  let busy = false
  const release = (): void => {
    busy = false
    waiting.shift()?.()
  }
  return (url) => {
    const outer: RelaySocket & { inner: RelaySocket | null; ended: boolean } = {
      binaryType: 'arraybuffer',
      onopen: null,
      onmessage: null,
      onclose: null,
      onerror: null,
      inner: null,
      ended: false,
      send: (data) => outer.inner?.send(data),
      close() {
        if (outer.ended) return
        outer.ended = true
        outer.inner?.close()
        const queued = waiting.indexOf(start)
        if (queued >= 0) waiting.splice(queued, 1)
        letGo()
      }
    }
    /** Whether this socket is the one connecting to the host. */
    let holdsHost = false
    const letGo = (): void => {
      if (!holdsHost) return
      holdsHost = false
      release()
    }
    const start = (): void => {
      busy = true
      holdsHost = true
      const inner = make(url)
      outer.inner = inner
      inner.onopen = (event) => {
        letGo()
        outer.onopen?.(event)
      }
      inner.onmessage = (event) => outer.onmessage?.(event)
      inner.onerror = (event) => outer.onerror?.(event)
      inner.onclose = (event) => {
        letGo()
        outer.onclose?.(event)
      }
    }
    if (busy) waiting.push(start)
    else start()
    return outer
  }
}

const HUNG_URL = 'ws://127.0.0.1:9/next-to-the-app'
const WORKING_URL = 'ws://127.0.0.1:10/working'
const TIMING: Partial<RelayTiming> = { batchMs: 5, persistMs: 10, reconcileMs: 100, summaryRetryMs: 5, backoff: { baseMs: 5, maxMs: 50 }, openTimeoutMs: 40 }

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const startDevice = (urls: string[], secret: WorkspaceSecret, socket: RelaySocketFactory): { doc: Y.Doc; transport: RelayTransport } => {
  const doc = new Y.Doc({ gc: false })
  const tracker = trackState(doc, () => {}, (task) => task())
  const transport = makeRelayTransport({
    urls,
    doc,
    awareness: new Awareness(doc),
    secret,
    relayState: null,
    localSummary: () => tracker.summary(),
    online: () => true,
    socket,
    timing: TIMING
  })
  const stop = forwardLocalChanges(doc, () => [transport])
  cleanups.push(async () => {
    stop()
    await transport.destroy()
    tracker.destroy()
  })
  return { doc, transport }
}

describe('a relay that hangs', () => {
  for (const answersOpen of [false, true]) {
    it(`gives up an attempt whose socket ${answersOpen ? 'opens but never answers HELLO' : 'never opens'}, says unreachable, and tries again`, async () => {
      const sockets: HungSocket[] = []
      const { transport } = startDevice([HUNG_URL], makeWorkspaceSecret(), () => {
        const socket = new HungSocket(answersOpen)
        sockets.push(socket)
        return socket
      })
      await transport.open()
      await expect.poll(() => transport.status().state, { timeout: 30_000, interval: 5 }).toBe('unreachable')
      // The attempt that hung was closed, and a new one made (with backoff).
      await expect.poll(() => sockets.length, { timeout: 30_000, interval: 5 }).toBeGreaterThanOrEqual(3)
      expect(sockets.slice(0, -1).every((s) => s.closed)).toBe(true)
      if (answersOpen) expect(sockets[0]?.sent).toBe(1)
    })
  }

  it('does not keep another relay from bringing the workspace, and shows the working relay', async () => {
    const relay = new InMemoryRelay(makeRandom(12))
    cleanups.push(() => relay.close())
    const secret = makeWorkspaceSecret()
    const hung: HungSocket[] = []
    const socket: RelaySocketFactory = (url) => {
      if (url !== HUNG_URL) return relay.socket(url)
      const s = new HungSocket(false)
      hung.push(s)
      return s
    }
    // The workspace's creator reaches only the working relay.
    const creator = startDevice([WORKING_URL], secret, socket)
    await creator.transport.open()
    creator.doc.getMap('workspace').set('name', 'Depot routes')
    await expect.poll(() => creator.transport.status().state, { timeout: 30_000, interval: 5 }).toBe('synced')
    // The joining device has both, the hung one first.
    const joiner = startDevice([HUNG_URL, WORKING_URL], secret, socket)
    await joiner.transport.open()
    await expect.poll(() => joiner.doc.getMap('workspace').get('name'), { timeout: 30_000, interval: 5 }).toBe('Depot routes')
    await expect.poll(() => joiner.transport.status().state, { timeout: 30_000, interval: 5 }).toBe('synced')
    // And its own change reaches the creator through the working relay.
    joiner.doc.getMap('workspace').set('purpose', 'Fewer missed collections')
    await expect.poll(() => creator.doc.getMap('workspace').get('purpose'), { timeout: 30_000, interval: 5 }).toBe('Fewer missed collections')
    expect(hung.length).toBeGreaterThan(0)
  })

  it('lets the working relay connect when the browser holds it behind the hung one (same host)', async () => {
    const relay = new InMemoryRelay(makeRandom(13))
    cleanups.push(() => relay.close())
    const secret = makeWorkspaceSecret()
    const creator = startDevice([WORKING_URL], secret, relay.socket)
    await creator.transport.open()
    creator.doc.getMap('workspace').set('name', 'Depot routes')
    await expect.poll(() => creator.transport.status().state, { timeout: 30_000, interval: 5 }).toBe('synced')
    const hung: HungSocket[] = []
    const joiner = startDevice(
      [HUNG_URL, WORKING_URL],
      secret,
      onePerHost((url) => {
        if (url !== HUNG_URL) return relay.socket(url)
        const s = new HungSocket(false)
        hung.push(s)
        return s
      })
    )
    await joiner.transport.open()
    await expect.poll(() => joiner.doc.getMap('workspace').get('name'), { timeout: 30_000, interval: 5 }).toBe('Depot routes')
    await expect.poll(() => joiner.transport.status().state, { timeout: 30_000, interval: 5 }).toBe('synced')
    expect(hung[0]?.closed).toBe(true)
  })
})
