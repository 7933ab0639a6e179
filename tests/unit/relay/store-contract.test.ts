// The relay store's contract, run against PGlite and against a real PostgreSQL: the same
// promises (order, durability, compaction, quotas, paging, fan-out) from both.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { FILE_PART_BYTES } from '../../../scripts/relay/file-frames.mjs'
import type { RelayStore } from '../../../scripts/relay/store.mjs'
import { fakeSealed } from './support/relay-client'
import { openTestDatabase, type StoreKind, type TestDatabase } from './support/test-stores'

// Real databases and sockets on a shared machine: generous limits, never a timed assertion.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

const newRoom = (): Buffer => randomBytes(32)
const seqsOf = (entries: { seq: number }[]): number[] => entries.map((e) => e.seq)
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i)

/** Collects a store's notifications, and waits for one that matches. */
const listenTo = async (store: RelayStore) => {
  const entries: string[] = []
  const presence: string[] = []
  const waiters = new Set<() => void>()
  const record = (list: string[]) => (payload: string) => {
    list.push(payload)
    for (const waiter of [...waiters]) waiter()
  }
  const stop = await store.subscribe({ onEntry: record(entries), onPresence: record(presence), onResync: () => {} })
  const until = (condition: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!condition()) return
        waiters.delete(check)
        resolve()
      }
      waiters.add(check)
      check()
    })
  return { entries, presence, until, stop }
}

