import { once } from 'node:events'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { WebSocketServer as WsServer, WebSocket as WsSocket } from 'ws'
import { afterEach, describe, expect, it } from 'vitest'
import { WebrtcProvider, type SignalingConn } from 'y-webrtc'
import * as Y from 'yjs'
import { hardenProvider, type OnRejected, type RejectedSource } from '../../../src/sync/y-webrtc-hardening'

// Node's ws by path, not the browser stub the unit project's "browser" condition would pick.
const require = createRequire(import.meta.url)
const ws = require(join(dirname(require.resolve('ws/package.json')), 'index.js')) as {
  WebSocket: typeof WsSocket
  WebSocketServer: typeof WsServer
}

const globals = globalThis as { WebSocket?: unknown }
const cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** Node 20 has no global WebSocket; lib0's signalling client (inside y-webrtc) needs one. */
const useNodeWebSocket = (): void => {
  const hadWebSocket = 'WebSocket' in globals
  const previous = globals.WebSocket
  globals.WebSocket = ws.WebSocket
  cleanups.push(() => {
    if (hadWebSocket) globals.WebSocket = previous
    else delete globals.WebSocket
  })
}

const startServer = async (): Promise<WsServer> => {
  const server = new ws.WebSocketServer({ host: '127.0.0.1', port: 0 })
  await once(server, 'listening')
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return server
}

/** A y-webrtc provider for a room, against the server on `port`, guarded as the app guards it. */
const startHardenedProvider = (roomName: string, port: number, onRejected: OnRejected): WebrtcProvider => {
  const doc = new Y.Doc()
  const provider = new WebrtcProvider(roomName, doc, { signaling: [`ws://127.0.0.1:${port}`], password: 'a'.repeat(43) })
  const unharden = hardenProvider(provider, roomName, onRejected, () => {})
  cleanups.push(async () => {
    unharden()
    provider.disconnect()
    provider.destroy()
    await provider.key
    doc.destroy()
  })
  return provider
}

/** Whether the condition came true within the limit (generous: this is not a timing test). */
const waitUntil = async (condition: () => boolean, limitMs = 10_000): Promise<boolean> => {
  const started = Date.now()
  while (!condition()) {
    if (Date.now() - started > limitMs) return false
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return true
}

describe('a malicious signalling server', () => {
  it('sending text that is not a JSON object is dropped and counted, never thrown, and the connection carries on', async () => {
    useNodeWebSocket()
    const uncaught: unknown[] = []
    const onUncaught = (error: unknown): void => {
      uncaught.push(error)
    }
    process.on('uncaughtException', onUncaught)
    cleanups.push(() => {
      process.off('uncaughtException', onUncaught)
    })

    // A "server" that, once a client has subscribed, sends garbage and then one valid message.
    const server = await startServer()
    const garbage = ['this is not JSON {', '{"type": "publish", "topic": ', '"a JSON string"', '42', 'null', '[1, 2]']
    server.on('connection', (socket: WsSocket) => {
      socket.once('message', () => {
        for (const text of garbage) socket.send(text)
        socket.send(JSON.stringify({ type: 'publish', topic: 'another room', data: 'still listening' }))
      })
    })
    const { port } = server.address() as { port: number }

    const rejected: { source: RejectedSource; reason: string }[] = []
    const provider = startHardenedProvider('signalling-garbage-test-room', port, (source, reason) => rejected.push({ source, reason }))
    const conn = provider.signalingConns[0] as SignalingConn
    const received: unknown[] = []
    conn.on('message', (message: unknown) => received.push(message))

    const carriedOn = await waitUntil(() => received.some((m) => (m as { data?: unknown }).data === 'still listening'))
    expect(uncaught).toEqual([])
    expect(carriedOn, 'the valid message after the garbage arrived').toBe(true)
    expect(rejected).toHaveLength(garbage.length)
    expect(rejected.every((r) => r.source === 'signalling')).toBe(true)
    expect(rejected.map((r) => r.reason)).toContain('a signalling message that is not JSON')
    expect(rejected.map((r) => r.reason)).toContain('a signalling message that is not a JSON object')
    // Nothing but the valid message reached y-webrtc's handlers, and the connection is still up.
    expect(received).toHaveLength(1)
    expect(conn.connected).toBe(true)
  }, 20_000)
})

describe('a signalling connection that is still opening', () => {
  it('drops what y-webrtc sends on it instead of throwing', async () => {
    useNodeWebSocket()
    const server = await startServer()
    const { port } = server.address() as { port: number }
    const roomName = 'signalling-opening-test-room'
    const provider = startHardenedProvider(roomName, port, () => {})
    const conn = provider.signalingConns[0] as SignalingConn
    // As after a reconnect: lib0 has a socket, not yet open, when y-webrtc's encryption finishes.
    expect((conn as unknown as { ws: { readyState: number } }).ws.readyState).toBe(0)
    expect(() => conn.send({ type: 'publish', topic: roomName, data: 'sealed' })).not.toThrow()
  })
})
