// Issue 16: "photos taken offline on a site visit reach the others when the device is back".
// The live sync of a workspace, started while the device is offline with a photo stored, sends
// nothing; once the browser says it is online again, the photo goes up to the relay, sealed.
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { DEFAULT_RELAY_LIMITS } from '../../../../scripts/relay/limits.mjs'
import { openPgliteStore } from '../../../../scripts/relay/pglite-store.mjs'
import { openPgliteThread, type PgliteThread } from '../../../../scripts/relay/pglite-thread.mjs'
import { startRelayServer } from '../../../../scripts/relay-server.mjs'
import { roomIdForToken, type RelayStore } from '../../../../scripts/relay/store.mjs'
import { contentHash } from '../../../../src/domain/attachments/content-hash'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../../src/domain/ids'
import { deriveRelayFileKeys } from '../../../../src/sync/relay/relay-file-keys'
import { relayFileId } from '../../../../src/sync/relay/relay-file-seal'
import { startWorkspaceSync, type WorkspaceSync } from '../../../../src/sync/workspace-sync'
import { makeRelayDataDir } from '../../../e2e/support/relay-data-dir'
import { nodeSocket } from './support/relay-devices'

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

let folder: string
let db: PgliteThread
let store: RelayStore
let relay: Awaited<ReturnType<typeof startRelayServer>>
let sync: WorkspaceSync | null = null
beforeAll(async () => {
  folder = await makeRelayDataDir('mutual-relay-offline-')
  db = await openPgliteThread({ dataDir: folder })
  store = await openPgliteStore({ db, schema: 'offline_files', maxRoomBytes: DEFAULT_RELAY_LIMITS.maxRoomBytes, maxRooms: 10, queryTimeoutMs: 60_000 })
  relay = await startRelayServer({ port: 0, store })
})
afterAll(async () => {
  await sync?.destroy()
  await relay?.close()
  await store?.close()
  await db?.close()
  rmSync(folder, { recursive: true, force: true })
})

/** Live sync of a new workspace with the relay only (no signalling), as a device runs it. */
const startWithRelay = (options: Pick<Parameters<typeof startWorkspaceSync>[0], 'secret' | 'network' | 'attachmentSource' | 'deviceId'>): WorkspaceSync =>
  startWorkspaceSync({
    doc: new Y.Doc(),
    workspaceId: makeWorkspaceId(),
    signallingUrls: [],
    iceServers: [],
    relayUrls: [relay.url],
    user: { name: 'Ada', color: '#1d4ed8', organisation: 'Leeds City Council', memberId: 'a'.repeat(32) },
    relaySocket: nodeSocket,
    ...options
  })

describe('photos taken offline', () => {
  it('go up to the relay once the device is back online', async () => {
    let online = false
    const listeners = new Set<() => void>()
    const network = { online: () => online, subscribe: (listener: () => void) => (listeners.add(listener), () => listeners.delete(listener)) }
    const photo = randomBytes(200_000)
    const hash = await contentHash(photo)
    const secret = makeWorkspaceSecret()
    let asked = 0
    sync = startWithRelay({
      secret,
      deviceId: 'device-a',
      network,
      attachmentSource: {
        hashes: async () => {
          asked += 1
          return [hash]
        },
        read: async (wanted) => (wanted === hash ? photo : null)
      }
    })
    const room = roomIdForToken((await deriveRelayFileKeys(secret)).token)
    expect(await store.roomFiles(room)).toEqual({ files: 0, bytes: 0 })
    expect(asked).toBe(0)

    online = true
    for (const listener of listeners) listener()
    await expect.poll(() => store.roomFiles(room), { timeout: 60_000 }).toEqual({ files: 1, bytes: photo.length + 29 })
  })
})

describe('a file the relay altered', () => {
  it('is refused, nothing of it is handed on, and the sync status tells the person', async () => {
    await sync?.destroy()
    const secret = makeWorkspaceSecret()
    const keys = await deriveRelayFileKeys(secret)
    const hash = await contentHash(randomBytes(3000))
    const garbage = randomBytes(3000 + 29)
    await store.putFilePart(roomIdForToken(keys.token), Buffer.from(await relayFileId(keys, hash)), garbage.length, 0, garbage)
    sync = startWithRelay({
      secret,
      deviceId: 'device-b',
      network: { online: () => true, subscribe: () => () => {} },
      attachmentSource: { hashes: async () => [], read: async () => null }
    })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(await sync.fetchAttachment(hash)).toBeNull()
    warn.mockRestore()
    expect(sync.status().relay).toMatchObject({ state: 'refused', problem: expect.stringContaining('altered') })
  })
})
