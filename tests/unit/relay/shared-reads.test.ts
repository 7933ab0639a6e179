// A new entry wakes every connection of its room at once; their identical reads of the log must
// reach the database once, and a read made after that one settles must see the database afresh.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { shareReads } from '../../../scripts/relay/shared-reads.mjs'
import type { RelayStore } from '../../../scripts/relay/store.mjs'
import { fakeSealed } from './support/relay-client'
import { openTestDatabase, type TestDatabase } from './support/test-stores'

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

const PAGE = { maxEntries: 256, maxBytes: 4 * 1024 * 1024 }

describe('shared reads of the relay log (PGlite)', () => {
  let database: TestDatabase
  let store: RelayStore
  /** The real store, counting the reads that reach it. */
  let counted: RelayStore
  let reads = 0
  beforeAll(async () => {
    database = await openTestDatabase('pglite')
    store = await database.open()
    counted = {
      ...store,
      readEntries: (room, after, page) => {
        reads += 1
        return store.readEntries(room, after, page)
      }
    }
  }, 120_000)
  afterAll(async () => {
    await database?.close()
  })

  it('answers 40 simultaneous identical reads with one read of the database, the same entries for each', async () => {
    const room = randomBytes(32)
    const bodies = [fakeSealed(40), fakeSealed(50)]
    for (const body of bodies) await store.append(room, body)
    const shared = shareReads(counted)
    reads = 0
    const pages = await Promise.all(Array.from({ length: 40 }, () => shared.readEntries(room, 0, PAGE)))
    expect(reads).toBe(1)
    for (const page of pages) expect(page).toEqual({ entries: bodies.map((sealed, i) => ({ seq: i + 1, sealed })), more: false })
  })

  it('reads the database again once the shared read has settled, so a later append is seen', async () => {
    const room = randomBytes(32)
    const shared = shareReads(counted)
    await store.append(room, fakeSealed(40))
    expect((await shared.readEntries(room, 0, PAGE)).entries.map((e) => e.seq)).toEqual([1])
    await store.append(room, fakeSealed(40))
    expect((await shared.readEntries(room, 0, PAGE)).entries.map((e) => e.seq)).toEqual([1, 2])
  })

  it('keeps different cursors and rooms apart', async () => {
    const room = randomBytes(32)
    const other = randomBytes(32)
    for (let i = 0; i < 3; i++) await store.append(room, fakeSealed(40))
    await store.append(other, fakeSealed(40))
    const shared = shareReads(counted)
    const [fromStart, fromTwo, otherRoom] = await Promise.all([shared.readEntries(room, 0, PAGE), shared.readEntries(room, 2, PAGE), shared.readEntries(other, 0, PAGE)])
    expect(fromStart.entries.map((e) => e.seq)).toEqual([1, 2, 3])
    expect(fromTwo.entries.map((e) => e.seq)).toEqual([3])
    expect(otherRoom.entries.map((e) => e.seq)).toEqual([1])
  })
})