describe.each<StoreKind>(['pglite', 'postgres'])('relay store contract (%s)', (kind) => {
  let database: TestDatabase
  let store: RelayStore
  beforeAll(async () => {
    database = await openTestDatabase(kind)
    store = await database.open()
  }, 120_000)
  afterAll(async () => {
    await database?.close()
  })

  it('gives a new room seqs 1, 2, 3 … and reads them back in order, byte for byte', async () => {
    const room = newRoom()
    expect(await store.roomState(room)).toEqual({ head: 0, snapshotCovers: 0, logEntries: 0, logBytes: 0 })
    const bodies = [fakeSealed(40), fakeSealed(50), fakeSealed(60)]
    const results = []
    for (const body of bodies) results.push(await store.append(room, body))
    expect(results).toEqual([{ ok: true, seq: 1 }, { ok: true, seq: 2 }, { ok: true, seq: 3 }])
    const page = await store.readEntries(room, 0, { maxEntries: 10, maxBytes: 1 << 20 })
    expect(page).toEqual({ entries: bodies.map((sealed, i) => ({ seq: i + 1, sealed })), more: false })
    expect(await store.roomState(room)).toEqual({ head: 3, snapshotCovers: 0, logEntries: 3, logBytes: 150 })
    expect((await store.readEntries(room, 2, { maxEntries: 10, maxBytes: 1 << 20 })).entries.map((e) => e.seq)).toEqual([3])
  })

  it('keeps seqs gap-free and in commit order under concurrent appends from two store instances', async () => {
    const other = await database.open({}, store.schema)
    const room = newRoom()
    const listener = await listenTo(store)
    const count = 60
    const results = await Promise.all(range(1, count).map((i) => (i % 2 ? store : other).append(room, fakeSealed(30 + i))))
    const seqs = results.map((r) => (r.ok ? r.seq : -1)).sort((a, b) => a - b)
    expect(seqs).toEqual(range(1, count))
    // PostgreSQL delivers notifications in commit order: seeing them rise proves seq order is commit order.
    const hex = room.toString('hex')
    await listener.until(() => listener.entries.filter((p) => p.startsWith(hex)).length === count)
    expect(listener.entries.filter((p) => p.startsWith(hex)).map((p) => Number(p.split(':')[1]))).toEqual(range(1, count))
    await listener.stop()
    const all = await store.readEntries(room, 0, { maxEntries: 1000, maxBytes: 1 << 30 })
    expect(seqsOf(all.entries)).toEqual(range(1, count))
  })

  it('compacts only what the snapshot covers, keeping entries appended at the same moment', async () => {
    const room = newRoom()
    for (let i = 0; i < 10; i++) await store.append(room, fakeSealed(100))
    const snapshot = fakeSealed(300)
    const [compacted, ...appended] = await Promise.all([
      store.compact(room, 10, snapshot),
      ...range(1, 20).map(() => store.append(room, fakeSealed(100)))
    ])
    expect(compacted).toEqual({ ok: true })
    expect(appended.every((r) => r.ok)).toBe(true)
    expect(await store.readSnapshotAbove(room, 0)).toEqual({ covers: 10, sealed: snapshot })
    expect(await store.readSnapshotAbove(room, 10)).toBeNull()
    const rest = await store.readEntries(room, 0, { maxEntries: 1000, maxBytes: 1 << 30 })
    expect(seqsOf(rest.entries)).toEqual(range(11, 30))
    expect(await store.roomState(room)).toEqual({ head: 30, snapshotCovers: 10, logEntries: 20, logBytes: 2000 })
  })

  it('refuses a compaction not above the snapshot, above the head, or of a room that has nothing', async () => {
    const room = newRoom()
    for (let i = 0; i < 5; i++) await store.append(room, fakeSealed())
    expect(await store.compact(room, 6, fakeSealed())).toMatchObject({ ok: false, reason: 'refused' })
    expect(await store.compact(room, 0, fakeSealed())).toMatchObject({ ok: false, reason: 'refused' })
    expect(await store.compact(room, 3, fakeSealed())).toEqual({ ok: true })
    expect(await store.compact(room, 3, fakeSealed())).toMatchObject({ ok: false, reason: 'refused' })
    expect(await store.compact(room, 2, fakeSealed())).toMatchObject({ ok: false, reason: 'refused' })
    expect(await store.compact(newRoom(), 1, fakeSealed())).toMatchObject({ ok: false, reason: 'refused' })
    expect(seqsOf((await store.readEntries(room, 0, { maxEntries: 100, maxBytes: 1 << 20 })).entries)).toEqual([4, 5])
  })

  it('says "full" past the room’s byte quota, and takes appends again once a compaction frees room', async () => {
    const small = await database.open({ maxRoomBytes: 1000 })
    const room = newRoom()
    for (let i = 0; i < 4; i++) expect(await small.append(room, fakeSealed(200))).toMatchObject({ ok: true })
    expect(await small.append(room, fakeSealed(201))).toMatchObject({ ok: false, reason: 'full' })
    expect(await small.append(room, fakeSealed(200))).toMatchObject({ ok: true, seq: 5 })
    expect(await small.append(room, fakeSealed(29))).toMatchObject({ ok: false, reason: 'full' })
    // A snapshot too big for the room is refused as full, and changes nothing.
    expect(await small.compact(room, 5, fakeSealed(1001))).toMatchObject({ ok: false, reason: 'full' })
    expect(await small.roomState(room)).toEqual({ head: 5, snapshotCovers: 0, logEntries: 5, logBytes: 1000 })
    expect(await small.compact(room, 5, fakeSealed(300))).toEqual({ ok: true })
    expect(await small.append(room, fakeSealed(700))).toMatchObject({ ok: true, seq: 6 })
    expect(await small.append(room, fakeSealed(29))).toMatchObject({ ok: false, reason: 'full' })
  })

  it('says "full" to a new room past the relay’s room quota, and keeps serving the rooms it has', async () => {
    const capped = await database.open({ maxRooms: 2 })
    const [first, second, third] = [newRoom(), newRoom(), newRoom()]
    expect(await capped.append(first, fakeSealed())).toMatchObject({ ok: true })
    expect(await capped.append(second, fakeSealed())).toMatchObject({ ok: true })
    expect(await capped.append(third, fakeSealed())).toMatchObject({ ok: false, reason: 'full' })
    expect(await capped.roomState(third)).toMatchObject({ head: 0 })
    expect(await capped.append(first, fakeSealed())).toMatchObject({ ok: true, seq: 2 })
  })

  it('reads the log in pages bounded by count and by bytes, with at least one entry a page', async () => {
    const room = newRoom()
    for (let i = 0; i < 20; i++) await store.append(room, fakeSealed(100))
    await store.append(room, fakeSealed(5000))
    const byCount = await store.readEntries(room, 0, { maxEntries: 8, maxBytes: 1 << 20 })
    expect(byCount).toMatchObject({ more: true })
    expect(seqsOf(byCount.entries)).toEqual(range(1, 8))
    const byBytes = await store.readEntries(room, 8, { maxEntries: 100, maxBytes: 250 })
    expect(byBytes).toMatchObject({ more: true })
    expect(seqsOf(byBytes.entries)).toEqual([9, 10])
    const big = await store.readEntries(room, 20, { maxEntries: 100, maxBytes: 250 })
    expect(seqsOf(big.entries)).toEqual([21])
    expect(big.entries[0]?.sealed.length).toBe(5000)
    expect(big.more).toBe(false)
    // Paging through from 0 gets every entry once, in order.
    const seen: number[] = []
    let after = 0
    for (;;) {
      const page = await store.readEntries(room, after, { maxEntries: 3, maxBytes: 350 })
      seen.push(...seqsOf(page.entries))
      after = page.entries.at(-1)?.seq ?? after
      if (!page.more) break
    }
    expect(seen).toEqual(range(1, 21))
  })

  it('fans out between two store instances on one database: entry seqs, compactions and presence', async () => {
    const writer = await database.open({}, store.schema)
    const listener = await listenTo(store)
    const room = newRoom()
    const hex = room.toString('hex')
    const appended = await writer.append(room, fakeSealed())
    expect(appended).toEqual({ ok: true, seq: 1 })
    await listener.until(() => listener.entries.includes(`${hex}:1`))
    await writer.compact(room, 1, fakeSealed())
    await listener.until(() => listener.entries.filter((p) => p === `${hex}:1`).length === 2)
    const payloads = ['first', 'second', 'third'].map((part) => `${hex}:0123456789abcdef.1:${part}`)
    expect(await writer.publishPresence(payloads)).toBe(true)
    await listener.until(() => listener.presence.length >= 3)
    expect(listener.presence).toEqual(payloads)
    // NOTIFY takes under 8000 bytes: a set with a bigger payload is refused whole, nothing sent.
    expect(await writer.publishPresence([`${hex}:small`, `${hex}:${'A'.repeat(8000)}`])).toBe(false)
    await listener.stop()
  })
})

