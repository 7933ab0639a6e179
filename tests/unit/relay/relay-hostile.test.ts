// Hostile clients against the relay: each is refused with its ERROR code or cut off, and a
// well-behaved room on the same relay keeps working throughout.
import { once } from 'node:events'
import { rmSync } from 'node:fs'
import net from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RelayLimits } from '../../../scripts/relay/limits.mjs'
import { appendFrame, closeTestClients, connectRelay, fakeSealed, helloFrame, joinRoom, newToken, type RelayTestClient } from './support/relay-client'
import { openTestDatabase, type TestDatabase } from './support/test-stores'
import { startTestRelay, stopTestRelays } from './support/test-relay'
import { makeRelayDataDir } from '../../e2e/support/relay-data-dir'
import { startRelayProcess, stopRelayProcesses } from '../../e2e/support/relay-process'

// A real database and sockets on a shared machine: generous limits, never a timed assertion.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

let database: TestDatabase
beforeAll(async () => {
  database = await openTestDatabase('pglite')
})
afterAll(async () => {
  await database?.close()
})
afterEach(async () => {
  closeTestClients()
  await stopTestRelays()
})

const startRelay = async (limits: Partial<RelayLimits> = {}) => startTestRelay(await database.open(), limits)

/** Two members of a room: an entry from one reaches the other. */
const wellBehavedRoomWorks = async (url: string, localAddress = '127.0.0.1') => {
  const token = newToken()
  const a = await joinRoom(url, token, 0, localAddress)
  const b = await joinRoom(url, token, 0, localAddress)
  const sealed = fakeSealed(80)
  a.client.send(appendFrame(1, sealed))
  await a.client.next('ack')
  expect((await b.client.next('entry')).sealed).toEqual(sealed)
}

/** A raw socket that upgrades to WebSocket, sends half a frame header, then nothing more. */
const stallMidFrame = async (port: number): Promise<net.Socket> => {
  const raw = net.connect(port, '127.0.0.1')
  raw.on('error', () => {})
  await once(raw, 'connect')
  raw.write(
    'GET /relay HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n'
  )
  await once(raw, 'data')
  raw.write(Buffer.from([0x82, 0xfe]))
  return raw
}

const errorThenClose = async (client: RelayTestClient, code: number) => {
  expect(await client.next('error')).toMatchObject({ code })
  await client.closed
}

describe('relay against hostile clients', () => {
  it('cuts off a frame flood with ERROR 4', async () => {
    const relay = await startRelay({ framesPerSecond: 10, frameBurst: 50 })
    const flooder = await joinRoom(relay.url, newToken())
    for (let i = 1; i <= 2_000; i++) flooder.client.send(appendFrame(i, fakeSealed()))
    await errorThenClose(flooder.client, 4)
    // The refusal names the APPEND it did not take; none from it on was stored.
    const refused = flooder.client.received.find((f) => f.type === 'error') as { ref: number }
    expect(refused.ref).toBeGreaterThan(1)
    const acked = flooder.client.received.filter((f) => f.type === 'ack').map((f) => (f as { ref: number }).ref)
    expect(acked.every((ref) => ref < refused.ref)).toBe(true)
    await wellBehavedRoomWorks(relay.url)
  })

  it('cuts off a byte flood with ERROR 4', async () => {
    const relay = await startRelay({ bytesPerSecond: 64 * 1024, byteBurst: 256 * 1024 })
    const flooder = await joinRoom(relay.url, newToken())
    for (let i = 0; i < 10; i++) flooder.client.send(appendFrame(i, fakeSealed(100 * 1024)))
    await errorThenClose(flooder.client, 4)
    await wellBehavedRoomWorks(relay.url)
  })

  it('refuses an entry over 8 MiB with ERROR 3, and stores none of it', async () => {
    const relay = await startRelay()
    const token = newToken()
    const big = await joinRoom(relay.url, token)
    big.client.send(appendFrame(1, fakeSealed(8 * 1024 * 1024 + 1)))
    await errorThenClose(big.client, 3)
    const after = await joinRoom(relay.url, token)
    expect(after.welcome.head).toBe(0)
    await wellBehavedRoomWorks(relay.url)
  })

  it('refuses truncated, unknown, wrong-version and text frames with their codes', async () => {
    const relay = await startRelay()
    const cases: [Buffer | string, number][] = [
      [Buffer.from([1]), 2],
      [Buffer.from([1, 0x01, 1, 2, 3]), 2],
      [Buffer.from([1, 0x7f]), 2],
      [Buffer.from([2, 0x01, ...new Array(40).fill(0)]), 1],
      [Buffer.from([0, 0x01, ...new Array(40).fill(0)]), 2],
      [`{"a":${'['.repeat(6_000)}${']'.repeat(6_000)}}`, 2]
    ]
    for (const [frame, code] of cases) {
      const client = await connectRelay(relay.url)
      client.ws.send(frame)
      await errorThenClose(client, code)
    }
    const joined = await joinRoom(relay.url, newToken())
    joined.client.send(Buffer.from([1, 0x02, 0, 0, 0, 1]))
    await errorThenClose(joined.client, 2)
    await wellBehavedRoomWorks(relay.url)
  })

  it('closes a connection that never says HELLO (slowloris), and one stalled mid-frame', async () => {
    const relay = await startRelay({ helloTimeoutMs: 300, heartbeatMs: 2_000 })
    const silent = await connectRelay(relay.url)
    await errorThenClose(silent, 9)
    // Half a frame header, then nothing: never HELLO, never a pong.
    const raw = await stallMidFrame(Number(new URL(relay.url).port))
    await wellBehavedRoomWorks(relay.url)
    await once(raw, 'close')
  })

  it('limits connections per address (ERROR 8); another address still gets in', async () => {
    const relay = await startRelay({ maxConnectionsPerAddress: 5 })
    const held = await Promise.all(Array.from({ length: 5 }, () => connectRelay(relay.url)))
    const refused = await connectRelay(relay.url)
    await errorThenClose(refused, 8)
    expect(held.every((c) => c.ws.readyState === c.ws.OPEN)).toBe(true)
    await wellBehavedRoomWorks(relay.url, '127.0.0.2')
  })

  it('closes a member that stops reading while its room grows, instead of buffering for it', async () => {
    // Heartbeats of 2 s: a member that is merely slow still answers in time on a loaded machine.
    const relay = await startRelay({ maxBufferedBytes: 64 * 1024, heartbeatMs: 2_000, pageBytes: 64 * 1024 })
    const token = newToken()
    const stalled = await joinRoom(relay.url, token)
    // Stop reading: the relay's writes pile up in the kernel, then in its own buffer.
    stalled.client.ws.pause()
    const writer = await joinRoom(relay.url, token)
    const entries = 64
    for (let i = 0; i < entries; i++) writer.client.send(appendFrame(i, fakeSealed(256 * 1024)))
    await writer.client.next('ack', (a) => a.ref === entries - 1)
    // The relay lets go of it (the writer alone is left) …
    await expect.poll(() => relay.relay.connectionCount(), { timeout: 60_000 }).toBe(1)
    // … and once the client reads again, it finds its connection closed.
    stalled.client.ws.resume()
    await stalled.client.closed
    await wellBehavedRoomWorks(relay.url)
  })
})

