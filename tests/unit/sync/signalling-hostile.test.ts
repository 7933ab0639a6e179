// Hostile clients against the signalling server: it must keep relaying for a well-behaved room
// whatever one client sends or however many connections it opens.
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import net from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { WebSocket as WsSocket } from 'ws'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startSignallingServer } from '../../../scripts/signalling-server.mjs'

// Node's ws by path, not the browser stub the unit project's "browser" condition would pick.
const require = createRequire(import.meta.url)
const { WebSocket } = require(join(dirname(require.resolve('ws/package.json')), 'index.js')) as { WebSocket: typeof WsSocket }

vi.setConfig({ testTimeout: 60_000 })

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A client from `localAddress` (any 127.x.y.z is loopback): its messages, and a wait for one. */
const connect = async (url: string, localAddress = '127.0.0.1') => {
  const ws = new WebSocket(url, { localAddress })
  cleanups.push(() => ws.terminate())
  const inbox: any[] = []
  const waiters = new Set<() => void>()
  ws.on('message', (data) => {
    inbox.push(JSON.parse(data.toString()))
    for (const waiter of [...waiters]) waiter()
  })
  ws.on('error', () => {})
  await once(ws, 'open')
  return {
    ws,
    send: (message: unknown) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next: (match: (m: any) => boolean) =>
      new Promise<any>((resolve, reject) => {
        const check = () => {
          const index = inbox.findIndex(match)
          if (index >= 0) {
            waiters.delete(check)
            resolve(inbox.splice(index, 1)[0])
          } else if (ws.readyState >= WebSocket.CLOSING) reject(new Error('The connection closed'))
        }
        waiters.add(check)
        ws.once('close', check)
        check()
      })
  }
}

/** Two members of a room: one publishes and the other must receive it. */
const wellBehavedRoomWorks = async (url: string, localAddress = '127.0.0.1') => {
  const room = `calm-${Math.random()}`
  const a = await connect(url, localAddress)
  const b = await connect(url, localAddress)
  a.send({ type: 'subscribe', topics: [room] })
  b.send({ type: 'subscribe', topics: [room] })
  for (const member of [a, b]) {
    member.send({ type: 'ping' })
    await member.next((m) => m.type === 'pong')
  }
  a.send({ type: 'publish', topic: room, data: 'hello' })
  expect(await b.next((m) => m.type === 'publish')).toMatchObject({ topic: room, data: 'hello' })
}

/** A raw socket that upgrades to WebSocket, sends half a frame header, then nothing more. */
const stallMidFrame = async (url: string): Promise<net.Socket> => {
  const raw = net.connect(Number(new URL(url).port), '127.0.0.1')
  cleanups.push(() => raw.destroy())
  raw.on('error', () => {})
  await once(raw, 'connect')
  raw.write(
    'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n'
  )
  await once(raw, 'data')
  raw.write(Buffer.from([0x81, 0xfe, 0x40]))
  return raw
}

/** The signalling server as `node scripts/signalling-server.mjs` runs it, in its own process. */
const startSignallingProcess = async (): Promise<{ url: string; child: ChildProcess }> => {
  const script = fileURLToPath(new URL('../../../scripts/signalling-server.mjs', import.meta.url))
  const child = spawn(process.execPath, [script], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] })
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })
  let output = ''
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (ws:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match) resolve({ url: match[1] as string, child })
    })
    child.once('exit', (code) => reject(new Error(`The signalling server exited (${code}) before it listened: ${output}`)))
  })
}

