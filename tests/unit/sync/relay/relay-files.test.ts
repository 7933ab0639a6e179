// Attachments through the relay (docs/relay-protocol.md, "Files"): a device uploads, sealed, the
// files a relay lacks; another device, never online with it, fetches them and keeps them only
// when they open and hash to what was asked for. Real relay, real PGlite store, real sockets.
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { roomIdForToken, type RelayStore } from '../../../../scripts/relay/store.mjs'
import { openPgliteStore } from '../../../../scripts/relay/pglite-store.mjs'
import { openPgliteThread, type PgliteThread } from '../../../../scripts/relay/pglite-thread.mjs'
import { startRelayServer } from '../../../../scripts/relay-server.mjs'
import { DEFAULT_RELAY_LIMITS } from '../../../../scripts/relay/limits.mjs'
import type { AttachmentHash } from '../../../../src/domain/attachments/attachment'
import { contentHash } from '../../../../src/domain/attachments/content-hash'
import { toBase64Url } from '../../../../src/domain/base64url'
import type { WorkspaceSecret } from '../../../../src/domain/ids'
import { deriveRelayFileKeys } from '../../../../src/sync/relay/relay-file-keys'
import { relayFileId } from '../../../../src/sync/relay/relay-file-seal'
import { makeRelayFiles, type RelayFiles } from '../../../../src/sync/relay/relay-files'
import { makeRelayDataDir } from '../../../e2e/support/relay-data-dir'
import { nodeSocket } from './support/relay-devices'

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

let folder: string
let db: PgliteThread
const closers: (() => Promise<void>)[] = []
beforeAll(async () => {
  folder = await makeRelayDataDir('mutual-relay-files-')
  db = await openPgliteThread({ dataDir: folder })
})
afterAll(async () => {
  for (const close of closers.splice(0).reverse()) await close()
  await db?.close()
  rmSync(folder, { recursive: true, force: true })
})

const startRelay = async (limits: { maxRoomFileBytes?: number; maxConnectionsPerAddress?: number } = {}): Promise<{ url: string; store: RelayStore }> => {
  const store = await openPgliteStore({
    db,
    schema: `files_${randomBytes(4).toString('hex')}`,
    maxRoomBytes: DEFAULT_RELAY_LIMITS.maxRoomBytes,
    maxRooms: 100,
    queryTimeoutMs: 60_000,
    maxRoomFileBytes: limits.maxRoomFileBytes
  })
  const relay = await startRelayServer({
    port: 0,
    store,
    limits: limits.maxConnectionsPerAddress ? { maxConnectionsPerAddress: limits.maxConnectionsPerAddress } : {}
  })
  closers.push(async () => {
    await relay.close()
    await store.close()
  })
  return { url: relay.url, store }
}

const newSecret = (): WorkspaceSecret => toBase64Url(randomBytes(32)) as WorkspaceSecret

/** A device's files in memory, and a RelayFiles over them. */
const device = (url: string, secret: WorkspaceSecret, files: Uint8Array[] = []) => {
  const held = new Map<AttachmentHash, Uint8Array>()
  const problems: string[] = []
  /** How many times the relay said it stored a file (the Sync status clears "no room" on it). */
  const stored = { count: 0 }
  const ready = Promise.all(files.map(async (bytes) => held.set(await contentHash(bytes), bytes)))
  const relayFiles: RelayFiles = makeRelayFiles({
    urls: () => [url],
    secret,
    source: {
      hashes: async () => {
        await ready
        return [...held.keys()]
      },
      read: async (hash) => held.get(hash) ?? null
    },
    online: () => true,
    onProblem: (message) => problems.push(message),
    onStored: () => stored.count++,
    socket: nodeSocket
  })
  closers.push(async () => relayFiles.destroy())
  return { relayFiles, problems, ready, stored }
}