describe('the relay process against many hostile clients at once', () => {
  it('keeps serving a well-behaved room while others flood, nest, truncate and stall, and neither exits nor logs an error', async () => {
    const dataDir = await makeRelayDataDir('mutual-relay-hostile-')
    try {
      const relay = await startRelayProcess({ dataDir, env: { MUTUAL_RELAY_FRAMES_PER_SECOND: '20' } })
      const { port } = new URL(relay.url)
      const stalled = await Promise.all(Array.from({ length: 10 }, () => stallMidFrame(Number(port))))
      // Flooders, each in a room of its own.
      const flooders = await Promise.all(Array.from({ length: 3 }, () => joinRoom(relay.url, newToken())))
      for (const flooder of flooders) for (let i = 0; i < 1_000; i++) flooder.client.send(appendFrame(i, fakeSealed()))
      // Deeply nested JSON, truncated frames and a HELLO cut short, each on its own connection.
      const garbage: Buffer[] = [
        Buffer.from(`{"a":${'['.repeat(6_000)}${']'.repeat(6_000)}}`),
        Buffer.from([1]),
        Buffer.from([1, 0x01, 1, 2, 3]),
        Buffer.from([1, 0x02, 0, 0])
      ]
      const refused = await Promise.all(
        garbage.map(async (frame) => {
          const client = await connectRelay(relay.url)
          client.ws.send(frame)
          return client
        })
      )
      // A member of a busy room who stops reading.
      const busy = newToken()
      const reader = await joinRoom(relay.url, busy)
      reader.client.ws.pause()
      const writer = await joinRoom(relay.url, busy)
      for (let i = 0; i < 20; i++) writer.client.send(appendFrame(i, fakeSealed(64 * 1024)))

      // Meanwhile a calm room gets every entry, in order.
      const calm = newToken()
      const a = await joinRoom(relay.url, calm, 0, '127.0.0.2')
      const b = await joinRoom(relay.url, calm, 0, '127.0.0.2')
      for (let i = 1; i <= 10; i++) {
        const sealed = fakeSealed(100 + i)
        a.client.send(appendFrame(i, sealed))
        expect((await a.client.next('ack', (ack) => ack.ref === i)).seq).toBe(i)
        expect((await b.client.next('entry')).sealed).toEqual(sealed)
      }
      for (const flooder of flooders) await errorThenClose(flooder.client, 4)
      for (const client of refused) await client.closed
      // Still running, and nothing it could not handle.
      expect(() => process.kill(relay.pid(), 0)).not.toThrow()
      expect(relay.output()).not.toMatch(/error|exception|at .*\.mjs/i)
      for (const socket of stalled) socket.destroy()
      await relay.stop()
    } finally {
      await stopRelayProcesses()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
