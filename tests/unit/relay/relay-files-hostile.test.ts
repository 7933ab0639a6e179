// The relay's file frames (docs/relay-protocol.md, "Files") against clients that break them:
// each is refused with its ERROR code, nothing of it is stored, and a well-behaved files
// connection to the same room keeps working. The frames are the app's own encoders, so this
// also checks that the device and the relay read each other's bytes alike.
import { once } from 'node:events'
import { randomBytes } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { roomIdForToken, type RelayStore } from '../../../scripts/relay/store.mjs'
import { decodeRelayFileFrame, encodeFileGet, encodeFileHas, encodeFilePut, encodeFilesHello, FILE_PART_BYTES, MAX_FILE_SEALED_BYTES } from '../../../src/sync/relay/relay-file-frames'
import { appendFrame, fakeSealed, WebSocket } from './support/relay-client'
import { openTestDatabase, type TestDatabase } from './support/test-stores'
import { startTestRelay, stopTestRelays } from './support/test-relay'

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

let database: TestDatabase
let store: RelayStore
let url: string
beforeAll(async () => {
  database = await openTestDatabase('pglite')
  store = await database.open()
  url = (await startTestRelay(store)).url
})
afterAll(async () => {
  await stopTestRelays()
  await database?.close()
})
const sockets: { terminate(): void }[] = []
afterEach(() => {
  for (const ws of sockets.splice(0)) ws.terminate()
})

/** A files connection: every frame it receives, and a wait for the next one. */
const filesConnection = async (token: Uint8Array) => {
  const ws = new WebSocket(url)
  sockets.push(ws)
  const frames: Buffer[] = []
  const waiters = new Set<() => void>()
  ws.on('message', (data: Buffer) => {
    frames.push(data)
    for (const waiter of [...waiters]) waiter()
  })
  ws.on('error', () => {})
  const closed = new Promise<number>((resolve) => ws.once('close', (code: number) => resolve(code)))
  await once(ws, 'open')
  let taken = 0
  const next = (): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const check = () => {
        if (frames.length > taken) {
          waiters.delete(check)
          resolve(frames[taken++] as Buffer)
        } else if (ws.readyState === WebSocket.CLOSED) {
          waiters.delete(check)
          reject(new Error('closed'))
        }
      }
      waiters.add(check)
      ws.once('close', check)
      check()
    })
  ws.send(encodeFilesHello(token))
  const welcome = await next()
  return { send: (bytes: Uint8Array) => ws.send(bytes), next, closed, welcome }
}

const errorCode = (frame: Buffer): number | null => (frame[1] === 0x87 ? (frame[2] as number) : null)

describe('file frames at the relay', () => {
  it('welcomes a files connection with its rates, and stores and returns a file in parts', async () => {
    const token = randomBytes(32)
    const client = await filesConnection(token)
    expect(decodeRelayFileFrame(client.welcome)).toMatchObject({ type: 'files-welcome' })
    const id = randomBytes(32)
    const sealed = randomBytes(FILE_PART_BYTES + 100)
    client.send(encodeFilePut(1, id, sealed.length, 0, sealed.subarray(0, FILE_PART_BYTES)))
    expect((await client.next())[1]).toBe(0x85)
    client.send(encodeFilePut(2, id, sealed.length, 1, sealed.subarray(FILE_PART_BYTES)))
    expect((await client.next())[1]).toBe(0x85)
    client.send(encodeFileHas(3, [randomBytes(32), id]))
    expect(decodeRelayFileFrame(await client.next())).toEqual({ type: 'held', ref: 3, held: [false, true] })
    client.send(encodeFileGet(4, id))
    const first = decodeRelayFileFrame(await client.next())
    const second = decodeRelayFileFrame(await client.next())
    expect(first).toMatchObject({ type: 'part', ref: 4, part: 0, total: sealed.length })
    expect(second).toMatchObject({ type: 'part', ref: 4, part: 1 })
    const parts = [first, second].map((f) => Buffer.from((f as { slice: Uint8Array }).slice))
    expect(Buffer.concat(parts).equals(sealed)).toBe(true)
    client.send(encodeFileGet(5, randomBytes(32)))
    expect(decodeRelayFileFrame(await client.next())).toEqual({ type: 'none', ref: 5 })
  })

  it.each([
    ['a file over 20 MB', (id: Uint8Array) => encodeFilePut(1, id, MAX_FILE_SEALED_BYTES + 1, 0, randomBytes(FILE_PART_BYTES)), 3],
    ['a part that does not fit its file’s size', (id: Uint8Array) => encodeFilePut(1, id, 5000, 0, randomBytes(4000)), 2],
    ['a part past the file’s end', (id: Uint8Array) => encodeFilePut(1, id, 5000, 1, randomBytes(10)), 2],
    ['a FILE_HAS asking about no file', () => Buffer.from([1, 0x06, 0, 0, 0, 1, 0, 0]), 2],
    ['an APPEND on a files connection', () => appendFrame(1, fakeSealed(64)), 9]
  ])('refuses %s with ERROR %i, closes, and stores nothing', async (_name, frame, code) => {
    const token = randomBytes(32)
    const client = await filesConnection(token)
    client.send(frame(randomBytes(32)))
    expect(errorCode(await client.next())).toBe(code)
    await client.closed
    expect(await store.roomFiles(roomIdForToken(token))).toEqual({ files: 0, bytes: 0 })
    expect((await store.roomState(roomIdForToken(token))).head).toBe(0)
    // The relay goes on serving files.
    const other = await filesConnection(token)
    other.send(encodeFileHas(1, [randomBytes(32)]))
    expect(decodeRelayFileFrame(await other.next())).toEqual({ type: 'held', ref: 1, held: [false] })
  })
})

describe('file frames at the device', () => {
  it('refuses what a relay sends that breaks the frame’s layout', () => {
    const part = (total: number, index: number, slice: number): Uint8Array => {
      const bytes = new Uint8Array(12 + slice)
      const view = new DataView(bytes.buffer)
      bytes[0] = 1
      bytes[1] = 0x8a
      view.setUint32(2, 7)
      view.setUint32(6, total)
      view.setUint16(10, index)
      return bytes
    }
    expect(decodeRelayFileFrame(part(100, 0, 100))).toMatchObject({ type: 'part', total: 100 })
    expect(decodeRelayFileFrame(part(100, 0, 99))).toHaveProperty('problem')
    expect(decodeRelayFileFrame(part(100, 1, 1))).toHaveProperty('problem')
    expect(decodeRelayFileFrame(part(MAX_FILE_SEALED_BYTES + 1, 0, 10))).toHaveProperty('problem')
    expect(decodeRelayFileFrame(new Uint8Array([1, 0x89, 0, 0, 0, 1, 0, 9, 0]))).toHaveProperty('problem')
    expect(decodeRelayFileFrame(new Uint8Array([1, 0x88, 0]))).toHaveProperty('problem')
    // Not a file frame: left to the log's decoder.
    expect(decodeRelayFileFrame(new Uint8Array([1, 0x85]))).toBeNull()
  })
})
