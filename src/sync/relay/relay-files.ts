import type { AttachmentHash } from '../../domain/attachments/attachment'
import { toHex } from '../../domain/base64url'
import type { WorkspaceSecret } from '../../domain/ids'
import { deriveRelayFileKeys, type RelayFileKeys } from './relay-file-keys'
import { MAX_FILE_IDS_PER_QUERY } from './relay-file-frames'
import { openFile, relayFileId, sealFile } from './relay-file-seal'
import { openRelayFileSession, type RelayFileSession } from './relay-file-session'
import type { RelaySocketFactory } from './relay-socket'

/**
 * Attachments through the relay (docs/relay-protocol.md, "Files"): this device uploads, sealed,
 * every file it holds that a relay lacks (after a file is added, when sync starts and when the
 * device is back online), and fetches a file a note shows from a relay when no peer had it.
 * What a relay sends is kept only if it opens with the workspace's key and hashes to the file
 * asked for; anything else is reported, and nothing is stored.
 */
export interface RelayFileSource {
  /** Every file this device holds for the workspace. */
  hashes(): Promise<AttachmentHash[]>
  read(hash: AttachmentHash): Promise<Uint8Array | null>
}

export interface RelayFiles {
  /** Uploads soon what the relays lack; calls while a run is going make one more run after it. */
  uploadSoon(): void
  /** Resolves once no upload run is going or due (tests, and the page closing). */
  settled(): Promise<void>
  /** The verified bytes from the first relay that has the file, or null. */
  fetch(hash: AttachmentHash): Promise<Uint8Array | null>
  destroy(): void
}

export interface RelayFilesOptions {
  urls: () => readonly string[]
  secret: WorkspaceSecret
  source: RelayFileSource
  online: () => boolean
  /** A relay refused an upload ('full') or sent a file that was altered: the message a person may see. */
  onProblem: (message: string, kind: 'full' | 'altered') => void
  socket: RelaySocketFactory
  /** A relay silent this long in the middle of a request is given up on for now. */
  stallMs?: number
}

const DEFAULT_STALL_MS = 30_000

export const makeRelayFiles = (options: RelayFilesOptions): RelayFiles => {
  const stallMs = options.stallMs ?? DEFAULT_STALL_MS
  let keys: Promise<RelayFileKeys | null> | null = null
  const keysOnce = (): Promise<RelayFileKeys | null> => (keys ??= deriveRelayFileKeys(options.secret).catch(() => null))
  /** Ids each relay confirmed it holds, this session: not asked about again. */
  const held = new Map<string, Set<string>>()
  const sessions = new Set<RelayFileSession>()
  let running: Promise<void> | null = null
  let again = false
  let destroyed = false

  const open = (url: string, k: RelayFileKeys): RelayFileSession => {
    const session = openRelayFileSession({ url, token: k.token, socket: options.socket, stallMs })
    sessions.add(session)
    return session
  }
  const close = (session: RelayFileSession): void => {
    session.close()
    sessions.delete(session)
  }

  const uploadTo = async (url: string, k: RelayFileKeys, hashes: AttachmentHash[]): Promise<void> => {
    const known = held.get(url) ?? new Set<string>()
    held.set(url, known)
    const ids = await Promise.all(hashes.map(async (hash) => ({ hash, id: await relayFileId(k, hash) })))
    const unknown = ids.filter(({ id }) => !known.has(toHex(id)))
    if (unknown.length === 0) return
    const session = open(url, k)
    try {
      for (let at = 0; at < unknown.length && !destroyed; at += MAX_FILE_IDS_PER_QUERY) {
        const batch = unknown.slice(at, at + MAX_FILE_IDS_PER_QUERY)
        const answer = await session.has(batch.map(({ id }) => id))
        if (!answer) return
        for (const [i, { hash, id }] of batch.entries()) {
          if (destroyed) return
          if (!answer[i]) {
            const bytes = await options.source.read(hash).catch(() => null)
            if (!bytes) continue
            const outcome = await session.put(id, await sealFile(k, hash, bytes))
            if (outcome.kind === 'full') return options.onProblem(`The relay has no room for more files: ${outcome.message}`, 'full')
            if (outcome.kind === 'failed') return
          }
          known.add(toHex(id))
        }
      }
    } finally {
      close(session)
    }
  }

  const fetching = new Map<AttachmentHash, Promise<Uint8Array | null>>()
  let fetchQueue: Promise<unknown> = Promise.resolve()

  const fetchFromRelays = async (hash: AttachmentHash): Promise<Uint8Array | null> => {
    const k = await keysOnce()
    if (!k || destroyed) return null
    const id = await relayFileId(k, hash)
    for (const url of new Set(options.urls())) {
      if (destroyed) return null
      const session = open(url, k)
      try {
        const got = await session.get(id)
        if (got.kind !== 'sealed') continue
        const opened = await openFile(k, hash, got.bytes)
        if (opened.ok) return opened.bytes
        options.onProblem(opened.reason, 'altered')
      } finally {
        close(session)
      }
    }
    return null
  }

  const uploadAll = async (): Promise<void> => {
    const k = await keysOnce()
    const urls = options.urls()
    if (!k || urls.length === 0 || !options.online()) return
    const hashes = await options.source.hashes().catch(() => [])
    if (hashes.length === 0) return
    for (const url of new Set(urls)) if (!destroyed) await uploadTo(url, k, hashes)
  }

  const run = (): void => {
    running = (async () => {
      do {
        again = false
        await uploadAll().catch(() => undefined)
      } while (again && !destroyed)
    })().finally(() => {
      running = null
    })
  }

  return {
    uploadSoon() {
      if (destroyed) return
      if (running) again = true
      else run()
    },
    async settled() {
      while (running) await running
    },
    fetch(hash) {
      const running = fetching.get(hash)
      if (running) return running
      // One download at a time: a note with 30 missing photos opens one connection after
      // another, not 30 at once against the relay's per-address limit.
      const started = fetchQueue.then(() => fetchFromRelays(hash)).finally(() => fetching.delete(hash))
      fetching.set(hash, started)
      fetchQueue = started.catch(() => null)
      return started
    },
    destroy() {
      if (destroyed) return
      destroyed = true
      for (const session of [...sessions]) close(session)
    }
  }
}
