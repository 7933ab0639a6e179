// One relay process serves every room: a multi-megabyte append in one room must not stall the
// others. PGlite's WebAssembly runs synchronously, so on the relay's own thread it would hold
// every socket until the entry was written. Ordering, not timing: while the large append is in
// the database, a small room's presence goes round.
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest'
import type { RelayStore } from '../../../scripts/relay/store.mjs'
import { appendFrame, closeTestClients, fakeSealed, joinRoom, newToken, presenceFrame } from './support/relay-client'
import { openTestDatabase, type TestDatabase } from './support/test-stores'
import { startTestRelay, stopTestRelays } from './support/test-relay'

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

const LARGE = 8 * 1024 * 1024 - 64

/** The store as the relay uses it, telling the test when a large append starts and ends. */
const watchLargeAppends = (store: RelayStore) => {
  const large = { started: null as (() => void) | null, finished: false }
  const started = new Promise<void>((resolve) => (large.started = resolve))
  const append = store.append
  store.append = async (room, sealed) => {
    if (sealed.length < LARGE) return append(room, sealed)
    large.started?.()
    try {
      return await append(room, sealed)
    } finally {
      large.finished = true
    }
  }
  return { started, finished: () => large.finished }
}

it('serves a small room while a large append is being written (PGlite)', async () => {
  const store = await database.open()
  const watch = watchLargeAppends(store)
  const relay = await startTestRelay(store)
  const big = await joinRoom(relay.url, newToken())
  const smallRoom = newToken()
  const b = await joinRoom(relay.url, smallRoom)
  const c = await joinRoom(relay.url, smallRoom)

  big.client.send(appendFrame(1, fakeSealed(LARGE)))
  await watch.started
  const presence = fakeSealed(300)
  b.client.send(presenceFrame(presence))
  expect((await c.client.next('presence')).sealed).toEqual(presence)
  expect(watch.finished()).toBe(false)

  // The large entry is stored and acknowledged all the same.
  expect(await big.client.next('ack')).toMatchObject({ ref: 1, seq: 1 })
})
