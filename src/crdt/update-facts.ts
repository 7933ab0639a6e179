import * as Y from 'yjs'
import { hasTrustEntries } from './trust/trust-root'

/**
 * What checking an untrusted workspace update learns from applying it to a scratch document
 * (sync/apply-update.worker.ts), so that the page need not decode the update a second time
 * (for a two-year lab that decode held the page for a noticeable time):
 * - `members`: whether it carries membership entries (storage/open-as-copy.ts);
 * - `stateVector` and `rest`: what it holds, to tell whether a copy already has all of it
 *   (holds-update.ts). `rest` is an update with no integrated structs: the update's deletions,
 *   and any structs that could not be integrated for want of what they build on. Both are
 *   small beside the update.
 */
export interface UpdateFacts {
  members: boolean
  stateVector: Uint8Array
  rest: Uint8Array
}

/** An update applied to a scratch document: re-encoded by Yjs itself, and its facts. Throws when Yjs cannot read it. */
export const applyToScratch = (update: Uint8Array): { update: Uint8Array; facts: UpdateFacts } => {
  const scratch = new Y.Doc({ gc: false })
  try {
    Y.applyUpdate(scratch, update)
    const stateVector = Y.encodeStateVector(scratch)
    return {
      update: Y.encodeStateAsUpdate(scratch),
      facts: { members: hasTrustEntries(scratch), stateVector, rest: Y.encodeStateAsUpdate(scratch, stateVector) }
    }
  } finally {
    scratch.destroy()
  }
}

/** Whether a value (a worker's reply) is a set of update facts. */
export const isUpdateFacts = (value: unknown): value is UpdateFacts => {
  const facts = value as Partial<UpdateFacts> | null
  return (
    typeof facts === 'object' &&
    facts !== null &&
    typeof facts.members === 'boolean' &&
    facts.stateVector instanceof Uint8Array &&
    facts.rest instanceof Uint8Array
  )
}
