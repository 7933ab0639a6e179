import type * as Y from 'yjs'
import { DocKeySchema, WORKSPACE_DOC_KEY, type DocKey } from '../domain/doc-key'
import type { ArtifactId } from '../domain/ids'

/**
 * The documents one sync session carries (docs/artifact-documents.md, "Wire"): the workspace
 * document (docKey `""`), always, and the artifact documents this device holds now, each
 * attached by whoever holds it (storage/artifact-documents.ts) and detached when it lets go.
 * The transports read it to know which documents to ask peers for and which requests to
 * answer: a document not attached is never loaded for a peer's sake.
 */
export interface DocumentSet {
  readonly root: Y.Doc
  /** The attached artifact document under `key`, the root for `""`; undefined when not attached. */
  get(key: DocKey): Y.Doc | undefined
  /** The artifact documents attached now. */
  artifacts(): [ArtifactId, Y.Doc][]
  /**
   * Attaches an artifact's document; returns the function that detaches it (idempotent). The
   * same document attached twice (two holders) stays attached until both detach. Throws for a key that is not an artifact id, for a key already attached to another
   * document, and past MAX_ATTACHED_DOCUMENTS.
   */
  attach(key: ArtifactId, doc: Y.Doc): () => void
  /** Called after each attach (`attached` true) and detach. */
  subscribe(listener: (key: ArtifactId, doc: Y.Doc, attached: boolean) => void): () => void
}

/**
 * At most this many artifact documents at once: a person has a few open (the editor, an
 * export, a comparison) and storage keeps at most 8 unheld ones loaded; each attached one costs
 * every connected peer a request, so the bound is also what a peer may be asked for at a time.
 */
export const MAX_ATTACHED_DOCUMENTS = 64

export const makeDocumentSet = (root: Y.Doc, max = MAX_ATTACHED_DOCUMENTS): DocumentSet => {
  const attached = new Map<ArtifactId, { doc: Y.Doc; holders: number }>()
  const listeners = new Set<(key: ArtifactId, doc: Y.Doc, attached: boolean) => void>()
  const tell = (key: ArtifactId, doc: Y.Doc, isAttached: boolean): void => listeners.forEach((listener) => listener(key, doc, isAttached))
  return {
    root,
    get: (key) => (key === WORKSPACE_DOC_KEY ? root : attached.get(key)?.doc),
    artifacts: () => [...attached].map(([key, entry]) => [key, entry.doc]),
    attach(key, doc) {
      const parsed = DocKeySchema.safeParse(key)
      if (!parsed.success || parsed.data === WORKSPACE_DOC_KEY) throw new RangeError('an artifact document is attached by its artifact id')
      const current = attached.get(key)
      if (current && current.doc !== doc) throw new Error('another document is attached under this artifact id')
      if (!current && attached.size >= max) throw new RangeError(`at most ${max} artifact documents are attached at once`)
      const entry = current ?? { doc, holders: 0 }
      entry.holders++
      if (!current) {
        attached.set(key, entry)
        tell(key, doc, true)
      }
      let detached = false
      return () => {
        if (detached) return
        detached = true
        if (--entry.holders > 0 || attached.get(key) !== entry) return
        attached.delete(key)
        tell(key, doc, false)
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}

/**
 * What a transport keeps for each attached artifact document (its listeners, its trust gate),
 * kept in step with `documents`: `start` makes an entry for each document attached now and as
 * each is attached, `started` then runs with it (the first asks), and an entry's `stop` runs
 * when its document is detached. Returns what stops following, stopping every entry.
 */
export const followAttached = <E extends { doc: Y.Doc; stop(): void }>(
  documents: DocumentSet,
  entries: Map<ArtifactId, E>,
  start: (key: ArtifactId, doc: Y.Doc) => E,
  started: (key: ArtifactId, entry: E) => void = () => {}
): (() => void) => {
  const attach = (key: ArtifactId, doc: Y.Doc): void => {
    if (entries.has(key)) return
    const entry = start(key, doc)
    entries.set(key, entry)
    started(key, entry)
  }
  const detach = (key: ArtifactId, doc: Y.Doc): void => {
    const entry = entries.get(key)
    if (!entry || entry.doc !== doc) return
    entries.delete(key)
    entry.stop()
  }
  for (const [key, doc] of documents.artifacts()) attach(key, doc)
  const unsubscribe = documents.subscribe((key, doc, isAttached) => (isAttached ? attach(key, doc) : detach(key, doc)))
  return () => {
    unsubscribe()
    for (const entry of entries.values()) entry.stop()
    entries.clear()
  }
}