describe('signalling server against hostile clients', () => {
  it('survives a 12 KB publish nested 6,000 deep, and keeps relaying for others', async () => {
    const { url, child } = await startSignallingProcess()
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = vi.fn()
    child.once('exit', exited)
    const attacker = await connect(url)
    attacker.send({ type: 'subscribe', topics: ['trap'] })
    const listener = await connect(url)
    listener.send({ type: 'subscribe', topics: ['trap'] })
    const depth = 6_000
    attacker.send(`{"type":"publish","topic":"trap","data":${'['.repeat(depth)}${']'.repeat(depth)}}`)
    attacker.send({ type: 'ping' })
    await attacker.next((m) => m.type === 'pong')
    await wellBehavedRoomWorks(url)
    expect(exited).not.toHaveBeenCalled()
    expect(stderr).toBe('')
  })

  it('limits the connections one address may hold, so another address still gets in', async () => {
    const server = await startSignallingServer({ port: 0, maxConnections: 30, maxConnectionsPerAddress: 10 })
    cleanups.push(() => server.close())
    const attempts = Array.from({ length: 30 }, () => {
      const ws = new WebSocket(server.url, { localAddress: '127.0.0.1' })
      cleanups.push(() => ws.terminate())
      ws.on('error', () => {})
      return new Promise<boolean>((resolve) => {
        ws.once('open', () => resolve(true))
        ws.once('unexpected-response', () => resolve(false))
        ws.once('error', () => resolve(false))
      })
    })
    const opened = (await Promise.all(attempts)).filter(Boolean).length
    expect(opened).toBe(10)
    await wellBehavedRoomWorks(server.url, '127.0.0.2')
  })

  it('shrugs off a byte flood, truncated frames and a client that stalls mid-frame', async () => {
    const server = await startSignallingServer({ port: 0 })
    cleanups.push(() => server.close())
    const flooder = await connect(server.url)
    flooder.send({ type: 'subscribe', topics: ['flood'] })
    for (let i = 0; i < 2_000; i++) flooder.send({ type: 'publish', topic: 'flood', data: 'x'.repeat(1_000) })
    // A raw socket that upgrades, then sends half a frame header and nothing more.
    await stallMidFrame(server.url)
    await wellBehavedRoomWorks(server.url)
  })

  it('lets go of a member that stops reading a flooded room, instead of buffering for it without end', async () => {
    const server = await startSignallingServer({ port: 0, heartbeatMs: 500, maxBufferedBytes: 64 * 1024 })
    cleanups.push(() => server.close())
    const stalled = await connect(server.url)
    stalled.send({ type: 'subscribe', topics: ['busy'] })
    const flooder = await connect(server.url)
    flooder.send({ type: 'subscribe', topics: ['busy'] })
    for (const member of [stalled, flooder]) {
      member.send({ type: 'ping' })
      await member.next((m) => m.type === 'pong')
    }
    // It stops reading; the room keeps talking.
    stalled.ws.pause()
    for (let i = 0; i < 100; i++) flooder.send({ type: 'publish', topic: 'busy', data: 'x'.repeat(16 * 1024) })
    await expect.poll(() => server.hub.connectionCount(), { timeout: 60_000 }).toBe(1)
    await wellBehavedRoomWorks(server.url)
  })

  it('in its own process, keeps serving a calm room while many clients flood, nest, truncate and stall at once', async () => {
    const { url, child } = await startSignallingProcess()
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    for (let i = 0; i < 10; i++) await stallMidFrame(url)
    const attackers = await Promise.all(Array.from({ length: 5 }, () => connect(url)))
    attackers.forEach((attacker, i) => {
      attacker.send({ type: 'subscribe', topics: [`trap-${i}`] })
      attacker.send(`{"type":"publish","topic":"trap-${i}","data":${'['.repeat(6_000)}${']'.repeat(6_000)}}`)
      attacker.send('{"type":"publ')
      attacker.send('{"type":"subscribe","topics":[')
      for (let n = 0; n < 500; n++) attacker.send({ type: 'publish', topic: `trap-${i}`, data: 'x'.repeat(2_000) })
    })
    for (let round = 0; round < 5; round++) await wellBehavedRoomWorks(url, '127.0.0.2')
    expect(child.exitCode).toBeNull()
    expect(child.signalCode).toBeNull()
    expect(stderr).toBe('')
  })
})
