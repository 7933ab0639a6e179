import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import type { ArtifactId, WorkspaceId } from '../domain/ids'
import type { PeerLink } from './attachment-exchange'
import { docMessageParts, encodeDocMessage, syncMessage } from './doc-room-message'
import { followAttached, type DocumentSet } from './document-set'
import { DOC_ROOM_SIGNING_LIMITS } from './room-signing-limits'
import { makeTrustChannel, type TrustChannel } from './trust/trust-channel'
import type { TrustSetup } from './trust/trust-setup'
import { encodeTrustMessage, trustKindOf, trustPayloadOf } from './trust-room-message'

/**
 * The artifact documents of a session (document-set.ts) over the workspace's y-webrtc room
 * (docs/artifact-documents.md, "Wire"), beside the workspace document, which y-webrtc syncs as
 * before. y-webrtc knows one document per room, so this does for each attached artifact
 * document what y-webrtc does for the room's: when a document is attached, and when a peer
 * connects, each connected peer is asked for it (sync step 1); a peer's ask is answered with
 * what it lacks; changes made here go to every peer, and a change received is passed on, so it
 * crosses a sparse mesh. With trust (docs/trust.md), changes and states travel signed for
 * their document, each document behind its own trust channel, judged by the workspace's
 * membership; an unsigned change from a peer is dropped, as for the workspace document.
 *
 * A message for a document this device has not attached is ignored: nothing is loaded for a
 * peer's sake, and nothing is said (a peer asks for what it holds, which may well not be open here).
 *
 * This browser's other tabs are this device: they exchange the same asks and changes over the
 * room's BroadcastChannel, unsigned (as y-webrtc does for the workspace document), and a change
 * from another tab is not sent on to peers (that tab's own connections send it).
 */
export interface DocumentRoom {
  /** A peer connection opened: it is asked for every attached document. */
  connected(link: PeerLink): void
  /** A peer connection closed. */
  closed(peerId: string): void
  /** An artifact document's message from a peer, already checked whole (message-guard.ts). */
  receive(link: PeerLink, message: Uint8Array): Promise<void>
  /** The room's key is known: `publish` reaches this browser's other tabs (encrypted on the way). */
  reachTabs(publish: (message: Uint8Array) => void): void
  /** An artifact document's message from another tab, already checked whole. */
  receiveFromTab(message: Uint8Array): void
  /** Messages for documents not attached here, ignored since the room opened. */
  ignored(): number
  destroy(): void
}

export interface DocumentRoomOptions {
  documents: DocumentSet
  /** The open peer connections. */
  links: () => PeerLink[]
  onRejected: (reason: string) => void
  /** Signed changes (docs/trust.md); without it, unsigned, as y-webrtc sends the workspace document's. */
  trust?: TrustSetup
  workspaceId: WorkspaceId
}

interface Attached {
  doc: Y.Doc
  /** The origin this room applies received changes under: not sent back out as this device's own. */
  origin: object
  channel: TrustChannel | null
  /** The origin of changes from another tab: not sent on to peers, nor back to the tabs. */
  tabOrigin: object
  /** The peers asked for this document on their current connection: each is asked once, and answers once. */
  asked: Set<string>
  /** Whether the other tabs were asked for it (once: every tab hears every ask). */
  tabsAsked: boolean
  stop(): void
}

