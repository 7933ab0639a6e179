import type * as Y from 'yjs'
import { RELAY } from '../../crdt/origins'
import type { ArtifactId } from '../../domain/ids'
import { followAttached, type DocumentSet } from '../document-set'
import type { RelayTrust } from './relay-trust'

/** An artifact's document held for a moment (loaded from this device's storage), and the letting go of it. */
export interface HeldDocument {
  doc: Y.Doc
  release(): void
}

/** The relay's trust gate for one document (relay-trust.ts, `relayDocumentTrust`), and its end. */
export interface DocumentTrust {
  trust: RelayTrust
  destroy(): void
}

/**
 * What the relay needs of the artifact documents (docs/artifact-documents.md, "Wire"): the
 * session's attached ones, the trust gate for each, and, from the composition root, a way to
 * reach one that is not attached (storage holds it for a moment), so that an entry the cursor
 * passes is never lost.
 */
export interface RelayArtifactsOptions {
  documents: DocumentSet
  /** Absent while signed sync is off: artifact entries travel unsigned, as root ones then do. */
  trustFor?: (key: ArtifactId, doc: Y.Doc) => DocumentTrust
  /** An artifact's document as this device stores it, held until released; null when it cannot be read. */
  hold?: (key: ArtifactId) => Promise<HeldDocument | null>
  /** The artifacts whose documents this device stores (a compaction writes each one's state); null when they cannot be listed. */
  stored?: () => Promise<ArtifactId[] | null>
}

export interface RelayArtifacts {
  /** Runs `use` on the artifact's document, attached or held for the while; null when it cannot be reached. */
  withDocument<T>(key: ArtifactId, use: (doc: Y.Doc, trust: RelayTrust | null) => Promise<T>): Promise<T | null>
  /** The trust gate of an attached document (what it signs with); null when none or not attached. */
  trustOf(key: ArtifactId): RelayTrust | null
  /** The artifacts this device stores or has attached, each once; null when the stored ones cannot be listed. */
  keys(): Promise<ArtifactId[] | null>
  destroy(): void
}

/**
 * The artifact side of one relay connection: each attached document's changes made here (not
 * the relay's own) are handed to `send`, and entries for a document are applied to it whether
 * or not it is attached.
 */
/** What the relay keeps for an attached document: its trust gate, and what stops listening to it. */
interface Attached {
  doc: Y.Doc
  trust: DocumentTrust | null
  stop(): void
}

export const makeRelayArtifacts = (options: RelayArtifactsOptions, send: (key: ArtifactId, update: Uint8Array) => void): RelayArtifacts => {
  const attached = new Map<ArtifactId, Attached>()
  const start = (key: ArtifactId, doc: Y.Doc): Attached => {
    const onUpdate = (update: Uint8Array, origin: unknown): void => {
      if (origin !== RELAY) send(key, update)
    }
    doc.on('update', onUpdate)
    const trust = options.trustFor?.(key, doc) ?? null
    return {
      doc,
      trust,
      stop() {
        doc.off('update', onUpdate)
        trust?.destroy()
      }
    }
  }
  const stopFollowing = followAttached(options.documents, attached, start)

  return {
    async withDocument(key, use) {
      const entry = attached.get(key)
      if (entry) return use(entry.doc, entry.trust?.trust ?? null)
      const held = options.hold ? await options.hold(key).catch(() => null) : null
      if (!held) return null
      const trust = options.trustFor?.(key, held.doc) ?? null
      try {
        return await use(held.doc, trust?.trust ?? null)
      } finally {
        trust?.destroy()
        held.release()
      }
    },
    trustOf: (key) => attached.get(key)?.trust?.trust ?? null,
    async keys() {
      const stored = options.stored ? await options.stored().catch(() => null) : []
      return stored && [...new Set([...attached.keys(), ...stored])]
    },
    destroy() {
      stopFollowing()
    }
  }
}
