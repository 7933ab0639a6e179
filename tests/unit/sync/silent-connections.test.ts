import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { Observable } from 'lib0/observable'
import type { WebrtcProvider } from 'y-webrtc'
import { dropSilentConnections, hardenProvider } from '../../../src/sync/y-webrtc-hardening'

/** A WebRTC connection as y-webrtc holds it: a simple-peer (an event emitter) and its state. */
const makeConn = () => {
  const peer = Object.assign(new EventEmitter(), {
    send: (_data: Uint8Array) => {},
    _channel: { readyState: 'open', bufferedAmount: 0, addEventListener: () => {} },
    _pc: null
  })
  peer.on('data', () => {})
  const conn = { peer, connected: false, destroyed: 0, destroy: () => conn.destroyed++ }
  return conn
}

/** A provider whose room holds the given connections, guarded as the app guards one. */
const guarded = (conns: ReturnType<typeof makeConn>[]) => {
  const provider = Object.assign(new Observable<string>(), {
    key: Promise.resolve(null),
    shouldConnect: true,
    signalingConns: [],
    room: { webrtcConns: new Map(conns.map((c, i) => [`peer-${i}`, c])) }
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

    // Just opened: everyone gets time to answer.
    expect(dropSilentConnections(provider, opened + 1_000)).toBe(0)
    // No answer at all after five seconds: dead.
    expect(dropSilentConnections(provider, opened + 6_000)).toBe(1)
    expect(neverAnswered.destroyed).toBe(1)
    neverAnswered.connected = false
    // A connection that answered once is given far longer (peers answer every 10 s).
    expect(wentQuiet.destroyed).toBe(0)
    expect(dropSilentConnections(provider, opened + 20_000)).toBe(0)
    expect(dropSilentConnections(provider, Date.now() + 26_000)).toBe(2)
    expect(wentQuiet.destroyed).toBe(1)
    stop()
  })
})
