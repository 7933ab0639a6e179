import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { Observable } from 'lib0/observable'
import type { WebrtcProvider } from 'y-webrtc'
import { dropSilentConnections, hardenProvider, reviveProvider } from '../../../src/sync/y-webrtc-hardening'

/** A WebRTC connection as y-webrtc holds it: a simple-peer (an event emitter) and its state. */
const makeConn = (initiator = true) => {
  const peer = Object.assign(new EventEmitter(), {
    initiator,
    send: (_data: Uint8Array) => {},
    _channel: { readyState: 'open', bufferedAmount: 0, addEventListener: () => {} },
    _pc: null
  })
  peer.on('data', () => {})
  const conn = { peer, connected: false, destroyed: 0, destroy: () => conn.destroyed++ }
  return conn
}

/** A provider whose room holds the given connections, guarded as the app guards one. */
const guarded = (conns: ReturnType<typeof makeConn>[], key: CryptoKey | null = null) => {
  const provider = Object.assign(new Observable<string>(), {
    key: Promise.resolve(key),
    shouldConnect: true,
    maxConns: 8,
    signalingConns: [] as unknown[],
    peerOpts: {},
    room: {
      name: 'room',
      peerId: 'me',
      bcConns: new Set<string>(),
      _bcSubscriber: async () => {},
      webrtcConns: new Map(conns.map((c, i) => [`peer-${i}`, c]))
    }
  }) as unknown as WebrtcProvider
  const stop = hardenProvider(provider, 'room', () => {}, () => {})
  provider.emit('peers', [{ added: [], removed: [], webrtcPeers: [], bcPeers: [] }])
  return { provider, stop }
}

describe('connections that went silent', () => {
  it('drops a connection that opened but never answered, and one silent too long; keeps one that talks', () => {
    const [neverAnswered, wentQuiet, talking] = [makeConn(), makeConn(), makeConn()]
    const { provider, stop } = guarded([neverAnswered, wentQuiet, talking])
    const opened = Date.now()
    for (const conn of [neverAnswered, wentQuiet, talking]) {
      conn.connected = true
      conn.peer.emit('connect')
    }
    wentQuiet.peer.emit('data', new Uint8Array([0, 0]))
    talking.peer.emit('data', new Uint8Array([0, 0]))

    // Just opened, or opened a few seconds ago on a slow device: everyone gets time to answer.
    expect(dropSilentConnections(provider, opened + 1_000)).toBe(0)
    expect(dropSilentConnections(provider, opened + 6_000)).toBe(0)
    // No answer at all after ten seconds on a device that is not busy: dead.
    expect(dropSilentConnections(provider, opened + 11_000)).toBe(1)
    expect(neverAnswered.destroyed).toBe(1)
    // y-webrtc forgets a connection once it has closed.
    provider.room?.webrtcConns.delete('peer-0')
    // A connection that answered once is given far longer (peers answer every 10 s).
    expect(wentQuiet.destroyed).toBe(0)
    expect(dropSilentConnections(provider, opened + 20_000)).toBe(0)
    expect(dropSilentConnections(provider, Date.now() + 26_000)).toBe(2)
    expect(wentQuiet.destroyed).toBe(1)
    stop()
  })
})

describe('connections still being set up', () => {
  it('are not dropped while their setup keeps moving, only once it stopped for a long time', async () => {
    const slow = makeConn()
    const { provider, stop } = guarded([slow])
    const started = Date.now()
    // ICE keeps progressing on a loaded machine; the old rule dropped it 12 s after it appeared.
    slow.peer.emit('iceStateChange', 'checking', 'complete')
    await reviveProvider(provider, false, started + 13_000)
    expect(dropSilentConnections(provider, started + 13_000)).toBe(0)
    expect(slow.destroyed).toBe(0)
    // Nothing more happens on it: after a generous wait it is given up.
    expect(dropSilentConnections(provider, Date.now() + 21_000)).toBe(1)
    expect(slow.destroyed).toBe(1)
    stop()
  })
})

describe('announcing again while alone', () => {
  it('backs off while nobody answers, instead of announcing every 4 s to the whole room', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
    const { provider, stop } = guarded([], key)
    const published: unknown[] = []
    provider.signalingConns = [
      { connected: true, send: (message: { type: string }) => message.type === 'publish' && published.push(message) }
    ] as unknown as typeof provider.signalingConns
    // The app's sync calls this every 4 s while alone; over two minutes, 30 calls.
    const start = Date.now()
    for (let i = 0; i < 30; i++) await reviveProvider(provider, false, start + i * 4_000)
    expect(published.length).toBeGreaterThan(2)
    expect(published.length).toBeLessThan(10)
    stop()
  })
})
