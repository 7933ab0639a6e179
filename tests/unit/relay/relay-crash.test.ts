// kill -9 of a relay process in the middle of appends: after a restart, every entry it ACKed is
// there, byte for byte (an ACK is sent only after COMMIT), for PGlite and for PostgreSQL.
import { rmSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { makeRelayDataDir } from '../../e2e/support/relay-data-dir'
import { startRelayProcess, stopRelayProcesses, type RelayProcessOptions } from '../../e2e/support/relay-process'
import { appendFrame, closeTestClients, fakeSealed, joinRoom, newToken } from './support/relay-client'
import { openTestDatabase, TEST_DATABASE_URL, uniqueSchema, type TestDatabase } from './support/test-stores'

// Real databases and child processes on a shared machine: generous limits, never a timed assertion.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 })

afterEach(async () => {
  closeTestClients()
  await stopRelayProcesses()
})

const APPENDS = 120
const KILL_AFTER_ACKS = 40

const crashAndCheck = async (options: RelayProcessOptions) => {
  const relay = await startRelayProcess(options)
  const token = newToken()
  const writer = await joinRoom(relay.url, token)
  const sent = Array.from({ length: APPENDS }, (_, i) => fakeSealed(200 + i))
  const acked = new Map<number, number>()
  let killed: Promise<void> | null = null
  writer.client.ws.on('message', () => {
    for (const frame of writer.client.inbox.splice(0)) {
      if (frame.type === 'ack') acked.set(frame.ref, frame.seq)
    }
    if (acked.size >= KILL_AFTER_ACKS) killed ??= relay.kill('SIGKILL')
  })
  sent.forEach((sealed, ref) => writer.client.send(appendFrame(ref, sealed)))
  await writer.client.closed
  await killed
  expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS)

  await relay.restart()
  const reader = await joinRoom(relay.url, token)
  const stored = new Map(reader.backlog.map((f) => [(f as { seq: number }).seq, (f as { sealed: Buffer }).sealed]))
  for (const [ref, seq] of acked) expect(stored.get(seq), `ACKed ref ${ref} (seq ${seq})`).toEqual(sent[ref])
  // Seqs stay gap-free across the crash: 1 … head.
  expect([...stored.keys()]).toEqual(Array.from({ length: reader.welcome.head }, (_, i) => i + 1))
  await relay.stop()
}

describe('relay killed with SIGKILL during appends', () => {
  it('PGlite: every ACKed entry is there after a restart', async () => {
    const dataDir = await makeRelayDataDir('mutual-relay-crash-')
    try {
      await crashAndCheck({ dataDir })
    } finally {
      await stopRelayProcesses()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  describe('PostgreSQL', () => {
    let database: TestDatabase
    beforeAll(async () => {
      database = await openTestDatabase('postgres')
    })
    afterAll(async () => {
      await database?.close()
    })

    it('every ACKed entry is there after a restart', async () => {
      const schema = uniqueSchema()
      try {
        await crashAndCheck({ databaseUrl: TEST_DATABASE_URL, schema })
      } finally {
        await stopRelayProcesses()
        await database.open({}, schema).then((store) => store.dropSchema())
      }
    })
  })
})
