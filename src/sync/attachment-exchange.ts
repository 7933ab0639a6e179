import type { AttachmentHash } from '../domain/attachments/attachment'
import { startDownload, type Download } from './attachment-download'
import { decodeAttachmentFrame, encodeNone, encodeParts, encodeWant } from './attachment-frames'

/**
 * A small, bounded, content-addressed fetch of attachments between connected peers. A device
 * that shows a hash it lacks asks one peer at a time (WANT); a peer that has the file sends it
 * in PARTs, one that has not says NONE. The receiver checks every PART as it comes
 * (attachment-download.ts) and keeps the file only if it hashes to what was asked; otherwise
 * it asks the next peer. The data channel is encrypted (DTLS) and reaches only devices that
 * could read the room's signalling, that is, holders of the workspace secret.
 */
export interface PeerLink {
  /** The peer's id in the room: stable while the connection lasts. */
  readonly id: string
  send(frame: Uint8Array): void
}

export interface AttachmentSource {
  read(hash: AttachmentHash): Promise<Uint8Array | null>
}

export interface AttachmentExchange {
  /** An attachment frame from a peer (y-webrtc-hardening.ts routes them here). */
  receive(link: PeerLink, frame: Uint8Array): void
  /** Asks connected peers in turn: the verified bytes, or null when none had them. */
  fetch(hash: AttachmentHash): Promise<Uint8Array | null>
  destroy(): void
}

export interface AttachmentExchangeOptions {
  links: () => PeerLink[]
  source: AttachmentSource
  onRejected: (reason: string) => void
  /** A peer that sends nothing for this long is given up on, and the next one is asked. */
  stallMs?: number
}

/** Wants a peer may have waiting with this device: more are answered NONE at once. */
const MAX_WANTS_PER_PEER = 16
const DEFAULT_STALL_MS = 20_000

type Outcome = { kind: 'done'; bytes: Uint8Array } | { kind: 'next' }

interface Asking {
  link: PeerLink
  download: Download
  finish: (outcome: Outcome) => void
  stall: ReturnType<typeof setTimeout>
}

export const makeAttachmentExchange = (options: AttachmentExchangeOptions): AttachmentExchange => {
  const stallMs = options.stallMs ?? DEFAULT_STALL_MS
  const asking = new Map<AttachmentHash, Asking>()
  const fetching = new Map<AttachmentHash, Promise<Uint8Array | null>>()
  const serving = new Map<string, { queue: AttachmentHash[]; busy: boolean }>()
  let destroyed = false

  const armStall = (hash: AttachmentHash, entry: Asking): void => {
    clearTimeout(entry.stall)
    entry.stall = setTimeout(() => {
      if (asking.get(hash) === entry) entry.finish({ kind: 'next' })
    }, stallMs)
  }

  const askOne = (hash: AttachmentHash, link: PeerLink): Promise<Outcome> =>
    new Promise((resolve) => {
      const entry: Asking = {
        link,
        download: startDownload(hash),
        stall: setTimeout(() => {}, 0),
        finish: (outcome) => {
          clearTimeout(entry.stall)
          if (asking.get(hash) === entry) asking.delete(hash)
          resolve(outcome)
        }
      }
      asking.set(hash, entry)
      armStall(hash, entry)
      try {
        link.send(encodeWant(hash))
      } catch {
        entry.finish({ kind: 'next' })
      }
    })

  const fetchFromPeers = async (hash: AttachmentHash): Promise<Uint8Array | null> => {
    const tried = new Set<string>()
    for (;;) {
      if (destroyed) return null
      const link = options.links().find((l) => !tried.has(l.id))
      if (!link) return null
      tried.add(link.id)
      const outcome = await askOne(hash, link)
      if (outcome.kind === 'done') return outcome.bytes
    }
  }

  const serveNext = async (link: PeerLink): Promise<void> => {
    const state = serving.get(link.id)
    if (!state || state.busy) return
    const hash = state.queue.shift()
    if (!hash) {
      serving.delete(link.id)
      return
    }
    state.busy = true
    try {
      const bytes = await options.source.read(hash).catch(() => null)
      if (destroyed) return
      const frames = bytes ? encodeParts(hash, bytes) : [encodeNone(hash)]
      for (const frame of frames) link.send(frame)
    } catch {
      // The connection closed while sending: the other side asks someone else.
    } finally {
      state.busy = false
    }
    void serveNext(link)
  }

  const onPart = async (link: PeerLink, hash: AttachmentHash, part: { total: number; offset: number; bytes: Uint8Array }): Promise<void> => {
    const entry = asking.get(hash)
    if (!entry || entry.link.id !== link.id) return options.onRejected('a file part this device did not ask that peer for')
    armStall(hash, entry)
    const step = await entry.download.accept(part)
    if (asking.get(hash) !== entry) return
    if (step.kind === 'done') entry.finish({ kind: 'done', bytes: step.bytes })
    else if (step.kind === 'failed') {
      options.onRejected(step.reason)
      entry.finish({ kind: 'next' })
    }
  }

  return {
    receive(link, raw) {
      if (destroyed) return
      const frame = decodeAttachmentFrame(raw)
      if (!frame) return options.onRejected('a malformed file message')
      if (frame.type === 'want') {
        const state = serving.get(link.id) ?? { queue: [], busy: false }
        serving.set(link.id, state)
        if (state.queue.length >= MAX_WANTS_PER_PEER) {
          link.send(encodeNone(frame.hash))
          return
        }
        state.queue.push(frame.hash)
        void serveNext(link)
      } else if (frame.type === 'none') {
        const entry = asking.get(frame.hash)
        if (entry && entry.link.id === link.id) entry.finish({ kind: 'next' })
      } else {
        void onPart(link, frame.hash, frame)
      }
    },
    fetch(hash) {
      const running = fetching.get(hash)
      if (running) return running
      const started = fetchFromPeers(hash).finally(() => fetching.delete(hash))
      fetching.set(hash, started)
      return started
    },
    destroy() {
      if (destroyed) return
      destroyed = true
      for (const entry of [...asking.values()]) entry.finish({ kind: 'next' })
      serving.clear()
    }
  }
}