// Sealed attachments (docs/relay-protocol.md, "Files"): parts under an opaque id, held once whole.
describe.each<StoreKind>(['pglite', 'postgres'])('relay store contract: files (%s)', (kind) => {
  const PART = FILE_PART_BYTES
  let database: TestDatabase
  let store: RelayStore
  beforeAll(async () => {
    database = await openTestDatabase(kind)
    store = await database.open()
  }, 120_000)
  afterAll(async () => {
    await database?.close()
  })

  it('holds a file only once every part is stored, and gives the parts back byte for byte', async () => {
    const room = newRoom()
    const id = randomBytes(32)
    const whole = randomBytes(PART + 1000)
    expect(await store.filesHeld(room, [id])).toEqual([false])
    expect(await store.putFilePart(room, id, whole.length, 1, whole.subarray(PART))).toEqual({ ok: true, complete: false })
    expect(await store.filesHeld(room, [id])).toEqual([false])
    expect(await store.putFilePart(room, id, whole.length, 0, whole.subarray(0, PART))).toEqual({ ok: true, complete: true })
    const other = randomBytes(32)
    expect(await store.filesHeld(room, [other, id])).toEqual([false, true])
    const first = await store.readFilePart(room, id, 0)
    const second = await store.readFilePart(room, id, 1)
    expect(first?.total).toBe(whole.length)
    expect(Buffer.concat([first!.slice, second!.slice]).equals(whole)).toBe(true)
    expect(await store.readFilePart(room, id, 2)).toBeNull()
    // Another room with the same id sees nothing of it.
    expect(await store.filesHeld(newRoom(), [id])).toEqual([false])
  })

  it('keeps a part already stored as it is, so a second upload adds nothing', async () => {
    const room = newRoom()
    const id = randomBytes(32)
    const body = randomBytes(500)
    expect(await store.putFilePart(room, id, 500, 0, body)).toEqual({ ok: true, complete: true })
    expect(await store.putFilePart(room, id, 500, 0, randomBytes(500))).toEqual({ ok: true, complete: true })
    expect((await store.readFilePart(room, id, 0))?.slice.equals(body)).toBe(true)
    expect(await store.roomFiles(room)).toEqual({ files: 1, bytes: 500 })
  })

  it('refuses parts that disagree about the file’s size, and stores nothing of them', async () => {
    const room = newRoom()
    const id = randomBytes(32)
    await store.putFilePart(room, id, PART + 10, 0, randomBytes(PART))
    const refused = await store.putFilePart(room, id, PART + 20, 1, randomBytes(20))
    expect(refused).toMatchObject({ ok: false, reason: 'refused' })
    expect(await store.roomFiles(room)).toEqual({ files: 1, bytes: PART })
  })

  it('refuses a part over the room’s file bytes or file count, and keeps what it holds', async () => {
    const limited = await database.open({ maxRoomFileBytes: 1_000, maxRoomFiles: 2 })
    const room = newRoom()
    expect(await limited.putFilePart(room, randomBytes(32), 600, 0, randomBytes(600))).toMatchObject({ ok: true })
    const tooMuch = await limited.putFilePart(room, randomBytes(32), 500, 0, randomBytes(500))
    expect(tooMuch).toMatchObject({ ok: false, reason: 'full' })
    expect(await limited.putFilePart(room, randomBytes(32), 100, 0, randomBytes(100))).toMatchObject({ ok: true })
    const tooMany = await limited.putFilePart(room, randomBytes(32), 10, 0, randomBytes(10))
    expect(tooMany).toMatchObject({ ok: false, reason: 'full', message: expect.stringContaining('as many files') })
    expect(await limited.roomFiles(room)).toEqual({ files: 2, bytes: 700 })
  })
})
