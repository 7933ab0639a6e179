import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  appendFrame,
  closeTestClients,
  compactFrame,
  connectRelay,
  fakeSealed,
  helloFrame,
  joinRoom,
  newToken,
  presenceFrame
} from './support/relay-client'
import { DEFAULT_RELAY_LIMITS } from '../../../scripts/relay/limits.mjs'
import { openTestDatabase, type StoreKind, type TestDatabase } from './support/test-stores'
import { startTestRelay, stopTestRelays } from './support/test-relay'

// Real databases and sockets on a shared machine: generous limits, never a timed assertion.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

describe.each<StoreKind>(['pglite', 'postgres'])('relay protocol over WebSockets (%s)', (kind) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await openTestDatabase(kind)
  }, 120_000)
  afterAll(async () => {
    await database?.close()
  })
  afterEach(async () => {
    closeTestClients()
    await stopTestRelays()
  })

  const startRelay = async () => startTestRelay(await database.open())

  it('welcomes a new room, ACKs appends with seqs 1, 2, … and sends them live to the room', async () => {
    const relay = await startRelay()
    const token = newToken()
    const a = await joinRoom(relay.url, token)
    // With the rates this connection may send at, so a device paces itself within them.
    const { framesPerSecond, frameBurst, bytesPerSecond, byteBurst } = DEFAULT_RELAY_LIMITS
    expect(a.welcome).toEqual({
      type: 'welcome',
      head: 0,
      snapshotCovers: 0,
      logEntries: 0,
      logBytes: 0,
      rates: { framesPerSecond, frameBurst, bytesPerSecond, byteBurst }
    })
    expect(a.caughtUp).toEqual({ type: 'caught-up', head: 0 })
    const b = await joinRoom(relay.url, token)
    const first = fakeSealed(100)
    const second = fakeSealed(200)
    a.client.send(appendFrame(7, first))
    a.client.send(appendFrame(8, second))
    expect(await a.client.next('ack')).toEqual({ type: 'ack', ref: 7, seq: 1 })
    expect(await a.client.next('ack')).toEqual({ type: 'ack', ref: 8, seq: 2 })
    for (const member of [a, b]) {
      expect(await member.client.next('entry')).toEqual({ type: 'entry', seq: 1, sealed: first })
      expect(await member.client.next('entry')).toEqual({ type: 'entry', seq: 2, sealed: second })
    }
  })

  it('catches a late device up from its last seq, then says CAUGHT_UP with the head', async () => {
    const relay = await startRelay()
    const token = newToken()
    const writer = await joinRoom(relay.url, token)
    const sealed = [fakeSealed(50), fakeSealed(60), fakeSealed(70)]
    sealed.forEach((blob, i) => writer.client.send(appendFrame(i, blob)))
    await writer.client.next('ack', (f) => f.ref === 2)
    const late = await joinRoom(relay.url, token, 1)
    expect(late.welcome).toMatchObject({ head: 3, snapshotCovers: 0, logEntries: 3, logBytes: 180 })
    expect(late.backlog).toEqual([
      { type: 'entry', seq: 2, sealed: sealed[1] },
      { type: 'entry', seq: 3, sealed: sealed[2] }
    ])
    expect(late.caughtUp.head).toBe(3)
  })

  it('compacts: a new device gets the snapshot, then only the entries after it', async () => {
    const relay = await startRelay()
    const token = newToken()
    const writer = await joinRoom(relay.url, token)
    for (let i = 0; i < 4; i++) writer.client.send(appendFrame(i, fakeSealed(40)))
    await writer.client.next('ack', (f) => f.ref === 3)
    const snapshot = fakeSealed(90)
    writer.client.send(compactFrame(99, 3, snapshot))
    expect(await writer.client.next('ack', (f) => f.ref === 99)).toEqual({ type: 'ack', ref: 99, seq: 3 })
    const fresh = await joinRoom(relay.url, token)
    expect(fresh.welcome).toMatchObject({ head: 4, snapshotCovers: 3, logEntries: 1, logBytes: 40 })
    expect(fresh.backlog.map((f) => (f.type === 'snapshot' ? `snapshot ${f.covers}` : `entry ${(f as { seq: number }).seq}`))).toEqual([
      'snapshot 3',
      'entry 4'
    ])
    expect(fresh.backlog[0]).toMatchObject({ sealed: snapshot })
    // A device already past the snapshot is not sent it.
    const current = await joinRoom(relay.url, token, 3)
    expect(current.backlog.map((f) => f.type)).toEqual(['entry'])
  })

  it('refuses a compaction that covers no more than the snapshot, or more than the head, and stays open', async () => {
    const relay = await startRelay()
    const token = newToken()
    const writer = await joinRoom(relay.url, token)
    writer.client.send(appendFrame(1, fakeSealed()))
    await writer.client.next('ack')
    writer.client.send(compactFrame(2, 5, fakeSealed()))
    // The ERROR names the request it answers.
    expect(await writer.client.next('error')).toMatchObject({ code: 7, ref: 2 })
    writer.client.send(compactFrame(3, 1, fakeSealed()))
    await writer.client.next('ack', (f) => f.ref === 3)
    writer.client.send(compactFrame(4, 1, fakeSealed()))
    expect(await writer.client.next('error')).toMatchObject({ code: 7, ref: 4 })
    writer.client.send(appendFrame(5, fakeSealed()))
    expect(await writer.client.next('ack', (f) => f.ref === 5)).toMatchObject({ seq: 2 })
  })

  it('relays presence to the room’s other connections only, and never stores it', async () => {
    const relay = await startRelay()
    const token = newToken()
    const a = await joinRoom(relay.url, token)
    const b = await joinRoom(relay.url, token)
    const outsider = await joinRoom(relay.url, newToken())
    const sealed = fakeSealed(300)
    a.client.send(presenceFrame(sealed))
    expect(await b.client.next('presence')).toEqual({ type: 'presence', sealed })
    // A later append's ACK proves a's presence was handled before it; a got none of its own.
    a.client.send(appendFrame(1, fakeSealed()))
    await a.client.next('entry')
    expect(a.client.received.some((f) => f.type === 'presence')).toBe(false)
    outsider.client.send(appendFrame(1, fakeSealed()))
    await outsider.client.next('entry')
    expect(outsider.client.received.some((f) => f.type === 'presence')).toBe(false)
    const again = await joinRoom(relay.url, token)
    expect(again.welcome).toMatchObject({ head: 1, logEntries: 1 })
  })

  it('answers a device that is ahead of the relay (lost data) with everything it has', async () => {
    const relay = await startRelay()
    const token = newToken()
    const writer = await joinRoom(relay.url, token)
    writer.client.send(appendFrame(1, fakeSealed()))
    await writer.client.next('ack')
    const ahead = await joinRoom(relay.url, token, 50)
    expect(ahead.welcome.head).toBe(1)
    expect(ahead.backlog).toHaveLength(1)
    expect(ahead.caughtUp.head).toBe(1)
  })

  it('refuses frames before HELLO, a second HELLO, and text frames, each with its code', async () => {
    const relay = await startRelay()
    const early = await connectRelay(relay.url)
    early.send(appendFrame(1, fakeSealed()))
    expect(await early.next('error')).toMatchObject({ code: 9, ref: 0 })
    const twice = await joinRoom(relay.url, newToken())
    twice.client.send(helloFrame(newToken()))
    expect(await twice.client.next('error')).toMatchObject({ code: 9 })
    const text = await connectRelay(relay.url)
    text.ws.send('hello')
    expect(await text.next('error')).toMatchObject({ code: 2 })
    await Promise.all([early.closed, twice.client.closed, text.closed])
  })
})