export const makeDocumentRoom = (options: DocumentRoomOptions): DocumentRoom => {
  const attached = new Map<ArtifactId, Attached>()
  const { trust } = options
  let ignored = 0
  let destroyed = false
  let toTabs: ((message: Uint8Array) => void) | null = null

  const broadcast = (key: ArtifactId, message: Uint8Array): void => {
    if (destroyed) return
    const wrapped = encodeDocMessage(key, message)
    for (const link of options.links()) {
      try {
        link.send(wrapped)
      } catch {
        // A connection closing as we speak: y-webrtc drops and renews it.
      }
    }
  }
  const sendTo = (link: PeerLink, key: ArtifactId, message: Uint8Array): void => {
    try {
      link.send(encodeDocMessage(key, message))
    } catch {
      // As above.
    }
  }
  const ask = (link: PeerLink, key: ArtifactId, entry: Attached): void => {
    entry.asked.add(link.id)
    sendTo(link, key, syncMessage(0, Y.encodeStateVector(entry.doc)))
  }
  const tellTabs = (key: ArtifactId, message: Uint8Array): void => {
    if (toTabs && !destroyed) toTabs(encodeDocMessage(key, message))
  }
  const askTabs = (key: ArtifactId, entry: Attached): void => {
    if (!toTabs) return
    entry.tabsAsked = true
    tellTabs(key, syncMessage(0, Y.encodeStateVector(entry.doc)))
  }

  const start = (key: ArtifactId, doc: Y.Doc): Attached => {
    const origin = { documentRoom: key }
    const tabOrigin = { documentRoomTabs: key }
    const channel = trust
      ? makeTrustChannel({
          ...trust,
          doc,
          docKey: key,
          workspaceId: options.workspaceId,
          origin,
          apply: (update, by) => Y.applyUpdate(doc, update, by),
          limits: DOC_ROOM_SIGNING_LIMITS
        })
      : null
    const stops: (() => void)[] = []
    if (channel) {
      stops.push(channel.onOutgoing((signed, kind) => broadcast(key, encodeTrustMessage(kind === 'state' ? 'trust-state' : 'trust-change', signed))))
      if (trust?.onRefused) stops.push(channel.onRefused(trust.onRefused))
      if (trust?.onUnsent) stops.push(channel.onUnsent(trust.onUnsent))
    }
    const onUpdate = (update: Uint8Array, by: unknown): void => {
      if (by === tabOrigin) return
      tellTabs(key, syncMessage(2, update))
      if (!channel) return broadcast(key, syncMessage(2, update))
      // An accepted change from a peer goes on exactly as its author signed it.
      const forwarding = channel.forwarding()
      if (forwarding) return broadcast(key, encodeTrustMessage('trust-change', forwarding))
      // A signed state applied here: others get it from their own exchange of states.
      if (by === origin || channel.applying()) return
      channel.local(update)
    }
    doc.on('update', onUpdate)
    return {
      doc,
      origin,
      tabOrigin,
      channel,
      asked: new Set(),
      tabsAsked: false,
      stop() {
        doc.off('update', onUpdate)
        stops.forEach((stop) => stop())
        channel?.destroy()
      }
    }
  }
  // A document is asked for as soon as it is attached, from every peer and the other tabs.
  const stopFollowing = followAttached(options.documents, attached, start, (key, entry) => {
    for (const link of options.links()) ask(link, key, entry)
    askTabs(key, entry)
  })

  const receiveSync = (link: PeerLink, key: ArtifactId, entry: Attached, message: Uint8Array): void => {
    const { step, payload } = readSync(message)
    if (step === 0) {
      const lacking = Y.encodeStateAsUpdate(entry.doc, payload)
      if (entry.channel) void entry.channel.signState(lacking).then((signed) => sendTo(link, key, encodeTrustMessage('trust-state', signed)))
      else sendTo(link, key, syncMessage(1, lacking))
      // The peer asked first: ask back, once, so what it holds reaches this device too.
      if (!entry.asked.has(link.id)) ask(link, key, entry)
      return
    }
    if (entry.channel) {
      entry.channel.refusedUnsigned()
      return options.onRejected('a change that is not signed')
    }
    Y.applyUpdate(entry.doc, payload, entry.origin)
  }

  /** The message's document, when attached here; a message for one that is not is counted, and goes no further. */
  const attachedFor = (message: Uint8Array): { parts: { key: ArtifactId; message: Uint8Array }; entry: Attached } | null => {
    const parts = docMessageParts(message)
    if (!parts || destroyed) return null
    const entry = attached.get(parts.key)
    if (!entry) ignored++
    return entry ? { parts, entry } : null
  }

  return {
    connected(link) {
      for (const [key, entry] of attached) ask(link, key, entry)
    },
    closed(peerId) {
      for (const entry of attached.values()) entry.asked.delete(peerId)
    },
    async receive(link, message) {
      const found = attachedFor(message)
      if (!found) return
      const { parts, entry } = found
      const kind = trustKindOf(parts.message)
      try {
        if (!kind) return receiveSync(link, parts.key, entry, parts.message)
        const channel = entry.channel
        if (!channel) return options.onRejected('a signed change, which this device does not check')
        const payload = trustPayloadOf(parts.message)
        if (kind === 'trust-change') {
          return await channel.receiveChange(payload, { reply: (refusal) => sendTo(link, parts.key, encodeTrustMessage('trust-refusal', refusal)) })
        }
        if (kind === 'trust-state') return void (await channel.receiveState(payload))
        return await channel.receiveRefusal(payload)
      } catch {
        options.onRejected('a message for an artifact document that could not be applied')
      }
    },
    reachTabs(publish) {
      toTabs = publish
      for (const [key, entry] of attached) askTabs(key, entry)
    },
    receiveFromTab(message) {
      const found = attachedFor(message)
      if (!found) return
      const { parts, entry } = found
      // Tabs exchange only sync messages, unsigned: what another tab sends is this device's.
      if (trustKindOf(parts.message)) return options.onRejected('a signed message for an artifact document from another tab')
      const { step, payload } = readSync(parts.message)
      try {
        if (step !== 0) return Y.applyUpdate(entry.doc, payload, entry.tabOrigin)
        tellTabs(parts.key, syncMessage(1, Y.encodeStateAsUpdate(entry.doc, payload)))
        if (!entry.tabsAsked) askTabs(parts.key, entry)
      } catch {
        options.onRejected('a message for an artifact document that could not be applied')
      }
    },
    ignored: () => ignored,
    destroy() {
      if (destroyed) return
      destroyed = true
      stopFollowing()
    }
  }
}

/** A sync message message-guard.ts has read whole: type 0, the step, then the payload. */
const readSync = (message: Uint8Array): { step: number; payload: Uint8Array } => {
  const decoder = decoding.createDecoder(message)
  decoding.readVarUint(decoder)
  const step = decoding.readVarUint(decoder)
  return { step, payload: decoding.readVarUint8Array(decoder) }
}
