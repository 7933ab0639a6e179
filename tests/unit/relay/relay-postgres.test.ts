// The relay over a real PostgreSQL: several relay processes on one database, the database going
// away and coming back, and what the database holds.
import { createHash } from 'node:crypto'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { openPgStore } from '../../../scripts/relay/pg-store.mjs'
import type { RelayStore } from '../../../scripts/relay/store.mjs'
import { appendFrame, closeTestClients, connectRelay, fakeSealed, helloFrame, joinRoom, newToken, presenceFrame } from './support/relay-client'
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy'
import { openTestDatabase, TEST_DATABASE_URL, uniqueSchema, type TestDatabase } from './support/test-stores'
import { startTestRelay, stopTestRelays } from './support/test-relay'

// Real databases and sockets on a shared machine: generous limits, never a timed assertion.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

let database: TestDatabase
beforeAll(async () => {
  database = await openTestDatabase('postgres')
}, 120_000)
afterAll(async () => {
  await database?.close()
})
afterEach(async () => {
  closeTestClients()
  await stopTestRelays()
})

/** Resolves once a new connection to `url` is welcomed (the relay has its database back). */
const welcomedAgain = async (url: string, token: Buffer) => {
  for (;;) {
    const client = await connectRelay(url)
    client.send(helloFrame(token))
    const first = await Promise.race([client.next('welcome'), client.next('error')])
    if (first.type === 'welcome') {
      await client.next('caught-up')
      return client
    }
    await client.closed
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('relay on PostgreSQL', () => {
  it('two relay processes on one database: members on each converge live, presence included', async () => {
    const schema = uniqueSchema()
    const one = await startTestRelay(await database.open({}, schema))
    const two = await startTestRelay(await database.open({}, schema))
    const token = newToken()
    const a = await joinRoom(one.url, token)
    const b = await joinRoom(two.url, token)
    const fromA = fakeSealed(120)
    const fromB = fakeSealed(130)
    a.client.send(appendFrame(1, fromA))
    b.client.send(appendFrame(1, fromB))
    const seqA = (await a.client.next('ack')).seq
    const seqB = (await b.client.next('ack')).seq
    expect([seqA, seqB].sort()).toEqual([1, 2])
    for (const member of [a, b]) {
      const seen = [await member.client.next('entry'), await member.client.next('entry')]
      expect(seen.map((e) => e.seq)).toEqual([1, 2])
      expect(seen.find((e) => e.seq === seqA)?.sealed).toEqual(fromA)
      expect(seen.find((e) => e.seq === seqB)?.sealed).toEqual(fromB)
    }
    const presence = fakeSealed(200)
    a.client.send(presenceFrame(presence))
    expect((await b.client.next('presence')).sealed).toEqual(presence)
    // A 40-person board's presence is far over one NOTIFY (under 8000 bytes): it still arrives
    // whole, up to the protocol's 64 KiB, and a member on the same process gets it too.
    const neighbour = await joinRoom(one.url, token)
    for (const size of [40 * 1024, 64 * 1024]) {
      const board = fakeSealed(size)
      a.client.send(presenceFrame(board))
      expect((await b.client.next('presence')).sealed).toEqual(board)
      expect((await neighbour.client.next('presence')).sealed).toEqual(board)
    }
    // Presence never comes back to its sender.
    expect(a.client.inbox.filter((f) => f.type === 'presence')).toEqual([])
  })

  it('answers ERROR 5 while the database is down, stays up, and serves again when it is back', async () => {
    const proxy: TcpProxy = await startTcpProxy(TEST_DATABASE_URL)
    const schema = uniqueSchema()
    const store: RelayStore = await openPgStore({ connectionString: proxy.url, schema, maxRoomBytes: 1 << 30, maxRooms: 100, queryTimeoutMs: 2_000 })
    try {
      const relay = await startTestRelay(store)
      const token = newToken()
      const watcher = await joinRoom(relay.url, token)
      const writer = await joinRoom(relay.url, token)
      writer.client.send(appendFrame(1, fakeSealed()))
      await writer.client.next('ack')

      proxy.set('down')
      writer.client.send(appendFrame(2, fakeSealed()))
      expect(await writer.client.next('error')).toMatchObject({ code: 5 })
      expect((await writer.client.closed).code).toBe(1013)
      const refused = await connectRelay(relay.url)
      refused.send(helloFrame(token))
      expect(await refused.next('error')).toMatchObject({ code: 5 })

      proxy.set('up')
      const back = await welcomedAgain(relay.url, token)
      back.send(appendFrame(3, fakeSealed()))
      expect(await back.next('ack')).toMatchObject({ ref: 3, seq: 2 })
      // The connection that stayed open through the outage hears of it too, once LISTEN is back.
      await watcher.client.next('entry', (e) => e.seq === 2)
    } finally {
      await stopTestRelays()
      await store.close()
      await proxy.close()
      await database.open({}, schema).then((s) => s.dropSchema())
    }
  })

  it('answers ERROR 5 when the database stops answering (query timeout), and recovers', async () => {
    const proxy = await startTcpProxy(TEST_DATABASE_URL)
    const schema = uniqueSchema()
    const store = await openPgStore({ connectionString: proxy.url, schema, maxRoomBytes: 1 << 30, maxRooms: 100, queryTimeoutMs: 1_000 })
    try {
      const relay = await startTestRelay(store)
      const token = newToken()
      const writer = await joinRoom(relay.url, token)
      proxy.set('stalled')
      writer.client.send(appendFrame(1, fakeSealed()))
      expect(await writer.client.next('error')).toMatchObject({ code: 5 })
      proxy.set('up')
      const back = await welcomedAgain(relay.url, token)
      back.send(appendFrame(2, fakeSealed()))
      await back.next('ack', (a) => a.ref === 2)
    } finally {
      await stopTestRelays()
      await store.close()
      await proxy.close()
      await database.open({}, schema).then((s) => s.dropSchema())
    }
  })

  it('keeps only room ids (token hashes), sealed bytes, sizes, counters and times', async () => {
    const store = await database.open()
    const relay = await startTestRelay(store)
    const token = newToken()
    const writer = await joinRoom(relay.url, token)
    const sealed = fakeSealed(500)
    writer.client.send(appendFrame(1, sealed))
    writer.client.send(presenceFrame(fakeSealed(100)))
    await writer.client.next('ack')

    const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
    await client.connect()
    try {
      const columns = await client.query(
        `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = $1 ORDER BY table_name, column_name`,
        [store.schema]
      )
      expect(columns.rows.map((c) => `${c.table_name}.${c.column_name}: ${c.data_type}`)).toEqual([
        'relay_entries.body: bytea',
        'relay_entries.bytes: integer',
        'relay_entries.created_at: timestamp with time zone',
        'relay_entries.room: bytea',
        'relay_entries.seq: bigint',
        // Sealed attachments: an opaque id (an HMAC of the content hash), never the hash itself.
        'relay_files.body: bytea',
        'relay_files.bytes: integer',
        'relay_files.created_at: timestamp with time zone',
        'relay_files.id: bytea',
        'relay_files.part: smallint',
        'relay_files.room: bytea',
        'relay_files.total: integer',
        'relay_rooms.created_at: timestamp with time zone',
        'relay_rooms.head: bigint',
        'relay_rooms.id: bytea',
        'relay_rooms.log_bytes: bigint',
        'relay_rooms.log_entries: bigint',
        'relay_rooms.snapshot: bytea',
        'relay_rooms.snapshot_bytes: bigint',
        'relay_rooms.snapshot_covers: bigint',
        'relay_rooms.updated_at: timestamp with time zone'
      ])
      const rooms = await client.query(`SELECT id FROM "${store.schema}".relay_rooms`)
      expect(rooms.rows.map((r) => r.id)).toEqual([createHash('sha256').update(token).digest()])
      const entries = await client.query(`SELECT room, seq, body FROM "${store.schema}".relay_entries`)
      // Exactly the sealed bytes sent, nothing added; the presence frame left no row.
      expect(entries.rows).toEqual([{ room: rooms.rows[0].id, seq: '1', body: sealed }])
      const tokenFound = await client.query(
        `SELECT count(*) AS n FROM "${store.schema}".relay_rooms r LEFT JOIN "${store.schema}".relay_entries e ON e.room = r.id
         WHERE position($1 in r.id) > 0 OR position($1 in coalesce(e.body, ''::bytea)) > 0`,
        [token]
      )
      expect(Number(tokenFound.rows[0].n)).toBe(0)
    } finally {
      await client.end()
    }
  })
})
