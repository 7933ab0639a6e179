import type { EntryId, MembershipEntry } from './membership-entry'

/**
 * Which entries came before which, for a fold walking the log in causal order: an entry's
 * causal past is what its author's device held when writing it (its parents, theirs, and so
 * on). The fold's one order puts concurrent entries one after the other; this says whether one
 * was really known to the other's author (a link made before a re-key carries the old key).
 */
export interface CausalPast {
  add(entry: MembershipEntry): void
  /** Whether `ancestor` is `entry` or in its causal past; false for entries not added. */
  includes(ancestor: EntryId, entry: EntryId): boolean
}

export const makeCausalPast = (): CausalPast => {
  const parents = new Map<EntryId, readonly EntryId[]>()
  return {
    add: (entry) => void parents.set(entry.id, entry.parents),
    includes(ancestor, entry) {
      // A walk back over parents: bounded by the log, which the decoder bounds.
      const seen = new Set<EntryId>()
      const stack = [entry]
      while (stack.length > 0) {
        const id = stack.pop() as EntryId
        if (id === ancestor) return true
        if (seen.has(id)) continue
        seen.add(id)
        for (const parent of parents.get(id) ?? []) stack.push(parent)
      }
      return false
    }
  }
}
