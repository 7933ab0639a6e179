import type { EntryId, MembershipEntry } from './membership-entry'

/**
 * The set of membership entries a device holds, as a causal graph (each entry names its
 * parents). Order does not matter: whatever order entries arrive in, the same set gives the
 * same answers. Entries are immutable (their id is the hash of their bytes), so adding one
 * twice changes nothing.
 */
export interface MembershipLog {
  readonly size: number
  get(id: EntryId): MembershipEntry | undefined
  has(id: EntryId): boolean
  /** Adds an entry; false when it was already there. */
  add(entry: MembershipEntry): boolean
  entries(): IterableIterator<MembershipEntry>
}

export const makeMembershipLog = (initial: Iterable<MembershipEntry> = []): MembershipLog => {
  const byId = new Map<EntryId, MembershipEntry>()
  const log: MembershipLog = {
    get size() {
      return byId.size
    },
    get: (id) => byId.get(id),
    has: (id) => byId.has(id),
    add(entry) {
      if (byId.has(entry.id)) return false
      byId.set(entry.id, entry)
      return true
    },
    entries: () => byId.values()
  }
  for (const entry of initial) log.add(entry)
  return log
}

export type Closure = { complete: true; ids: ReadonlySet<EntryId> } | { complete: false; missing: EntryId[] }

/** The given heads and everything before them; incomplete while any ancestor is missing. */
export const closureOf = (log: MembershipLog, heads: readonly EntryId[]): Closure => {
  const ids = new Set<EntryId>()
  const missing = new Set<EntryId>()
  const stack = [...heads]
  while (stack.length > 0) {
    const id = stack.pop() as EntryId
    if (ids.has(id) || missing.has(id)) continue
    const entry = log.get(id)
    if (!entry) {
      missing.add(id)
      continue
    }
    ids.add(id)
    stack.push(...entry.parents)
  }
  return missing.size > 0 ? { complete: false, missing: [...missing].sort() } : { complete: true, ids }
}

const byId = (a: EntryId, b: EntryId): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The one order every device folds a causally complete set of entries in: parents before
 * children, and among entries that are ready at the same time, the smallest id first.
 */
export const causalOrder = (log: MembershipLog, ids: ReadonlySet<EntryId>): MembershipEntry[] => {
  const waitingOn = new Map<EntryId, number>()
  const children = new Map<EntryId, EntryId[]>()
  const ready: EntryId[] = []
  for (const id of ids) {
    const entry = log.get(id) as MembershipEntry
    const parents = new Set(entry.parents.filter((p) => ids.has(p)))
    waitingOn.set(id, parents.size)
    for (const parent of parents) children.set(parent, [...(children.get(parent) ?? []), id])
    if (parents.size === 0) ready.push(id)
  }
  ready.sort(byId)
  const order: MembershipEntry[] = []
  while (ready.length > 0) {
    const id = ready.shift() as EntryId
    order.push(log.get(id) as MembershipEntry)
    for (const child of children.get(id) ?? []) {
      const left = (waitingOn.get(child) ?? 1) - 1
      waitingOn.set(child, left)
      if (left === 0) {
        // Keep `ready` sorted: the next entry taken is always the smallest id that is ready.
        const at = ready.findIndex((other) => byId(child, other) < 0)
        ready.splice(at === -1 ? ready.length : at, 0, child)
      }
    }
  }
  return order
}

/** The entries no other complete entry names as a parent: what a new entry or change cites. */
export const headsOf = (log: MembershipLog): EntryId[] => {
  const all = new Set<EntryId>()
  for (const entry of log.entries()) all.add(entry.id)
  const closure = closureOf(log, [...all])
  // Entries waiting for a missing ancestor are left out: nobody else could judge against them.
  const complete = closure.complete ? all : new Set([...all].filter((id) => closureOf(log, [id]).complete))
  const named = new Set<EntryId>()
  for (const id of complete) for (const parent of (log.get(id) as MembershipEntry).parents) named.add(parent)
  return [...complete].filter((id) => !named.has(id)).sort(byId)
}
