import type * as Y from 'yjs'
import { makeArtifactDoc } from '../crdt/artifact-doc'
import type { ArtifactId, WorkspaceId } from '../domain/ids'
import { databasesOnDevice } from './idb-request'
import { artifactOfDb } from './workspace-db-name'
import { openWorkspacePersistence, type PersistenceOptions, type WorkspacePersistence } from './workspace-persistence'

/** One artifact's document, loaded from this device, for as long as its holder needs it. */
export interface HeldArtifactDocument {
  readonly id: ArtifactId
  readonly doc: Y.Doc
  readonly persistence: WorkspacePersistence
  /** Lets go of it; the last holder's release lets it close (after a short wait). Idempotent. */
  release(): void
}

export interface ArtifactDocuments {
  /**
   * The artifact's document, loading it from this device if nothing holds it yet: the same doc
   * for every holder. Wait for `persistence.settled` before reading it.
   */
  hold(id: ArtifactId): HeldArtifactDocument
  /** The artifacts whose documents are loaded now (held, or waiting to close). */
  loaded(): ArtifactId[]
  /** The artifacts whose documents this device stores; null where the browser cannot list its databases (Firefox before 126). */
  stored(): Promise<ArtifactId[] | null>
  /** Closes every document, held or not; holding again afterwards throws. */
  destroy(): Promise<void>
}

export interface ArtifactDocumentsOptions {
  /** How long a document nobody holds stays loaded, so going back to it does not load it again. */
  lingerMs?: number
  /** At most this many documents stay loaded that nobody holds: past it, the longest unheld closes. */
  maxLingering?: number
  persistence?: Omit<PersistenceOptions, 'docKey'>
}

const DEFAULT_LINGER_MS = 30_000
const DEFAULT_MAX_LINGERING = 8

interface Loaded {
  doc: Y.Doc
  persistence: WorkspacePersistence
  holders: number
  /** Set while nobody holds it: when it closes. */
  closeTimer: ReturnType<typeof setTimeout> | null
  unheldSince: number
}

/**
 * A workspace's artifact documents on this device (docs/artifact-documents.md): each loaded
 * from its own database when something holds it (the editor, an export, a comparison), shared
 * by every holder, and closed once none holds it, like the ref-counted projections of
 * reactive/create-y-projection.ts. Bounded: besides what is held, at most `maxLingering`
 * documents stay loaded, each for at most `lingerMs`.
 */
export const makeArtifactDocuments = (workspaceId: WorkspaceId, options: ArtifactDocumentsOptions = {}): ArtifactDocuments => {
  const lingerMs = options.lingerMs ?? DEFAULT_LINGER_MS
  const maxLingering = options.maxLingering ?? DEFAULT_MAX_LINGERING
  const loaded = new Map<ArtifactId, Loaded>()
  const closing = new Set<Promise<void>>()
  let destroyed = false

  const close = (id: ArtifactId, entry: Loaded): void => {
    if (entry.closeTimer) clearTimeout(entry.closeTimer)
    entry.closeTimer = null
    if (loaded.get(id) === entry) loaded.delete(id)
    // Storage lets go of the doc before the doc is destroyed, as a workspace session does.
    const closed = entry.persistence
      .destroy()
      .catch(() => {})
      .finally(() => {
        entry.doc.destroy()
        closing.delete(closed)
      })
    closing.add(closed)
  }

  const closeLongestUnheld = (): void => {
    const unheld = [...loaded].filter(([, entry]) => entry.holders === 0)
    if (unheld.length <= maxLingering) return
    unheld.sort(([, a], [, b]) => a.unheldSince - b.unheldSince)
    for (const [id, entry] of unheld.slice(0, unheld.length - maxLingering)) close(id, entry)
  }

  const open = (id: ArtifactId): Loaded => {
    const doc = makeArtifactDoc(id)
    const persistence = openWorkspacePersistence(doc, workspaceId, { ...options.persistence, docKey: id })
    const entry: Loaded = { doc, persistence, holders: 0, closeTimer: null, unheldSince: 0 }
    loaded.set(id, entry)
    return entry
  }

  return {
    hold(id) {
      if (destroyed) throw new Error('This workspace’s artifact documents are closed.')
      const entry = loaded.get(id) ?? open(id)
      if (entry.closeTimer) clearTimeout(entry.closeTimer)
      entry.closeTimer = null
      entry.holders += 1
      let released = false
      return {
        id,
        doc: entry.doc,
        persistence: entry.persistence,
        release() {
          if (released) return
          released = true
          entry.holders -= 1
          if (entry.holders > 0 || loaded.get(id) !== entry) return
          entry.unheldSince = Date.now()
          entry.closeTimer = setTimeout(() => close(id, entry), lingerMs)
          closeLongestUnheld()
        }
      }
    },
    loaded: () => [...loaded.keys()],
    async stored() {
      const names = await databasesOnDevice()
      return names && [...names].flatMap((name) => artifactOfDb(workspaceId, name) ?? [])
    },
    async destroy() {
      destroyed = true
      for (const [id, entry] of [...loaded]) close(id, entry)
      await Promise.all([...closing])
    }
  }
}
