import { once } from 'node:events'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { WebSocket as WsSocket } from 'ws'
import { afterEach, describe, expect, it } from 'vitest'
import { startSignallingServer, type SignallingTraffic } from '../../../scripts/signalling-server.mjs'

// Node's ws by path, not the browser stub the unit project's "browser" condition would pick.
const require = createRequire(import.meta.url)
const { WebSocket } = require(join(dirname(require.resolve('ws/package.json')), 'index.js')) as { WebSocket: typeof WsSocket }
type WebSocket = WsSocket

type Running = Awaited<ReturnType<typeof startSignallingServer>>
const running: Running[] = []
const sockets: WebSocket[] = []

afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate()
  for (const server of running.splice(0)) await server.close()
})

const start = async (options: Parameters<typeof startSignallingServer>[0] = {}): Promise<Running> => {
  const server = await startSignallingServer({ port: 0, ...options })
  running.push(server)
  return server
}

/** A client that keeps every message it receives, and can wait for the next one. */
const connect = async (url: string) => {
  const ws = new WebSocket(url)
  sockets.push(ws)
  const inbox: unknown[] = []
  const waiters: (() => void)[] = []
  ws.on('message', (data) => {
    inbox.push(JSON.parse(data.toString()))
    waiters.splice(0).forEach((w) => w())
  })
  await once(ws, 'open')
  return {
    ws,
    inbox,
    send: (message: unknown) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    /** Resolves with the first message matching, waiting as long as needed. */
    next: (match: (m: any) => boolean = () => true) =>
      new Promise<any>((resolve) => {
        const check = () => {
          const found = inbox.find(match)
          if (found) {
            inbox.splice(inbox.indexOf(found), 1)
            resolve(found)
          } else waiters.push(check)
        }
        check()
      })
  }
}

/** A ping answered proves the server handled everything this client sent before it. */
const roundTrip = async (client: Awaited<ReturnType<typeof connect>>) => {
  client.send({ type: 'ping' })
  await client.next((m) => m.type === 'pong')
}

describe('signalling server', () => {
  it('listens on 127.0.0.1 and relays a room’s messages to its subscribers, with their count', async () => {
    const server = await start()
    expect(server.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/)
    const a = await connect(server.url)
    const b = await connect(server.url)
    const outsider = await connect(server.url)
    a.send({ type: 'subscribe', topics: ['room-1'] })
    b.send({ type: 'subscribe', topics: ['room-1'] })
    outsider.send({ type: 'subscribe', topics: ['room-2'] })
    await Promise.all([roundTrip(a), roundTrip(b), roundTrip(outsider)])
    a.send({ type: 'publish', topic: 'room-1', data: 'ciphertext', extra: 'dropped' })
    expect(await b.next()).toEqual({ type: 'publish', topic: 'room-1', data: 'ciphertext', clients: 2 })
    expect(await a.next()).toEqual({ type: 'publish', topic: 'room-1', data: 'ciphertext', clients: 2 })
    await roundTrip(outsider)
    expect(outsider.inbox).toEqual([])
  })

  it('relays only from members of a room, and stops after unsubscribe', async () => {
    const server = await start()
    const a = await connect(server.url)
    const b = await connect(server.url)
    b.send({ type: 'subscribe', topics: ['room'] })
    await roundTrip(b)
    a.send({ type: 'publish', topic: 'room', data: 'not a member' })
    await roundTrip(a)
    await roundTrip(b)
    expect(b.inbox).toEqual([])
    expect(server.hub.topicCount()).toBe(1)
    b.send({ type: 'unsubscribe', topics: ['room'] })
    await roundTrip(b)
    expect(server.hub.topicCount()).toBe(0)
  })

  it('ignores malformed messages and keeps the connection', async () => {
    const server = await start()
    const a = await connect(server.url)
    const b = await connect(server.url)
    b.send({ type: 'subscribe', topics: ['room'] })
    await roundTrip(b)
    for (const junk of ['{', 'null', '42', '[]', '"text"', JSON.stringify({ type: 'subscribe', topics: 'room' }), JSON.stringify({ type: 'publish', topic: 7 }), JSON.stringify({ type: 'subscribe', topics: [1, null, 'x'.repeat(500)] })]) {
      a.send(junk)
    }
    a.ws.send(Buffer.from([1, 2, 3]), { binary: true })
    await roundTrip(a)
    expect(a.ws.readyState).toBe(WebSocket.OPEN)
    expect(server.hub.topicCount()).toBe(1)
  })

  it('closes a connection that sends an oversized message, and no one else’s', async () => {
    const server = await start({ maxMessageBytes: 1024 })
    const a = await connect(server.url)
    const b = await connect(server.url)
    const closed = once(a.ws, 'close')
    a.send({ type: 'publish', topic: 'room', data: 'x'.repeat(2000) })
    const [code] = (await closed) as [number]
    expect(code).toBe(1009)
    await roundTrip(b)
  })

  it('limits rooms per connection and the message rate', async () => {
    // No refill to speak of during the test: only the burst gets through.
    const server = await start({ maxTopicsPerConnection: 3, messagesPerSecond: 0.001, burst: 5 })
    const a = await connect(server.url)
    a.send({ type: 'subscribe', topics: ['r1', 'r2', 'r3', 'r4', 'r5'] })
    for (let i = 0; i < 10; i++) a.send({ type: 'ping' })
    // The burst of 5 allows the subscribe and four pings; the other six are dropped.
    for (let i = 0; i < 4; i++) await a.next((m) => m.type === 'pong')
    expect(server.hub.topicCount()).toBe(3)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(a.inbox).toEqual([])
  })

  it('reports its traffic to a recorder, for tests that check what it could learn', async () => {
    const traffic: SignallingTraffic[] = []
    const server = await start({ onTraffic: (event) => traffic.push(event) })
    const a = await connect(`${server.url}/signal?x=1`)
    a.send({ type: 'subscribe', topics: ['room'] })
    await roundTrip(a)
    expect(traffic[0]).toMatchObject({ kind: 'upgrade', url: '/signal?x=1' })
    expect(traffic.filter((t) => t.kind === 'in').map((t) => (t as { text: string }).text)).toEqual([
      '{"type":"subscribe","topics":["room"]}',
      '{"type":"ping"}'
    ])
    expect(traffic.filter((t) => t.kind === 'out').map((t) => (t as { text: string }).text)).toEqual(['{"type":"pong"}'])
  })
})