describe('attachments through the relay', () => {
  it('reaches a device that was never online with the one that added it, sealed, in parts', async () => {
    const { url, store } = await startRelay()
    const secret = newSecret()
    const photo = randomBytes(300_000)
    const pdf = randomBytes(9 * 1024 * 1024) // three parts of 4 MiB
    const asha = device(url, secret, [photo, pdf])
    asha.relayFiles.uploadSoon()
    await asha.relayFiles.settled()
    asha.relayFiles.destroy()

    const keys = await deriveRelayFileKeys(secret)
    const room = roomIdForToken(keys.token)
    const stored = await store.roomFiles(room)
    expect(stored.files).toBe(2)
    // Sealed: a little more than the files' bytes, never the content hash as the id.
    expect(stored.bytes).toBe(photo.length + pdf.length + 2 * 29)
    const photoHash = await contentHash(photo)
    expect(Buffer.from(await relayFileId(keys, photoHash)).toString('hex')).not.toBe(photoHash)

    const tom = device(url, secret)
    expect(Buffer.from((await tom.relayFiles.fetch(photoHash))!).equals(photo)).toBe(true)
    expect(Buffer.from((await tom.relayFiles.fetch(await contentHash(pdf)))!).equals(pdf)).toBe(true)
    expect(await tom.relayFiles.fetch(await contentHash(randomBytes(10)))).toBeNull()
    expect(tom.problems).toEqual([])
  })

  it('fetches a note’s many photos one connection at a time, within the relay’s per-address limit', async () => {
    const { url } = await startRelay({ maxConnectionsPerAddress: 3 })
    const secret = newSecret()
    const photos = Array.from({ length: 12 }, () => randomBytes(20_000))
    const asha = device(url, secret, photos)
    asha.relayFiles.uploadSoon()
    await asha.relayFiles.settled()
    asha.relayFiles.destroy()
    const tom = device(url, secret)
    const hashes = await Promise.all(photos.map((photo) => contentHash(photo)))
    const fetched = await Promise.all(hashes.map((hash) => tom.relayFiles.fetch(hash)))
    expect(fetched.map((bytes, i) => bytes !== null && Buffer.from(bytes).equals(photos[i]!))).toEqual(photos.map(() => true))
  })

  it('uploads nothing twice: a second run finds the relay holds it all', async () => {
    const { url, store } = await startRelay()
    const secret = newSecret()
    const files = [randomBytes(1000), randomBytes(2000)]
    const first = device(url, secret, files)
    first.relayFiles.uploadSoon()
    await first.relayFiles.settled()
    const keys = await deriveRelayFileKeys(secret)
    const before = await store.roomFiles(roomIdForToken(keys.token))
    // Another device with the same files seals them to the same bytes and finds them held.
    const second = device(url, secret, files)
    second.relayFiles.uploadSoon()
    await second.relayFiles.settled()
    expect(await store.roomFiles(roomIdForToken(keys.token))).toEqual(before)
  })

  it('refuses what a relay altered, says so, and returns nothing', async () => {
    const { url, store } = await startRelay()
    const secret = newSecret()
    const keys = await deriveRelayFileKeys(secret)
    const hash = await contentHash(randomBytes(4000))
    // The relay keeps garbage under the id the device will ask for.
    const garbage = randomBytes(4000 + 29)
    await store.putFilePart(roomIdForToken(keys.token), Buffer.from(await relayFileId(keys, hash)), garbage.length, 0, garbage)
    const tom = device(url, secret)
    expect(await tom.relayFiles.fetch(hash)).toBeNull()
    expect(tom.problems).toEqual([expect.stringContaining('altered')])
  })

  it('says so when the relay has no room for more files, and stores none of the refused file', async () => {
    const { url, store } = await startRelay({ maxRoomFileBytes: 50_000 })
    const secret = newSecret()
    const asha = device(url, secret, [randomBytes(60_000)])
    asha.relayFiles.uploadSoon()
    await asha.relayFiles.settled()
    expect(asha.problems).toEqual([expect.stringContaining('no room for more files')])
    expect(asha.stored.count).toBe(0)
    const keys = await deriveRelayFileKeys(secret)
    expect(await store.roomFiles(roomIdForToken(keys.token))).toEqual({ files: 0, bytes: 0 })
    // A file that fits is stored, and says so: the "no room" notice can go.
    const ben = device(url, secret, [randomBytes(10_000)])
    ben.relayFiles.uploadSoon()
    await ben.relayFiles.settled()
    expect(ben.problems).toEqual([])
    expect(ben.stored.count).toBe(1)
  })
})
