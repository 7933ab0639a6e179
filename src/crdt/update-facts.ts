import * as Y from 'yjs'
import { hasTrustEntries } from './trust/trust-root'

/**
 * What checking an untrusted workspace update learns from applying it to a scratch document
 * (sync/apply-update.worker.ts), so that the page need not decode the update a second time
 * (for a two-year lab that decode held the page for a noticeable time):
 * - `members`: whether it carries membership entries (storage/open-as-copy.ts).
 */
export interface UpdateFacts {
  members: boolean
}

/** An update applied to a scratch document: re-encoded by Yjs itself, and its facts. Throws when Yjs cannot read it. */
export const applyToScratch = (update: Uint8Array): { update: Uint8Array; facts: UpdateFacts } => {
  const scratch = new Y.Doc({ gc: false })
  try {
    Y.applyUpdate(scratch, update)
    return { update: Y.encodeStateAsUpdate(scratch), facts: { members: hasTrustEntries(scratch) } }
  } finally {
    scratch.destroy()
  }
}

/** Whether a value (a worker's reply) is a set of update facts. */
export const isUpdateFacts = (value: unknown): value is UpdateFacts => {
  const facts = value as Partial<UpdateFacts> | null
  return typeof facts === 'object' && facts !== null && typeof facts.members === 'boolean'
}
