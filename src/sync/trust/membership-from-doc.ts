import type * as Y from 'yjs'
import { trustMap } from '../../crdt/trust/trust-root'
import type { WorkspaceId } from '../../domain/ids'
import type { TrustAnchor } from '../../domain/trust/membership-entry'
import { makeMembershipLog } from '../../domain/trust/membership-log'
import { makeMembershipView, type MembershipView } from '../../domain/trust/membership-view'
import { decodeEntry } from './membership-codec'

/** Entries a workspace may hold: far above any real lab, low enough to bound the work. */
export const MAX_MEMBERSHIP_ENTRIES = 20_000

export interface LiveMembership {
  /** The view of every entry checked so far (a new view whenever an entry is added). */
  view(): MembershipView
  /** Resolves once every entry now in the document has been checked. */
  settled(): Promise<void>
  /**
   * Checks entries read from an update not applied yet (crdt/trust/trust-entries-in-update.ts):
   * the same check as for the document's own, so a valid entry counts wherever it came from.
   * Resolves once they are checked.
   */
  learn(entries: readonly [string, unknown][]): Promise<void>
  /** Entries refused (bad signature, wrong id, malformed), for the console and tests. */
  refused(): number
  subscribe(listener: () => void): () => void
  destroy(): void
}

/**
 * Keeps a membership view in step with the document's `trust` map. Every entry is checked
 * (signatures, id) before it joins the log; one that fails is left out, on every device alike,
 * since the check depends only on its bytes.
 */
export const watchMembership = (doc: Y.Doc, workspaceId: WorkspaceId, anchor: TrustAnchor): LiveMembership => {
  const log = makeMembershipLog()
  let view = makeMembershipView(log, anchor)
  const seen = new Set<string>()
  const listeners = new Set<() => void>()
  let refused = 0
  let queue: Promise<void> = Promise.resolve()
  let destroyed = false

  const fromDoc = (key: string): unknown => trustMap(doc).get(key)
  const check = (keys: string[], valueOf: (key: string) => unknown = fromDoc): Promise<void> => {
    queue = queue.then(async () => {
      let added = false
      for (const key of keys) {
        if (destroyed || seen.has(key) || seen.size >= MAX_MEMBERSHIP_ENTRIES) continue
        seen.add(key)
        const decoded = await decodeEntry(workspaceId, key, valueOf(key))
        // A value read ahead that fails is forgotten: the document's own may still come, and a
        // bad copy sent first must not hide it.
        if (!decoded.ok && valueOf !== fromDoc) seen.delete(key)
        else if (!decoded.ok) refused++
        else added = log.add(decoded.entry) || added
      }
      if (added && !destroyed) {
        // A new view: the old one's remembered states stay right for the entries they saw.
        view = makeMembershipView(log, anchor)
        listeners.forEach((listener) => listener())
      }
    })
    return queue
  }
  const onChange = (event: Y.YMapEvent<Uint8Array>): void => void check([...event.keysChanged])
  trustMap(doc).observe(onChange)
  void check([...trustMap(doc).keys()])

  return {
    view: () => view,
    settled: () => queue,
    learn(entries) {
      const values = new Map(entries)
      return check([...values.keys()], (key) => values.get(key))
    },
    refused: () => refused,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      if (destroyed) return
      destroyed = true
      trustMap(doc).unobserve(onChange)
      listeners.clear()
    }
  }
}
