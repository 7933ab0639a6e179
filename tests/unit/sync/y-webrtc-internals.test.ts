import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import wrtc from '@roamhq/wrtc'
import { describe, expect, it } from 'vitest'
import { SignalingConn, WebrtcConn, WebrtcProvider } from 'y-webrtc'
import * as Y from 'yjs'
import { PINNED_Y_WEBRTC_VERSION } from '../../../src/sync/adapters/y-webrtc-internals'

const require = createRequire(import.meta.url)
const root = join(dirname(fileURLToPath(import.meta.url)), '../../..')
const versionOf = (name: string): string =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version
// Node's ws by path, not the browser stub the unit project's "browser" condition would pick:
// lib0's signalling client needs a WebSocket, which Node 20 lacks.
const ws = require(join(dirname(require.resolve('ws/package.json')), 'index.js')) as { WebSocket: unknown }
const declared = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies

/**
 * src/sync/adapters/y-webrtc-internals.ts reaches into y-webrtc, its simple-peer and lib0's
 * websocket client. This fails when an upgrade moves or retypes anything it relies on.
 */
describe('the y-webrtc internals the adapter relies on', () => {
  it('y-webrtc is pinned, exactly, to the version installed and adapted to', () => {
    expect(declared['y-webrtc']).toBe(PINNED_Y_WEBRTC_VERSION)
    expect(versionOf('y-webrtc')).toBe(PINNED_Y_WEBRTC_VERSION)
  })

  it('a room, a peer connection and a signalling connection have every field and method used, with its type', async () => {
    const doc = new Y.Doc()
    const provider = new WebrtcProvider(`internals-${Math.random()}`, doc, { signaling: [], password: 'a'.repeat(43), peerOpts: { wrtc } })
    await provider.key
    const room = provider.room
    expect(room).not.toBeNull()
    if (!room) return
    expect(typeof (room as unknown as { _bcSubscriber: unknown })._bcSubscriber).toBe('function')
    expect(room.webrtcConns).toBeInstanceOf(Map)
    expect(room.bcConns).toBeInstanceOf(Set)
    expect(typeof room.peerId).toBe('string')
    expect(typeof provider.peerOpts).toBe('object')

    // A signalling connection to a port nobody listens on: it exists and retries; nothing is sent.
    const globals = globalThis as { WebSocket?: unknown }
    const previous = globals.WebSocket
    globals.WebSocket = previous ?? ws.WebSocket
    const signalling = new SignalingConn('ws://127.0.0.1:9')
    const signallingInternals = signalling as unknown as { ws: unknown; _observers: unknown; send: unknown }
    expect('ws' in signalling).toBe(true)
    expect(signallingInternals._observers).toBeInstanceOf(Map)
    expect((signallingInternals._observers as Map<string, unknown>).get('message')).toBeInstanceOf(Set)
    expect(typeof signallingInternals.send).toBe('function')

    const conn = new WebrtcConn(signalling, true, 'someone', room)
    const peer = conn.peer as Record<string, unknown>
    expect(peer.initiator).toBe(true)
    for (const method of ['send', 'destroy', 'on', 'prependListener', 'listeners', 'removeAllListeners']) {
      expect(typeof peer[method], method).toBe('function')
    }
    expect((peer.listeners as (event: string) => unknown[]).call(peer, 'data')).toHaveLength(1)
    expect(peer._pc).toBeInstanceOf(wrtc.RTCPeerConnection)
    expect('sctp' in (peer._pc as object)).toBe(true)
    expect('_channel' in peer).toBe(true)

    conn.destroy()
    signalling.destroy()
    globals.WebSocket = previous
    provider.destroy()
    await provider.key
    doc.destroy()
  })
})
